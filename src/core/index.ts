/**
 * `news-elements/core`: the pure logic behind the elements — no DOM, safe on a server.
 * Credits grouping, date and list formatting, URL checks, CMS text, related items, the comment
 * form's model, validation, drafts and transports (`createTransport`), and the localized strings.
 */
export * from './credits.js';
export * from './format.js';
export * from './localize.js';
export * from './related.js';
export * from './text.js';
export * from './comment/index.js';
export * from './story/index.js';
export { catalogs, loadTranslations, type Catalog } from './messages.js';
