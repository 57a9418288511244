// The classic comment form endpoint, `POST /wp-comments-post.php`, answered like WordPress's
// wp-comments-post.php + wp_handle_comment_submission():
// - success: 302 to the post's page at `#comment-N`; a held comment from a commenter who did not
//   tick the cookies box gets `?unapproved=N&moderation-hash=…` before the hash, and the
//   comment_author_* cookies are set (consent) or cleared (no consent), as WordPress does;
// - failure: the wp_die() page ("Comment Submission Failure", the message in
//   <div class="wp-die-message"><p>…</p></div>, a back link) with WordPress's status: 200 for
//   missing or invalid fields, 403 closed or reply to an unapproved comment, 409 duplicate,
//   429 flood (plus Retry-After, our addition); an unknown post is WordPress's bare `exit`:
//   200 with an empty body.
// The page is served under the demo's CSP, so its back link is a real link rather than
// WordPress's `javascript:history.back()`.
import { createHash, createHmac } from 'node:crypto';
import { getPost, commentsOpen } from './posts.js';
import { escapeHtml } from './render.js';
import { isEmail, sanitizeTextField, sanitizeUrl, cleanText } from './validate.js';
import { BodyTooLargeError, readBody, mediaType, parseForm, clientIp, requestOrigin, userAgent } from './http.js';
import { isTrapped } from './service.js';

export const CLASSIC_PATH = '/wp-comments-post.php';

/** @type {Record<string, string>} */
const LENGTH_MESSAGES = {
  comment_author_column_length: '<strong>Error:</strong> Your name is too long.',
  comment_author_email_column_length: '<strong>Error:</strong> Your email address is too long.',
  comment_author_url_column_length: '<strong>Error:</strong> Your URL is too long.',
  comment_content_column_length: '<strong>Error:</strong> Your comment is too long.',
};

/**
 * WordPress's wp_die() page for a failed submission. `message` is trusted HTML from this module
 * (WordPress's own strings), never the commenter's text.
 * @param {string} message
 * @param {string} backHref
 */
export function wpDiePage(message, backHref) {
  return `<!DOCTYPE html>
<html lang="en-US">
<head>
	<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
	<meta name="viewport" content="width=device-width">
	<meta name='robots' content='max-image-preview:large, noindex, follow' />
	<title>Comment Submission Failure</title>
</head>
<body id="error-page">
	<div class="wp-die-message"><p>${message}</p></div>
<p><a href="${escapeHtml(backHref)}">&laquo; Back</a></p></body>
</html>
`;
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} message
 * @param {string} backHref
 * @param {string} csp
 * @param {Record<string, string>} [headers]
 */
function die(res, status, message, backHref, csp, headers = {}) {
  const body = wpDiePage(message, backHref);
  res.writeHead(status, {
    'content-type': 'text/html; charset=UTF-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-cache, must-revalidate, max-age=0',
    'x-content-type-options': 'nosniff',
    'content-security-policy': csp,
    ...headers,
  });
  res.end(body);
}

/**
 * The Set-Cookie headers of wp_set_comment_cookies().
 * @param {string} origin
 * @param {import('./db.js').CommentRow} comment
 * @param {boolean} consent
 */
function commentCookies(origin, comment, consent) {
  const hash = createHash('md5').update(origin).digest('hex');
  const names = [`comment_author_${hash}`, `comment_author_email_${hash}`, `comment_author_url_${hash}`];
  if (!consent) {
    return names.map((name) => `${name}=+; Expires=${new Date(Date.now() - 365 * 86400_000).toUTCString()}; Max-Age=0; Path=/`);
  }
  const values = [comment.author_name, comment.author_email, comment.author_url];
  const expires = new Date(Date.now() + 30_000_000_000).toUTCString();
  return names.map((name, i) => `${name}=${encodeURIComponent(values[i])}; Expires=${expires}; Max-Age=30000000; Path=/`);
}

/**
 * A `redirect_to` WordPress's wp_safe_redirect() would follow: here, only a path on this server.
 * @param {string | undefined} value
 */
function safeRedirectPath(value) {
  if (!value || !/^\/(?![/\\])/.test(value) || /[\u0000-\u001f\u007f\\]/.test(value)) return null;
  return value.split('#')[0];
}

