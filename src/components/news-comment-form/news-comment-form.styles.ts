import { sheetAdopter } from '../../internal/adopt-sheet.js';
import { privateDeclarations } from '../../styles/token-values.js';

/**
 * Styles of <news-comment-form>. Its fields live in its light DOM (so labels, autofill, password
 * managers and `aria-describedby` work as on any page), where shadow CSS cannot reach. So, like the
 * article body (news-article.body.styles.ts), one constructable sheet is adopted into the form's
 * root node (the document, or the shadow root it lives in).
 *
 * Every selector starts at `news-comment-form` and puts the rest in `:where()`: specificity
 * (0,0,1). That is enough to beat a page reset of the same weight (`input { … }`: adopted sheets
 * come after the page's own), and any page rule with a class or an id wins, so a site can restyle
 * the form with ordinary CSS (`.site news-comment-form .ncf-btn { … }`). Class names are prefixed
 * `ncf-` so page classes such as `.error` never match inside the form.
 *
 * There is no `:host` here, so the private `--_x` variables are declared on the element itself.
 */
export const formCss = /* css */ `
news-comment-form {
  ${privateDeclarations()}
  display: block;
  font-family: var(--_font-ui);
  color: var(--_color-text);
  line-height: 1.5;
}
news-comment-form[hidden] {
  display: none;
}
news-comment-form :where(*, *::before, *::after) {
  box-sizing: border-box;
}
news-comment-form :where(:focus-visible) {
  outline: 2px solid var(--_color-focus);
  outline-offset: 2px;
}
news-comment-form :where(.ncf-h) {
  margin-block: 0 var(--_space-2);
  font-family: var(--_font-heading);
  font-size: 1.5em;
  font-weight: 700;
  line-height: 1.25;
}
news-comment-form :where(p, ul, fieldset) {
  margin-block: 0;
}
news-comment-form :where(.ncf-note, .ncf-count, .ncf-pending, time) {
  font-size: var(--_font-size-small);
  color: var(--_color-text-muted);
}
news-comment-form :where(.ncf-note, .ncf-reply) {
  margin-block-end: var(--_space-3);
}
news-comment-form :where(fieldset) {
  min-inline-size: 0;
  margin-inline: 0;
  padding: 0;
  border: 0;
}
news-comment-form :where(.ncf-f) {
  margin-block-end: var(--_space-3);
}
news-comment-form :where(.ncf-f > label) {
  display: block;
  margin-block-end: var(--_space-1);
  font-weight: 600;
}
news-comment-form :where(input, textarea, button) {
  font: inherit;
  letter-spacing: inherit;
}
news-comment-form :where(.ncf-f > input, textarea) {
  display: block;
  inline-size: 100%;
  min-block-size: 2.75rem;
  margin: 0;
  padding: var(--_space-2);
  border: 1px solid var(--_color-text-muted);
  border-radius: var(--_radius);
  color: var(--_color-text);
  background: var(--_color-background);
}
news-comment-form :where(textarea) {
  min-block-size: 10rem;
  resize: vertical;
}
news-comment-form :where([aria-invalid='true']) {
  border-color: var(--_comment-error-color);
  box-shadow: inset 0 0 0 1px var(--_comment-error-color);
}
news-comment-form :where(.ncf-err) {
  margin-block-start: var(--_space-1);
  font-size: var(--_font-size-small);
  font-weight: 600;
  color: var(--_comment-error-color);
}
news-comment-form :where(.ncf-count) {
  margin-block-start: var(--_space-1);
}
news-comment-form :where(.ncf-check) {
  display: flex;
  gap: var(--_space-2);
  align-items: flex-start;
  margin-block-end: var(--_space-3);
}
news-comment-form :where(.ncf-check > input) {
  flex: none;
  inline-size: 1.5rem;
  block-size: 1.5rem;
  margin: 0;
  accent-color: var(--_color-link);
}
news-comment-form :where(.ncf-actions) {
  display: flex;
  flex-wrap: wrap;
  gap: var(--_space-2);
  align-items: center;
}
news-comment-form :where(.ncf-btn) {
  min-block-size: 2.75rem;
  padding-block: var(--_space-2);
  padding-inline: var(--_space-4);
  border: 2px solid var(--_color-link);
  border-radius: var(--_radius);
  font-weight: 600;
  color: var(--_color-background);
  background: var(--_color-link);
  cursor: pointer;
}
news-comment-form :where(.ncf-alt) {
  color: var(--_color-link);
  background: var(--_color-background);
}
news-comment-form :where(.ncf-btn[aria-disabled='true'], .ncf-btn:disabled) {
  border-color: var(--_color-text-muted);
  color: var(--_color-background);
  background: var(--_color-text-muted);
  cursor: not-allowed;
}
news-comment-form :where(.ncf-link) {
  min-block-size: 1.5rem;
  margin: 0;
  padding-block: 0;
  padding-inline: var(--_space-1);
  border: 0;
  color: var(--_color-link);
  background: none;
  text-decoration: underline;
  cursor: pointer;
}
news-comment-form :where(.ncf-sum) {
  margin-block-end: var(--_space-3);
  padding: var(--_space-3);
  border: 2px solid var(--_comment-error-color);
  border-radius: var(--_radius);
}
news-comment-form :where(.ncf-sum > :is(h3, h4, h5, h6)) {
  margin-block: 0 var(--_space-2);
  font-size: 1.125em;
}
news-comment-form :where(.ncf-sum ul) {
  padding-inline-start: var(--_space-4);
}
news-comment-form :where(.ncf-sum a) {
  display: inline-block;
  min-block-size: 1.5rem;
  font-weight: 600;
  color: var(--_comment-error-color);
}
news-comment-form :where(.ncf-status.ncf-on) {
  margin-block-start: var(--_space-3);
  padding-block: var(--_space-2);
  padding-inline: var(--_space-3);
  border-inline-start: 4px solid var(--_color-link);
  background: var(--_color-surface);
}
news-comment-form :where(.ncf-status.ncf-bad) {
  border-inline-start-color: var(--_comment-error-color);
}
news-comment-form :where(.ncf-posted) {
  margin-block-start: var(--_space-3);
  padding: var(--_space-3);
  border: 1px solid var(--_color-border);
  border-radius: var(--_radius);
}
news-comment-form :where(.ncf-meta > b) {
  margin-inline-end: var(--_space-2);
}
news-comment-form :where(.ncf-text) {
  margin-block-start: var(--_space-2);
  font-family: var(--_font-body);
  white-space: pre-line;
  overflow-wrap: anywhere;
}
/* Clipped where it stands (the honeypot too): an offset off-screen would widen a page whose
   direction differs from the form's. */
news-comment-form :where(.ncf-hp, .ncf-vh) {
  position: absolute;
  inline-size: 1px;
  block-size: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
}
`;

/** Adopts the form's sheet into `root` (the form's root node) once. Never throws. */
export const adoptFormStyles = sheetAdopter(formCss).adopt;
