/**
 * The CDN bundle (dist/news-elements.js): one `<script type="module">` for every element.
 * What most pages need is in it: `<news-article>`, `<news-photo>`, `<news-byline>`,
 * `<news-related>`, with Lit. The rest is fetched on first use, from files beside it:
 * `<news-comment-form>` and `<news-story>` when the first such tag is in the document, the
 * story body's sanitizer with the first story body, and Lit's hydrate support only on pages
 * holding server-rendered markup (renderStory), before the elements are defined.
 * (The npm entry, src/index.ts, defines every element at once; bundlers split it as they like.)
 */
import { NewsArticle } from './components/news-article/news-article.js';
import { NewsByline } from './components/news-byline/news-byline.js';
import { NewsPhoto } from './components/news-photo/news-photo.js';
import { NewsRelated } from './components/news-related/news-related.js';
import { defineWhenReady } from './internal/hydration.js';
import { defineLazily } from './internal/lazy.js';

export { NewsArticle, NewsByline, NewsPhoto, NewsRelated };

defineWhenReady(
  [
    ['news-article', NewsArticle],
    ['news-photo', NewsPhoto],
    ['news-byline', NewsByline],
    ['news-related', NewsRelated],
  ],
  () => {
    defineLazily('news-comment-form', () => import('./components/news-comment-form/define.js'));
    defineLazily('news-story', () => import('./components/news-story/define.js'));
  },
);
