import { css } from 'lit';

/**
 * The story's box is sealed against the partner page. A page rule reaches a shadow tree only
 * through the host element (its own box and what it inherits), so the host resets every property
 * with `!important`: in the cascade, an `!important` declaration of the shadow tree (`:host`) wins
 * over the page's `!important` (`* { … !important }`, `news-story { … !important }`), the reverse of
 * normal declarations. Custom properties are not reset by `all`: the `--news-*` tokens still pass
 * through, as designed.
 *
 * The default tokens are in rem, and a partner's `html { font-size: 62.5% }` would shrink every
 * one of them: inside a story they are restated in px (1rem = 16px). A token the page sets on the
 * element or an ancestor still wins over these defaults (a page rule on the host beats `:host`).
 */
export const styles = css`
  :host {
    --news-font-size-body: 18px;
    --news-font-size-small: 14px;
    --news-space-1: 4px;
    --news-space-2: 8px;
    --news-space-3: 16px;
    --news-space-4: 24px;
    --news-space-5: 40px;
    --news-article-measure: 672px;
    --news-article-headline-size: clamp(28px, 19.2px + 2.4vw, 44px);
    --news-related-card-min-size: 224px;
    --news-story-max-width: 768px;
  }
  :host {
    all: initial !important;
    display: block !important;
    box-sizing: border-box !important;
    inline-size: auto !important;
    max-inline-size: 100% !important;
    margin: 0 !important;
    padding: 0 !important;
    text-align: start !important;
    color: var(--_color-text) !important;
    /* Its own surface: text keeps its contrast on a dark partner page. */
    background: var(--_color-background) !important;
    font-size: 16px !important;
  }
  :host([hidden]) {
    display: none !important;
  }

  .story,
  .state {
    box-sizing: border-box;
    max-inline-size: var(--_story-max-width);
    margin-inline: auto;
    font-family: var(--_font-body);
    font-size: var(--_font-size-body);
    line-height: var(--_line-height-body);
    color: var(--_color-text);
    overflow-wrap: break-word;
  }

  /* font="page": the publisher lets the story take the page's font. The host inherits it, and the
     font tokens are set to a value that is not a font family: every font token read is then invalid
     at computed-value time, which for font-family (an inherited property) means inherit. */
  :host([font='page']) {
    font-family: inherit !important;
  }
  :host([font='page']) .story,
  :host([font='page']) .state {
    --news-font-body: 0;
    --news-font-heading: 0;
    --news-font-ui: 0;
    font-family: inherit;
  }
  :host([font='page']) .publisher,
  :host([font='page']) .original {
    font-family: inherit;
  }

  .publisher {
    margin: 0 0 var(--_space-3);
    font-family: var(--_font-ui);
    font-size: var(--_font-size-small);
    font-weight: 600;
    line-height: 1.4;
    color: var(--_color-text-muted);
  }

  .original {
    margin: 0;
    font-family: var(--_font-ui);
    font-size: var(--_font-size-small);
    line-height: 1.5;
  }

  a {
    color: var(--_color-link);
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  news-related {
    margin-block-start: var(--_space-5);
  }

  news-comment-form {
    margin-block-start: var(--_space-5);
  }

  /* Loading: space held for the story (a viewport's height, so nothing the page has below it
     moves on screen when the story arrives), with a quiet skeleton. */
  .loading {
    min-block-size: 100vh;
  }
  .status {
    margin: 0 0 var(--_space-3);
    font-family: var(--_font-ui);
    font-size: var(--_font-size-small);
    color: var(--_color-text-muted);
  }
  .bone {
    display: block;
    block-size: 1em;
    margin-block-end: var(--_space-3);
    border-radius: var(--_radius);
    background: var(--_color-surface);
  }
  .bone.headline {
    block-size: 2.5em;
    inline-size: 85%;
  }
  .bone.photo {
    block-size: auto;
    aspect-ratio: 16 / 9;
  }
  .bone.short {
    inline-size: 60%;
  }

  .error {
    padding: var(--_space-3);
    border: 1px solid var(--_color-border);
    border-radius: var(--_radius);
    font-family: var(--_font-ui);
    font-size: var(--_font-size-small);
  }
  .error p {
    margin: 0 0 var(--_space-2);
  }
  .error p:last-child {
    margin: 0;
  }
`;
