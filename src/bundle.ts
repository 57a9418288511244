/**
 * The CDN bundle (dist/news-elements.js): one `<script type="module">` for every element.
 * What most pages need is in it: `<news-article>`, `<news-photo>`, `<news-byline>`,
 * `<news-related>`, with Lit (./cdn/eager.ts). The rest is fetched on first use, from files beside
 * it: `<news-comment-form>` and `<news-story>` when the first such tag is in the document, the
 * story body's sanitizer with the first story body, and Lit's hydrate support only on pages
 * holding server-rendered markup (renderStory), before the elements are defined.
 * (The npm entry, src/index.ts, defines every element at once; bundlers split it as they like.)
 */
import { NewsArticle, NewsByline, NewsPhoto, NewsRelated, defineLazily, defineWhenReady } from './cdn/eager.js';

export { NewsArticle, NewsByline, NewsPhoto, NewsRelated };

defineWhenReady(
  [
    ['news-article', NewsArticle],
    ['news-photo', NewsPhoto],
    ['news-byline', NewsByline],
    ['news-related', NewsRelated],
  ],
  () => import('./cdn/lazy-hydrate-support.js'),
  () => {
    defineLazily('news-comment-form', () => import('./cdn/lazy-news-comment-form.js'));
    defineLazily('news-story', () => import('./cdn/lazy-news-story.js'));
  },
);
