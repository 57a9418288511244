import { css, unsafeCSS, type CSSResult } from 'lit';
import { privateDeclarations } from './token-values.js';

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

/**
 * Every element reads public tokens through private variables declared on its host:
 * `--_color-text: var(--news-color-text, #1a1a1a)`. Elements use only `var(--_…)`, so the
 * defaults live in one place (token-values.ts) and a token set on the page or the element wins.
 * An element declares the ones its styles read (`styles`: its shadow CSS, and CSS it adopts for
 * light-DOM children, which inherit them from the host), so a shadow root carries its own few.
 * Put it first in the element's `styles`.
 */
export function tokenStylesFor(...styles: Array<CSSResult | string>): CSSResult {
  const texts = styles.map((s) => (typeof s === 'string' ? s : s.cssText));
  return css`
    :host {
      ${unsafeCSS(privateDeclarations([hostStyles.cssText, ...texts]))}
    }
  `;
}
