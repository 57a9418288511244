/**
 * The public design tokens and their defaults: all an element needs at run time. Their groups and
 * descriptions live in token-list.ts, which build tools, Storybook and tests read, so none of that
 * documentation is shipped in the elements' bundles. Pure data: no DOM.
 */
export const TOKEN_VALUES = {
  '--news-color-text': '#1a1a1a',
  '--news-color-text-muted': '#555555',
  '--news-color-background': '#ffffff',
  '--news-color-surface': '#f1f1f1',
  '--news-color-border': '#d4d4d4',
  '--news-color-accent': '#b3261e',
  '--news-color-link': '#0b57d0',
  '--news-color-focus': '#0b57d0',
  '--news-font-body': "Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif",
  '--news-font-heading': "Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif",
  '--news-font-ui': "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif",
  '--news-font-size-body': '1.125rem',
  '--news-font-size-small': '0.875rem',
  '--news-line-height-body': '1.65',
  '--news-space-1': '0.25rem',
  '--news-space-2': '0.5rem',
  '--news-space-3': '1rem',
  '--news-space-4': '1.5rem',
  '--news-space-5': '2.5rem',
  '--news-radius': '4px',
  '--news-photo-radius': 'var(--news-radius, 4px)',
  '--news-photo-caption-color': 'var(--news-color-text-muted, #555555)',
  '--news-photo-backdrop': 'rgb(0 0 0 / 0.85)',
  '--news-article-measure': '42rem',
  '--news-article-headline-size': 'clamp(1.75rem, 1.2rem + 2.4vw, 2.75rem)',
  '--news-byline-color': 'var(--news-color-text-muted, #555555)',
  '--news-related-card-radius': 'var(--news-radius, 4px)',
  '--news-related-card-min-size': '14rem',
  '--news-related-label-color': 'var(--news-color-accent, #b3261e)',
  '--news-comment-error-color': '#b3261e',
  '--news-story-max-width': '48rem',
} as const;

export type TokenName = keyof typeof TOKEN_VALUES;

/** `--news-color-text` → `--_color-text`: the private name an element reads. */
export function privateName(name: string): string {
  return name.replace(/^--news-/, '--_');
}

/**
 * The private variables declared from their public tokens: `--_color-text: var(--news-color-text, #1a1a1a);`…
 * Every one, or only those the CSS texts in `usedBy` read (`var(--_color-text`): a shadow root then
 * carries its own few, not all of them (they are repeated in every shadow root of a server-rendered page).
 */
export function privateDeclarations(usedBy?: readonly string[]): string {
  const used = usedBy && new Set(usedBy.flatMap((css) => [...css.matchAll(/var\(\s*(--_[\w-]+)/g)].map((m) => m[1])));
  return Object.entries(TOKEN_VALUES)
    .filter(([name]) => !used || used.has(privateName(name)))
    .map(([name, value]) => `${privateName(name)}:var(${name},${value});`)
    .join(''); // compact, for the same reason
}
