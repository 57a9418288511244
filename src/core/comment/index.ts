/**
 * The comment form's pure logic: model, validation, transports (WordPress REST, WordPress's
 * classic form post, a JSON contract) and draft storage. No DOM; safe on a server.
 */
export * from './model.js';
export * from './validate.js';
export * from './draft-store.js';
export * from './transport.js';
export * from './wordpress.js';
export * from './json.js';
