// The small JSON contract of `format="json"` (docs/comment-backends.md), for backends that are
// not WordPress:
//   POST /api/comments            { post_id, parent_id, name, email, url, content, news_hp, news_form_age_ms }
//     201 { comment: { id, post_id, parent_id, status, author_name, author_url, date, content, link } }
//     4xx { error: { code, message, field? } } with code one of
//         author_data_required (400, no name or email), invalid_field (400, `field`: name, email or url),
//         content_invalid (400, empty or over 65525 bytes), invalid_parent (400), not_found (404,
//         unknown post), closed (403), duplicate (409), rate_limited (429, with Retry-After),
//         invalid_request (400 bad JSON, 415 not JSON), too_large (413)
//   GET  /api/comments?post_id=N  200 { comments: [...], total } (approved only, oldest first;
//         our addition: the contract itself only defines the POST)
// Text fields are plain text (never HTML): a client shows them as text.
import { getPost, commentsOpen } from './posts.js';
import { isEmail, isIntegerLike, toInteger, sanitizeTextField, sanitizeUrl, cleanText, byteLength, MAX_LENGTHS } from './validate.js';
import { BodyTooLargeError, readBody, parseBody, param, corsHeaders, sendJson, clientIp, requestOrigin, userAgent } from './http.js';
import { isTrapped } from './service.js';

export const JSON_PATH = '/api/comments';

/**
 * @param {string} code
 * @param {string} message
 * @param {string} [field]
 */
function jsonError(code, message, field) {
  return { error: field ? { code, message, field } : { code, message } };
}

/**
 * @param {import('./db.js').CommentRow} row
 * @param {string} origin
 */
export function toJsonComment(row, origin) {
  const post = getPost(row.post_id);
  return {
    id: row.id,
    post_id: row.post_id,
    parent_id: row.parent_id,
    status: row.status,
    author_name: row.author_name,
    author_url: row.author_url,
    date: `${row.date_gmt}Z`,
    content: row.content,
    link: `${origin}${post?.path ?? '/demo/index.html'}#comment-${row.id}`,
  };
}

/**
 * @param {import('./service.js').CommentService} service
 */
