/**
 * The public design tokens of news-elements: the one place they are named, given defaults and
 * documented. `tokens.ts` turns them into each element's private `--_*` variables, the build
 * writes them out as `dist/styles/tokens.css`, and Storybook's "Design tokens" page shows them.
 * Pure data: no DOM.
 */
export interface Token {
  /** Public custom property a designer sets, e.g. `--news-color-accent`. */
  name: `--news-${string}`;
  /** The value used when the page does not set it. */
  value: string;
  group: 'color' | 'font' | 'space' | 'shape' | 'photo' | 'article' | 'byline';
  description: string;
}

export const TOKENS: readonly Token[] = [
  { name: '--news-color-text', value: '#1a1a1a', group: 'color', description: 'Body and heading text.' },
  { name: '--news-color-text-muted', value: '#555555', group: 'color', description: 'Secondary text: dates, credits, captions (≥ 4.5:1 on the background).' },
  { name: '--news-color-background', value: '#ffffff', group: 'color', description: 'Surfaces the elements paint themselves (dialogs, fallbacks).' },
  { name: '--news-color-surface', value: '#f1f1f1', group: 'color', description: 'Placeholder behind images and the broken-image fallback.' },
  { name: '--news-color-border', value: '#d4d4d4', group: 'color', description: 'Rules and outlines.' },
  { name: '--news-color-accent', value: '#b3261e', group: 'color', description: 'Kicker, section label and other brand accents (≥ 4.5:1 on the background).' },
  { name: '--news-color-link', value: '#0b57d0', group: 'color', description: 'Links.' },
  { name: '--news-color-focus', value: '#0b57d0', group: 'color', description: 'Keyboard focus ring.' },
  { name: '--news-font-body', value: "Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif", group: 'font', description: 'Article body text.' },
  { name: '--news-font-heading', value: "Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif", group: 'font', description: 'Headline and subheads.' },
  { name: '--news-font-ui', value: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif", group: 'font', description: 'Labels, captions, credits, bylines, buttons.' },
  { name: '--news-font-size-body', value: '1.125rem', group: 'font', description: 'Article body size.' },
  { name: '--news-font-size-small', value: '0.875rem', group: 'font', description: 'Captions, credits, dates.' },
  { name: '--news-line-height-body', value: '1.65', group: 'font', description: 'Article body line height.' },
  { name: '--news-space-1', value: '0.25rem', group: 'space', description: 'Smallest gap.' },
  { name: '--news-space-2', value: '0.5rem', group: 'space', description: 'Gap between a label and its value.' },
  { name: '--news-space-3', value: '1rem', group: 'space', description: 'Gap between blocks.' },
  { name: '--news-space-4', value: '1.5rem', group: 'space', description: 'Gap between paragraphs and figures.' },
  { name: '--news-space-5', value: '2.5rem', group: 'space', description: 'Gap between sections.' },
  { name: '--news-radius', value: '4px', group: 'shape', description: 'Corner radius of images, buttons and dialogs.' },
  { name: '--news-photo-radius', value: 'var(--news-radius, 4px)', group: 'photo', description: 'Corner radius of a photo.' },
  { name: '--news-photo-caption-color', value: 'var(--news-color-text-muted, #555555)', group: 'photo', description: 'Caption text.' },
  { name: '--news-photo-backdrop', value: 'rgb(0 0 0 / 0.85)', group: 'photo', description: 'Backdrop behind the expanded photo.' },
  { name: '--news-article-measure', value: '42rem', group: 'article', description: 'Maximum line length of the article.' },
  { name: '--news-article-headline-size', value: 'clamp(1.75rem, 1.2rem + 2.4vw, 2.75rem)', group: 'article', description: 'Headline size.' },
  { name: '--news-byline-color', value: 'var(--news-color-text-muted, #555555)', group: 'byline', description: 'Byline text.' },
];

/** `--news-color-text` → `--_color-text`: the private name an element reads. */
export function privateName(name: string): string {
  return name.replace(/^--news-/, '--_');
}

/** The tokens as a stylesheet for a page: every token with its default, on `:root`. */
export function tokensCss(): string {
  const lines = TOKENS.map((t) => `  /* ${t.description} */\n  ${t.name}: ${t.value};`);
  return `/* news-elements design tokens: override any of them on :root or on an element. */\n:root {\n${lines.join('\n')}\n}\n`;
}
