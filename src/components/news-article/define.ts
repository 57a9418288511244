import { defineElement } from '../../internal/define.js';
import { NewsArticle } from './news-article.js';

export { NewsArticle };
defineElement('news-article', NewsArticle);
