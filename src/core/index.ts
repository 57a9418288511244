/**
 * `news-elements/core`: the pure logic behind the elements — no DOM, safe on a server.
 * Credits grouping, date and list formatting, URL checks and the localized strings.
 */
export * from './credits.js';
export * from './format.js';
export * from './localize.js';
export { catalogs, type Catalog } from './messages.js';
