// As ssr-frame.ts, but without Lit's hydration support: the elements render over the server's HTML.
import './ssr-elements.js';
