import { css } from 'lit';

/**
 * The shadow tree's own styles: the header, the frames around the slots, and the body container's
 * inheritable typography (font, size, line height, colour), which the light-DOM body inherits
 * through its slot. Block-level spacing of the light-DOM body lives in news-article.body.styles.ts.
 */
export const styles = css`
  [hidden] {
    display: none !important;
  }

  article {
    max-inline-size: var(--_article-measure);
    margin-inline: auto;
    color: var(--_color-text);
    overflow-wrap: break-word;
  }

  header {
    margin-block-end: var(--_space-4);
  }

  .labels {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: var(--_space-1) var(--_space-2);
    margin-block: 0 var(--_space-2);
    font-family: var(--_font-ui);
    font-size: var(--_font-size-small);
    font-weight: 700;
    line-height: 1.4;
    letter-spacing: 0.02em;
    color: var(--_color-accent);
  }

  [part='section'] {
    text-transform: uppercase;
  }

  /* A thin rule between the section and the kicker when both are shown. */
  [part='section'] + [part='kicker'] {
    padding-inline-start: var(--_space-2);
    border-inline-start: 1px solid currentColor;
  }

  .headline {
    margin-block: 0;
    font-family: var(--_font-heading);
    font-size: var(--_article-headline-size);
    font-weight: 700;
    line-height: 1.15;
    letter-spacing: -0.005em;
    color: var(--_color-text);
    text-wrap: balance;
  }

  [part='dek'] {
    margin-block: var(--_space-3) 0;
    font-family: var(--_font-body);
    /* 1.25rem by default, but from the body size, not the page's root (an embed's root is a partner's). */
    font-size: calc(var(--_font-size-body) * 1.1111);
    line-height: 1.45;
    color: var(--_color-text-muted);
  }

  /* The meta lines under the header and the footer: small UI text after a rule. */
  [part='meta'],
  [part='footer'] {
    padding-block-start: var(--_space-3);
    border-block-start: 1px solid var(--_color-border);
    font-family: var(--_font-ui);
    font-size: var(--_font-size-small);
    line-height: 1.5;
    color: var(--_color-text-muted);
  }

  [part='meta'] {
    display: flex;
    flex-direction: column;
    gap: var(--_space-1);
    margin-block-start: var(--_space-3);
  }

  [part='dates'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space-3);
    margin: 0;
  }

  [part='media'] {
    margin-block: 0 var(--_space-4);
  }

  [part='body'] {
    font-family: var(--_font-body);
    font-size: var(--_font-size-body);
    line-height: var(--_line-height-body);
    color: var(--_color-text);
  }

  [part='footer'] {
    margin-block-start: var(--_space-5);
  }
`;
