// Loaded into a test page that holds server-rendered elements (test/server/ssr.js): Lit's
// hydration support first (before anything imports Lit), then the elements, which take the
// server's HTML over as they are defined.
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
import './ssr-elements.js';