/**
 * @param {import('./service.js').CommentService} service
 * @param {string} csp the Content-Security-Policy for HTML answers
 */
export function createClassicHandler(service, csp) {
  /**
   * Answers `/wp-comments-post.php`; returns false for any other path.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   * @returns {Promise<boolean>}
   */
  return async function handleClassic(req, res, url) {
    if (url.pathname !== CLASSIC_PATH) return false;
    if (req.method !== 'POST') {
      res.writeHead(405, { allow: 'POST', 'content-type': 'text/plain', 'content-length': 0 });
      res.end();
      return true;
    }
    let body;
    try {
      body = await readBody(req);
    } catch (error) {
      if (!(error instanceof BodyTooLargeError)) throw error;
      die(res, 413, '<strong>Error:</strong> The request body is too large.', '/demo/index.html', csp);
      return true;
    }
    // PHP fills $_POST from form posts only; any other body leaves every field empty.
    const fields = mediaType(req.headers['content-type']) === 'application/x-www-form-urlencoded' ? parseForm(body.toString('utf8')) : {};
    const field = (/** @type {string} */ name) => cleanText(Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : '');

    const postId = Math.trunc(Number.parseInt(field('comment_post_ID'), 10) || 0);
    const parentId = Math.abs(Math.trunc(Number.parseInt(field('comment_parent'), 10) || 0));
    const author = sanitizeTextField(field('author').trim());
    const email = field('email').trim();
    const authorUrl = sanitizeUrl(field('url').trim());
    const content = field('comment').trim();
    const post = getPost(postId);
    const back = post ? `${post.path}#respond` : '/demo/index.html';

    if (parentId !== 0 && !service.parentAllowed(postId, parentId)) {
      die(res, 403, 'Sorry, replies to unapproved comments are not allowed.', back, csp);
      return true;
    }
    if (!post) {
      // wp-comments-post.php exits without a word when the post does not exist.
      res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8', 'content-length': 0 });
      res.end();
      return true;
    }
    if (!commentsOpen(post)) {
      die(res, 403, 'Sorry, comments are closed for this item.', back, csp);
      return true;
    }
    if (author === '' || email === '') {
      die(res, 200, '<strong>Error:</strong> Please fill the required fields.', back, csp);
      return true;
    }
    if (!isEmail(email)) {
      die(res, 200, '<strong>Error:</strong> Please enter a valid email address.', back, csp);
      return true;
    }
    if (content === '') {
      die(res, 200, '<strong>Error:</strong> Please type your comment text.', back, csp);
      return true;
    }
    const result = service.submit({
      post_id: post.id,
      parent_id: parentId,
      author_name: author,
      author_email: email,
      author_url: authorUrl,
      content,
      ip: clientIp(req),
      userAgent: userAgent(req),
      trapped: isTrapped(fields),
    });
    if (!result.ok) {
      if (result.code === 'comment_duplicate') {
        die(res, 409, 'Duplicate comment detected; it looks as though you&#8217;ve already said that!', back, csp);
      } else if (result.code === 'comment_flood') {
        die(res, 429, 'You are posting comments too quickly. Slow down.', back, csp, { 'retry-after': String(result.retryAfter) });
      } else {
        die(res, 200, LENGTH_MESSAGES[result.code], back, csp);
      }
      return true;
    }

    const comment = result.comment;
    const origin = requestOrigin(req);
    const consent = Object.prototype.hasOwnProperty.call(fields, 'wp-comment-cookies-consent');
    const target = new URL(safeRedirectPath(fields.redirect_to) ?? post.path, origin);
    if (!consent && comment.status === 'hold' && comment.author_email) {
      target.searchParams.set('unapproved', String(comment.id));
      target.searchParams.set('moderation-hash', createHmac('md5', service.store.secret).update(comment.date_gmt).digest('hex'));
    }
    target.hash = `comment-${comment.id}`;
    res.writeHead(302, {
      location: target.href,
      'content-type': 'text/html; charset=UTF-8',
      'content-length': 0,
      'cache-control': 'no-cache, must-revalidate, max-age=0',
      'set-cookie': commentCookies(origin, comment, consent),
    });
    res.end();
    return true;
  };
}
