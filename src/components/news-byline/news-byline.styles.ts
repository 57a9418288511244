import { css } from 'lit';

export const styles = css`
  :host {
    font-family: var(--_font-ui);
    font-size: var(--_font-size-small);
    line-height: 1.5;
    color: var(--_byline-color);
  }

  [part~='byline'] {
    margin: 0;
    /* Very long names and URLs-as-names wrap instead of overflowing a narrow column. */
    overflow-wrap: anywhere;
  }

  /* A Latin name in a Persian byline (or the reverse) keeps its own direction. */
  [part~='name'],
  [part~='place'] {
    unicode-bidi: isolate;
  }

  [part~='link'] {
    color: var(--_color-link);
    /* Underlined: a link must not be told apart from the byline by colour alone. */
    text-decoration: underline;
    text-decoration-thickness: 1px;
    text-underline-offset: 0.15em;
    border-radius: 2px;
  }

  [part~='link']:hover {
    text-decoration-thickness: 2px;
  }
`;
