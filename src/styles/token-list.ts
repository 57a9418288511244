import { TOKEN_VALUES, type TokenName } from './token-values.js';

export { privateName } from './token-values.js';

/**
 * The public design tokens of news-elements, documented: their names and defaults come from
 * token-values.ts (what the elements ship), their groups and descriptions from here. The build
 * writes them out as `dist/styles/tokens.css`, and Storybook's "Design tokens" page shows them.
 * Pure data: no DOM.
 */
export interface Token {
  /** Public custom property a designer sets, e.g. `--news-color-accent`. */
  name: TokenName;
  /** The value used when the page does not set it. */
  value: string;
  group: 'color' | 'font' | 'space' | 'shape' | 'photo' | 'article' | 'byline' | 'related' | 'comment' | 'story';
  description: string;
}

/** Every token has its documentation: the type makes a token without one a compile error. */
const DOCS: Record<TokenName, Pick<Token, 'group' | 'description'>> = {
  '--news-color-text': { group: 'color', description: 'Body and heading text.' },
  '--news-color-text-muted': { group: 'color', description: 'Secondary text: dates, credits, captions (≥ 4.5:1 on the background).' },
  '--news-color-background': { group: 'color', description: 'Surfaces the elements paint themselves (dialogs, fallbacks).' },
  '--news-color-surface': { group: 'color', description: 'Placeholder behind images and the broken-image fallback.' },
  '--news-color-border': { group: 'color', description: 'Rules and outlines.' },
  '--news-color-accent': { group: 'color', description: 'Kicker, section label and other brand accents (≥ 4.5:1 on the background).' },
  '--news-color-link': { group: 'color', description: 'Links.' },
  '--news-color-focus': { group: 'color', description: 'Keyboard focus ring.' },
  '--news-font-body': { group: 'font', description: 'Article body text.' },
  '--news-font-heading': { group: 'font', description: 'Headline and subheads.' },
  '--news-font-ui': { group: 'font', description: 'Labels, captions, credits, bylines, buttons.' },
  '--news-font-size-body': { group: 'font', description: 'Article body size.' },
  '--news-font-size-small': { group: 'font', description: 'Captions, credits, dates.' },
  '--news-line-height-body': { group: 'font', description: 'Article body line height.' },
  '--news-space-1': { group: 'space', description: 'Smallest gap.' },
  '--news-space-2': { group: 'space', description: 'Gap between a label and its value.' },
  '--news-space-3': { group: 'space', description: 'Gap between blocks.' },
  '--news-space-4': { group: 'space', description: 'Gap between paragraphs and figures.' },
  '--news-space-5': { group: 'space', description: 'Gap between sections.' },
  '--news-radius': { group: 'shape', description: 'Corner radius of images, buttons and dialogs.' },
  '--news-photo-radius': { group: 'photo', description: 'Corner radius of a photo.' },
  '--news-photo-caption-color': { group: 'photo', description: 'Caption text.' },
  '--news-photo-backdrop': { group: 'photo', description: 'Backdrop behind the expanded photo.' },
  '--news-article-measure': { group: 'article', description: 'Maximum line length of the article.' },
  '--news-article-headline-size': { group: 'article', description: 'Headline size.' },
  '--news-byline-color': { group: 'byline', description: 'Byline text.' },
  '--news-related-card-radius': { group: 'related', description: 'Corner radius of a related-article card and its image.' },
  '--news-related-card-min-size': { group: 'related', description: 'Narrowest a related-article card gets before the grid drops a column.' },
  '--news-related-label-color': { group: 'related', description: 'The "Read also" label, the section label of a card and the rule above the heading (≥ 4.5:1 on the background).' },
  '--news-comment-error-color': { group: 'comment', description: 'Error messages of the comment form and the outline of a field in error (≥ 4.5:1 on the background).' },
  '--news-story-max-width': { group: 'story', description: 'Widest an embedded story gets; it is centred in a wider container.' },
};

export const TOKENS: readonly Token[] = (Object.keys(TOKEN_VALUES) as TokenName[]).map((name) => ({
  name,
  value: TOKEN_VALUES[name],
  ...DOCS[name],
}));

/** The tokens as a stylesheet for a page: every token with its default, on `:root`. */
export function tokensCss(): string {
  const lines = TOKENS.map((t) => `  /* ${t.description} */\n  ${t.name}: ${t.value};`);
  return `/* news-elements design tokens: override any of them on :root or on an element. */\n:root {\n${lines.join('\n')}\n}\n`;
}