export function createJsonHandler(service) {
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function create(req, res) {
    const cors = corsHeaders(req);
    /** @param {number} status @param {ReturnType<typeof jsonError>} body @param {Record<string, string>} [headers] */
    const fail = (status, body, headers = {}) => sendJson(res, status, body, { ...cors, ...headers });
    let body;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return fail(413, jsonError('too_large', 'The request body is too large.'));
      throw error;
    }
    const parsed = parseBody(body, req.headers['content-type']);
    if (parsed.kind === 'invalid-json') return fail(400, jsonError('invalid_request', 'The request body is not valid JSON.'));
    if (parsed.kind === 'none') return fail(415, jsonError('invalid_request', 'Send the comment as application/json.'));
    const params = parsed.params;
    const get = (/** @type {string} */ name) => param(params, name);
    const str = (/** @type {string} */ name) => {
      const value = get(name);
      return typeof value === 'string' ? cleanText(value) : value === undefined || value === null ? '' : null;
    };

    const postValue = get('post_id');
    if (!isIntegerLike(postValue) || toInteger(postValue) <= 0) return fail(404, jsonError('not_found', 'There is no post with this ID.'));
    const parentValue = get('parent_id');
    if (parentValue !== undefined && parentValue !== null && parentValue !== '' && (!isIntegerLike(parentValue) || toInteger(parentValue) < 0)) {
      return fail(400, jsonError('invalid_parent', 'The comment replied to does not exist.'));
    }
    const post = getPost(toInteger(postValue));
    if (!post) return fail(404, jsonError('not_found', 'There is no post with this ID.'));
    if (!commentsOpen(post)) return fail(403, jsonError('closed', 'Comments are closed for this post.'));
    const parentId = parentValue === undefined || parentValue === null || parentValue === '' ? 0 : toInteger(parentValue);
    if (!service.parentAllowed(post.id, parentId)) {
      return fail(400, jsonError('invalid_parent', 'The comment replied to does not exist.'));
    }

    const rawContent = str('content');
    const rawName = str('name');
    const rawEmail = str('email');
    const rawUrl = str('url');
    const content = rawContent?.trim() ?? '';
    if (!content) return fail(400, jsonError('content_invalid', 'Please type your comment text.'));
    if (byteLength(content) > MAX_LENGTHS.comment_content) return fail(400, jsonError('content_invalid', 'Your comment is too long.'));
    const name = sanitizeTextField(rawName ?? '');
    const email = rawEmail?.trim() ?? '';
    if (!name || !email) return fail(400, jsonError('author_data_required', 'Please enter your name and email address.'));
    if (byteLength(name) > MAX_LENGTHS.comment_author) return fail(400, jsonError('invalid_field', 'Your name is too long.', 'name'));
    if (!isEmail(email)) return fail(400, jsonError('invalid_field', 'Please enter a valid email address.', 'email'));
    if (byteLength(email) > MAX_LENGTHS.comment_author_email) return fail(400, jsonError('invalid_field', 'Your email address is too long.', 'email'));
    const url = rawUrl?.trim() ? sanitizeUrl(rawUrl) : '';
    if (rawUrl === null || (rawUrl.trim() && !url)) return fail(400, jsonError('invalid_field', 'Please enter a valid web address (http or https).', 'url'));
    if (byteLength(url) > MAX_LENGTHS.comment_author_url) return fail(400, jsonError('invalid_field', 'Your web address is too long.', 'url'));

    const result = service.submit({
      post_id: post.id,
      parent_id: parentId,
      author_name: name,
      author_email: email,
      author_url: url,
      content,
      ip: clientIp(req),
      userAgent: userAgent(req),
      trapped: isTrapped(params),
    });
    if (!result.ok) {
      if (result.code === 'comment_duplicate') return fail(409, jsonError('duplicate', 'You have already posted this comment.'));
      if (result.code === 'comment_flood') {
        return fail(429, jsonError('rate_limited', 'You are posting comments too quickly.'), { 'retry-after': String(result.retryAfter) });
      }
      return fail(400, jsonError('invalid_field', 'A field is too long.'));
    }
    sendJson(res, 201, { comment: toJsonComment(result.comment, requestOrigin(req)) }, cors);
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   */
  function list(req, res, url) {
    const cors = corsHeaders(req);
    const value = url.searchParams.get('post_id');
    if (value === null || !isIntegerLike(value) || toInteger(value) <= 0) {
      return sendJson(res, 404, jsonError('not_found', 'There is no post with this ID.'), cors);
    }
    const post = getPost(toInteger(value));
    if (!post) return sendJson(res, 404, jsonError('not_found', 'There is no post with this ID.'), cors);
    const { rows, total } = service.store.list({ posts: [post.id], statuses: ['approved'], order: 'asc', limit: 1000 });
    const origin = requestOrigin(req);
    sendJson(res, 200, { comments: rows.map((row) => toJsonComment(row, origin)), total }, cors);
  }

  /**
   * Answers `/api/comments`; returns false for any other path.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   * @returns {Promise<boolean>}
   */
  return async function handleJson(req, res, url) {
    if (url.pathname !== JSON_PATH) return false;
    if (req.method === 'OPTIONS') {
      sendJson(res, 200, {}, { ...corsHeaders(req), allow: 'GET, POST' });
    } else if (req.method === 'GET' || req.method === 'HEAD') {
      list(req, res, url);
    } else if (req.method === 'POST') {
      await create(req, res);
    } else {
      sendJson(res, 405, jsonError('invalid_request', 'Use GET or POST.'), { ...corsHeaders(req), allow: 'GET, POST, OPTIONS' });
    }
    return true;
  };
}
