/**
 * What the CDN bundle (src/bundle.ts) loads up front: the four reading elements, with Lit and the
 * shared base. Every chunk the bundle loads later (src/cdn/lazy-*.ts) imports this module too:
 * it is already loaded by then, so that costs nothing, and it makes esbuild keep all of it in one
 * shared chunk, the bundle two requests (entry and chunk) instead of a file per combination of
 * users (Lit, base, elements...). The directive helpers the comment form's and the story's code use
 * are in it for the same reason: a lazy element is then one request, not a chain of them.
 */
export { NewsArticle } from '../components/news-article/news-article.js';
export { NewsByline } from '../components/news-byline/news-byline.js';
export { NewsPhoto } from '../components/news-photo/news-photo.js';
export { NewsRelated } from '../components/news-related/news-related.js';
export { defineWhenReady } from '../internal/hydration.js';
export { defineLazily } from '../internal/lazy.js';
export { live } from 'lit/directives/live.js';
