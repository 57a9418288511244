/** The CDN bundle's chunk of Lit's hydrate support (see ./eager.ts for why it imports it). */
export * from './eager.js';
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
