import { defineElement } from '../../internal/define.js';
import { NewsCommentForm } from './news-comment-form.js';

export { NewsCommentForm };
export type {
  NewsCommentErrorDetail,
  NewsCommentPostedDetail,
  NewsCommentReplyCancelDetail,
  NewsCommentSubmitDetail,
} from './news-comment-form.js';
defineElement('news-comment-form', NewsCommentForm);
