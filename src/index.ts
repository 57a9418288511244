/**
 * news-elements: every element, defined on import (the "all" entry; the CDN bundle is built from it).
 * Import one element at a time from `news-elements/photo`, `news-elements/byline`, `news-elements/article`,
 * `news-elements/related`, `news-elements/comment-form`, `news-elements/story`.
 */
// First, before Lit loads: lets the elements take over server-rendered markup (renderStory).
import './hydrate.js';
export { NewsArticle } from './components/news-article/define.js';
export { NewsCommentForm } from './components/news-comment-form/define.js';
export { NewsByline } from './components/news-byline/define.js';
export { NewsPhoto } from './components/news-photo/define.js';
export { NewsRelated } from './components/news-related/define.js';
export { NewsStory } from './components/news-story/define.js';
