
/**
 * Strings of <news-comment-form>. Keys start with `comment.`.
 * Answers are keyed by the error kind of core/comment/model.ts (`comment.flood`, `comment.closed`…;
 * the retryable kinds share `comment.retryable`); field errors by problem and field
 * (`comment.required.name`). Counts use "Label: {count}" so no language needs plural rules.
 */
export const commentForm = {
    'comment.heading': 'Leave a reply',
    'comment.note': 'Your email address will not be published. Required fields are marked *',
    'comment.content': 'Comment',
    'comment.name': 'Name',
    'comment.email': 'Email',
    'comment.url': 'Website',
    'comment.remember': 'Save my name, email, and website in this browser for the next time I comment.',
    'comment.honeypot': 'Leave this field empty',
    'comment.submit': 'Post comment',
    'comment.sending': 'Posting…',
    'comment.wait': '({seconds} s)',
    'comment.retry': 'Retry',
    'comment.replying': 'Replying to {name}',
    'comment.cancel-reply': 'Cancel reply',
    'comment.counter': 'Characters left: {count}',
    'comment.counter-over': 'Characters over the limit: {count}',
    'comment.summary': 'Please correct the following:',
    'comment.required.content': 'Please write your comment.',
    'comment.required.name': 'Please enter your name.',
    'comment.required.email': 'Please enter your email address.',
    'comment.invalid.email': 'Please enter a valid email address, like name@example.com.',
    'comment.invalid.url': 'Please enter a valid web address, like https://example.com.',
    'comment.too-long.content': 'Your comment is too long. Please shorten it.',
    'comment.too-long': 'This is too long. Please shorten it.',
    'comment.invalid': 'The site did not accept this. Please check it.',
    'comment.posted': 'Your comment has been posted.',
    'comment.moderation': 'Your comment is awaiting moderation.',
    'comment.too-fast': 'Please take a moment to check your comment, then send it again.',
    'comment.flood': 'You are posting comments too quickly. You can post again in {seconds} s.',
    'comment.flood-over': 'You can post your comment now.',
    'comment.duplicate': 'You have already posted this comment.',
    'comment.closed': 'Comments are closed on this article.',
    'comment.login-required': 'Please log in to comment on this article.',
    'comment.author-data-required': 'Please enter your name and email address.',
    'comment.invalid-field': 'Please correct the marked field.',
    'comment.content-invalid': 'Your comment could not be accepted. Please check its text.',
    'comment.invalid-post': 'Comments cannot be posted on this article.',
    'comment.rejected': 'Your comment was not accepted.',
    'comment.retryable': 'Could not send your comment — your text is kept.',
    'comment.anonymous': 'Anonymous',
  } as const;

