import { css, unsafeCSS } from 'lit';
import { privateDeclarations } from './token-values.js';

/**
 * Every element reads public tokens through private variables declared once here:
 * `--_color-text: var(--news-color-text, #1a1a1a)`. Elements use only `var(--_…)`, so the
 * defaults live in one place (token-values.ts) and a token set on the page or the element wins.
 */
export const tokenStyles = css`
  :host {
    ${unsafeCSS(privateDeclarations())}
  }
`;

/** Shared resets for every element's shadow root: the host box, hidden, focus ring. */
export const hostStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: 2px solid var(--_color-focus);
    outline-offset: 2px;
  }
`;
