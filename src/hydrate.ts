/**
 * Lit's hydrate support: lets elements take over server-rendered markup (declarative shadow DOM
 * from `renderStory()`) without rendering it again. It must run before Lit loads, so import it
 * first: `import 'news-elements/hydrate'; import 'news-elements/story';`. The CDN bundle and the
 * "all" entry include it.
 */
import '@lit-labs/ssr-client/lit-element-hydrate-support.js';
