import { sheetAdopter } from '../../internal/adopt-sheet.js';

/**
 * Typography for the article body, which stays in the light DOM (crawlers, readers without
 * JavaScript). Shadow CSS cannot reach it: `::slotted()` matches only top-level nodes and loses to
 * any page rule. So this one sheet is adopted into the article's root node (the document, or the
 * shadow root of an element that renders an article), and every selector starts at
 * `news-article >` a child without `slot`: nothing outside an article body is ever matched.
 *
 * Specificity is kept at (0,0,2) (`news-article > p`; the `:where(:not([slot]))` filters sit in `:where()`,
 * which counts for nothing): enough to survive a page reset such as `p { margin: 0 }` (0,0,1) or
 * `* { margin: 0 }` (0,0,0), low enough that any page rule with a class or an id
 * (`.site news-article > p`, `.entry-content p`) overrides it, as do the tokens. A page rule of
 * equal specificity loses, because adopted sheets come after the page's own sheets.
 *
 * The `--_*` variables are declared on the host by the element's shadow styles; custom properties
 * inherit, so they reach the body's light-DOM descendants. Font, size, line height and colour are
 * inherited from the shadow body container (`part="body"`) and are not repeated here.
 */
export const bodyCss = /* css */ `
news-article > p:where(:not([slot])) {
  margin-block: 0 var(--_space-4);
}

news-article > :is(h2, h3, h4, h5, h6):where(:not([slot])) {
  margin-block: var(--_space-5) var(--_space-3);
  font-family: var(--_font-heading);
  font-weight: 700;
  line-height: 1.25;
  color: var(--_color-text);
}
news-article > h2:where(:not([slot])) {
  font-size: 1.5em;
}
news-article > h3:where(:not([slot])) {
  font-size: 1.25em;
}
news-article > :is(h4, h5, h6):where(:not([slot])) {
  font-size: 1em;
}

news-article > a:where(:not([slot])),
news-article > :where(:not([slot])) a {
  color: var(--_color-link);
  text-decoration-line: underline;
  text-decoration-thickness: 1px;
  text-underline-offset: 0.15em;
}
news-article > a:where(:not([slot])):hover,
news-article > :where(:not([slot])) a:hover {
  text-decoration-thickness: 2px;
}
news-article > a:where(:not([slot])):focus-visible,
news-article > :where(:not([slot])) a:focus-visible {
  outline: 2px solid var(--_color-focus);
  outline-offset: 2px;
  border-radius: 2px;
}

news-article > blockquote:where(:not([slot])) {
  margin-block: var(--_space-4);
  margin-inline: 0;
  padding-inline-start: var(--_space-3);
  border-inline-start: 4px solid var(--_color-accent);
  font-family: var(--_font-heading);
  font-size: 1.15em;
  line-height: 1.45;
}
news-article > blockquote:where(:not([slot])) > :is(p, footer) {
  margin-block: 0 var(--_space-2);
}
news-article > blockquote:where(:not([slot])) > :last-child {
  margin-block-end: 0;
}
news-article > blockquote:where(:not([slot])) :is(cite, footer) {
  font-family: var(--_font-ui);
  font-size: var(--_font-size-small);
  font-style: normal;
  color: var(--_color-text-muted);
}

news-article > :is(ul, ol):where(:not([slot])) {
  margin-block: 0 var(--_space-4);
  margin-inline: 0;
  padding-inline-start: var(--_space-4);
}
news-article > :is(ul, ol):where(:not([slot])) li + li {
  margin-block-start: var(--_space-2);
}

news-article > figure:where(:not([slot])) {
  margin-block: var(--_space-4);
  margin-inline: 0;
}
news-article > img:where(:not([slot])),
news-article > :where(:not([slot])) img {
  max-inline-size: 100%;
  block-size: auto;
}
news-article > figure:where(:not([slot])) img {
  display: block;
}
news-article > figure:where(:not([slot])) figcaption {
  margin-block-start: var(--_space-2);
  font-family: var(--_font-ui);
  font-size: var(--_font-size-small);
  line-height: 1.45;
  color: var(--_color-text-muted);
}

news-article > hr:where(:not([slot])) {
  block-size: 0;
  margin-block: var(--_space-5);
  margin-inline: 0;
  border-width: 0;
  border-block-start: 1px solid var(--_color-border);
}

/* A heading slotted as the headline takes the header's headline typography, not the page's. */
news-article > :is(h1, h2, h3, h4, h5, h6):where([slot='headline']) {
  margin: 0;
  font: inherit;
  letter-spacing: inherit;
  color: inherit;
}
`;

const body = sheetAdopter(bodyCss);

/** Adopts the body sheet into `root` (the article's root node) once. Never throws. */
export const adoptBodyStyles = body.adopt;

/** The shared body sheet of `doc`, if one was made (for tests and tooling). */
export function bodyStyleSheet(doc: Document = document): CSSStyleSheet | undefined {
  return body.sheet(doc);
}
