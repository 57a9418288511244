// The WordPress REST subset the comment form talks to:
//   POST /wp-json/wp/v2/comments        (JSON or application/x-www-form-urlencoded)
//   GET  /wp-json/wp/v2/comments?post=N (approved comments only)
//   GET  /wp-json/wp/v2/comments/N
//   OPTIONS on both (CORS preflight)
// answered like WordPress 6.x with anonymous REST comments allowed (the
// `rest_allow_anonymous_comments` filter on): the same statuses, error codes, messages (with
// WordPress's HTML entities) and body shapes, checked in WordPress's order — parameter validation,
// then permissions (post, closed), then content, author data, lengths, duplicate, flood.
// Our additions, documented in the README: a Retry-After header on comment_flood, the
// `rest_comment_invalid_parent` check (WordPress stores a reply to any parent ID), and 413
// `rest_request_too_large` for bodies over 1 MB.
import { getPost, commentsOpen } from './posts.js';
import { escapeHtml, renderContent, avatarUrls } from './render.js';
import { isEmail, isIntegerLike, toInteger, sanitizeTextField, sanitizeUrl, cleanText } from './validate.js';
import { BodyTooLargeError, readBody, parseBody, param, corsHeaders, sendJson, clientIp, requestOrigin, userAgent } from './http.js';
import { isTrapped } from './service.js';

export const REST_PREFIX = '/wp-json/';
const COLLECTION = '/wp-json/wp/v2/comments';

/**
 * A WordPress REST error body.
 * @param {string} code
 * @param {string} message
 * @param {number} status
 * @param {Record<string, unknown>} [extra] more `data` members
 */
export function restError(code, message, status, extra = {}) {
  return { code, message, data: { status, ...extra } };
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {import('node:http').IncomingMessage} req
 * @param {ReturnType<typeof restError>} error
 * @param {Record<string, string>} [headers]
 */
function sendError(res, req, error, headers = {}) {
  sendJson(res, error.data.status, error, { ...corsHeaders(req), ...headers });
}

/** WordPress's answer for a path or method it has no route for. */
export function noRoute() {
  return restError('rest_no_route', 'No route was found matching the URL and request method.', 404);
}

/**
 * The REST representation of a stored comment (view context).
 * @param {import('./db.js').CommentRow} row
 * @param {string} origin
 * @param {import('./db.js').CommentStore} store
 */
export function toRestComment(row, origin, store) {
  const post = getPost(row.post_id);
  const link = `${origin}${post?.path ?? '/demo/index.html'}#comment-${row.id}`;
  /** @type {Record<string, Array<Record<string, unknown>>>} */
  const links = {
    self: [{ href: `${origin}${COLLECTION}/${row.id}` }],
    collection: [{ href: `${origin}${COLLECTION}` }],
  };
  if (post) links.up = [{ embeddable: true, post_type: 'post', href: `${origin}/wp-json/wp/v2/posts/${row.post_id}` }];
  if (row.parent_id) links['in-reply-to'] = [{ embeddable: true, href: `${origin}${COLLECTION}/${row.parent_id}` }];
  if (store.hasChildren(row.id)) links.children = [{ href: `${origin}${COLLECTION}?parent=${row.id}` }];
  return {
    id: row.id,
    post: row.post_id,
    parent: row.parent_id,
    author: 0,
    author_name: escapeHtml(row.author_name),
    author_url: row.author_url,
    date: row.date_gmt,
    date_gmt: row.date_gmt,
    content: { rendered: renderContent(row.content) },
    link,
    status: row.status,
    type: 'comment',
    author_avatar_urls: avatarUrls(),
    meta: [],
    _links: links,
  };
}

/**
 * Collects invalid parameters the way WP_REST_Request::has_valid_params() and
 * sanitize_params() report them: one `rest_invalid_param` error naming every bad parameter.
 */
class InvalidParams {
  constructor() {
    /** @type {Record<string, string>} */
    this.params = {};
    /** @type {Record<string, { code: string, message: string, data: unknown }>} */
    this.details = {};
  }

  /**
   * @param {string} name
   * @param {string} code
   * @param {string} message
   * @param {unknown} [data]
   */
  add(name, code, message, data = { param: name }) {
    if (name in this.params) return;
    this.params[name] = message;
    this.details[name] = { code, message, data };
  }

  get empty() {
    return Object.keys(this.params).length === 0;
  }

  error() {
    return restError('rest_invalid_param', `Invalid parameter(s): ${Object.keys(this.params).join(', ')}`, 400, {
      params: this.params,
      details: this.details,
    });
  }
}

/** @param {unknown} value */
const given = (value) => value !== undefined && value !== null;

/**
 * @param {InvalidParams} invalid
 * @param {string} name
 * @param {unknown} value
 */
function checkInteger(invalid, name, value) {
  if (given(value) && !isIntegerLike(value)) invalid.add(name, 'rest_invalid_type', `${name} is not of type integer.`);
}

/**
 * @param {InvalidParams} invalid
 * @param {string} name
 * @param {unknown} value
 */
function checkString(invalid, name, value) {
  if (given(value) && typeof value !== 'string') invalid.add(name, 'rest_invalid_type', `${name} is not of type string.`);
}

/** PHP's empty() for a string. */
const phpEmpty = (/** @type {string} */ text) => text === '' || text === '0';

/**
 * The text a request param holds, or '' when it is absent or not a string.
 * @param {unknown} value
 */
const text = (value) => (typeof value === 'string' ? cleanText(value) : '');

/**
 * @param {import('./service.js').CommentService} service
 */
export function createRestHandler(service) {
  const { store } = service;

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   */
  async function create(req, res, url) {
    let body;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return sendError(res, req, restError('rest_request_too_large', 'The request body is too large.', 413));
      }
      throw error;
    }
    const parsed = parseBody(body, req.headers['content-type']);
    if (parsed.kind === 'invalid-json') {
      return sendError(
        res,
        req,
        restError('rest_invalid_json', 'Invalid JSON body passed.', 400, { json_error_code: 4, json_error_message: 'Syntax error' }),
      );
    }
    // WordPress reads parameters from the body first, then the query string.
    /** @type {Record<string, unknown>} */
    const params = Object.assign(Object.create(null), Object.fromEntries(url.searchParams), parsed.params);
    const get = (/** @type {string} */ name) => param(params, name);

    // 1. Parameter validation (WP_REST_Request::has_valid_params, then sanitize_params).
    const invalid = new InvalidParams();
    for (const name of ['post', 'parent', 'author']) checkInteger(invalid, name, get(name));
    for (const name of ['author_name', 'author_url', 'author_ip', 'author_user_agent', 'date', 'date_gmt', 'status']) {
      checkString(invalid, name, get(name));
    }
    if (invalid.empty) {
      const email = get('author_email');
      const emailText = given(email) && typeof email !== 'object' ? String(email) : given(email) ? 'Array' : '';
      if (emailText && !isEmail(emailText)) {
        invalid.add('author_email', 'rest_invalid_email', 'Invalid email address.', null);
      }
    }
    if (!invalid.empty) return sendError(res, req, invalid.error());

    // 2. Permissions (create_item_permissions_check).
    const ip = clientIp(req);
    if (given(get('author')) && toInteger(get('author')) !== 0) {
      return sendError(res, req, restError('rest_comment_invalid_author', "Sorry, you are not allowed to edit 'author' for comments.", 401));
    }
    if (given(get('author_ip')) && get('author_ip') !== ip) {
      return sendError(res, req, restError('rest_comment_invalid_author_ip', "Sorry, you are not allowed to edit 'author_ip' for comments.", 401));
    }
    if (given(get('status'))) {
      return sendError(res, req, restError('rest_comment_invalid_status', "Sorry, you are not allowed to edit 'status' for comments.", 401));
    }
    const postId = given(get('post')) ? toInteger(get('post')) : 0;
    const post = postId ? getPost(postId) : null;
    if (!post) {
      return sendError(
        res,
        req,
        restError('rest_comment_invalid_post_id', 'Sorry, you are not allowed to create this comment without a post.', 403),
      );
    }
    if (!commentsOpen(post)) {
      return sendError(res, req, restError('rest_comment_closed', 'Sorry, comments are closed for this item.', 403));
    }

    // 3. create_item.
    const type = get('type');
    if (given(type) && type !== '' && type !== 'comment') {
      return sendError(res, req, restError('rest_invalid_comment_type', 'Cannot create a comment with that type.', 400));
    }
    const parentId = given(get('parent')) ? toInteger(get('parent')) : 0;
    if (parentId < 0 || !service.parentAllowed(post.id, parentId)) {
      // Our addition: WordPress would store a reply to a comment that does not exist.
      return sendError(res, req, restError('rest_comment_invalid_parent', 'Invalid parent comment ID.', 400));
    }
    const rawContent = get('content');
    const content =
      typeof rawContent === 'string'
        ? cleanText(rawContent).trim()
        : rawContent && typeof rawContent === 'object' && typeof (/** @type {any} */ (rawContent).raw) === 'string'
          ? cleanText(/** @type {any} */ (rawContent).raw).trim()
          : '';
    if (content === '') {
      return sendError(res, req, restError('rest_comment_content_invalid', 'Invalid comment content.', 400));
    }
    const authorName = sanitizeTextField(text(get('author_name')));
    const authorEmail = text(get('author_email')).trim();
    if (phpEmpty(authorName) || phpEmpty(authorEmail)) {
      return sendError(
        res,
        req,
        restError('rest_comment_author_data_required', 'Creating a comment requires valid author name and email values.', 400),
      );
    }
    const result = service.submit({
      post_id: post.id,
      parent_id: parentId,
      author_name: authorName,
      author_email: authorEmail,
      author_url: sanitizeUrl(text(get('author_url'))),
      content,
      ip,
      userAgent: userAgent(req),
      trapped: isTrapped(params),
    });
    if (!result.ok) {
      if (result.code === 'comment_duplicate') {
        return sendError(res, req, restError('comment_duplicate', 'Duplicate comment detected; it looks as though you&#8217;ve already said that!', 409));
      }
      if (result.code === 'comment_flood') {
        return sendError(res, req, restError('comment_flood', 'You are posting comments too quickly. Slow down.', 400), {
          'retry-after': String(result.retryAfter),
        });
      }
      return sendError(res, req, restError(result.code, 'Comment field exceeds maximum length allowed.', 400));
    }
    const origin = requestOrigin(req);
    sendJson(res, 201, toRestComment(result.comment, origin, store), {
      ...corsHeaders(req),
      location: `${origin}${COLLECTION}/${result.comment.id}`,
    });
  }

  /**
   * A list parameter as WordPress reads it: `post=1,2`, `post[]=1&post[]=2` or `post=1`.
   * @param {URLSearchParams} query
   * @param {string} name
   * @returns {string[] | undefined}
   */
  function listParam(query, name) {
    const values = [...query.getAll(name), ...query.getAll(`${name}[]`)];
    if (!values.length) return undefined;
    return values.flatMap((value) => value.split(/[\s,]+/)).filter((value) => value !== '');
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   */
  function list(req, res, url) {
    const query = url.searchParams;
    const invalid = new InvalidParams();
    /** @type {Record<string, number[]>} */
    const lists = {};
    for (const name of ['post', 'parent']) {
      const values = listParam(query, name) ?? [];
      const bad = values.findIndex((value) => !isIntegerLike(value));
      if (bad !== -1) invalid.add(name, 'rest_invalid_type', `${name}[${bad}] is not of type integer.`, { param: `${name}[${bad}]` });
      lists[name] = values.map(toInteger);
    }
    /**
     * @param {string} name
     * @param {number} fallback
     * @param {number} min
     * @param {number} [max]
     */
    const integer = (name, fallback, min, max) => {
      const value = query.get(name);
      if (value === null) return fallback;
      if (!isIntegerLike(value)) {
        invalid.add(name, 'rest_invalid_type', `${name} is not of type integer.`);
        return fallback;
      }
      const n = toInteger(value);
      if (n < min || (max !== undefined && n > max)) {
        const message =
          max === undefined
            ? `${name} must be greater than or equal to ${min}`
            : `${name} must be between ${min} (inclusive) and ${max} (inclusive)`;
        invalid.add(name, 'rest_out_of_bounds', message);
        return fallback;
      }
      return n;
    };
    const perPage = integer('per_page', 10, 1, 100);
    const page = integer('page', 1, 1);
    const offset = integer('offset', 0, 0);
    const order = query.get('order') ?? 'desc';
    if (order !== 'asc' && order !== 'desc') invalid.add('order', 'rest_not_in_enum', 'order is not one of asc and desc.');
    const orderByValues = ['date', 'date_gmt', 'id', 'include', 'post', 'parent', 'type'];
    const orderBy = query.get('orderby') ?? 'date_gmt';
    if (!orderByValues.includes(orderBy)) {
      invalid.add('orderby', 'rest_not_in_enum', 'orderby is not one of date, date_gmt, id, include, post, parent, and type.');
    }
    const context = query.get('context') ?? 'view';
    if (!['view', 'embed', 'edit'].includes(context)) {
      invalid.add('context', 'rest_not_in_enum', 'context is not one of view, embed, and edit.');
    }
    if (!invalid.empty) return sendError(res, req, invalid.error());

    // Permissions for anonymous readers (get_items_permissions_check).
    if (context === 'edit') {
      return sendError(res, req, restError('rest_forbidden_context', 'Sorry, you are not allowed to edit comments.', 401));
    }
    const forbidden = [];
    for (const name of ['author', 'author_exclude', 'author_email']) {
      if ((listParam(query, name) ?? []).length) forbidden.push(name);
    }
    if (query.has('type') && query.get('type') !== 'comment') forbidden.push('type');
    if (query.has('status') && query.get('status') !== 'approve') forbidden.push('status');
    if (forbidden.length) {
      return sendError(res, req, restError('rest_forbidden_param', `Query parameter not permitted: ${forbidden.join(', ')}`, 401));
    }

    /** @type {Record<string, 'created_ms' | 'id' | 'post_id' | 'parent_id'>} */
    const columns = { date: 'created_ms', date_gmt: 'created_ms', id: 'id', include: 'id', post: 'post_id', parent: 'parent_id', type: 'id' };
    const { rows, total } = store.list({
      posts: lists.post,
      parents: lists.parent,
      statuses: ['approved'],
      order: /** @type {'asc' | 'desc'} */ (order),
      orderBy: columns[orderBy],
      limit: perPage,
      offset: query.has('offset') ? offset : perPage * (page - 1),
    });
    const totalPages = Math.ceil(total / perPage);
    const origin = requestOrigin(req);
    /** @type {Record<string, string>} */
    const headers = { ...corsHeaders(req), 'x-wp-total': String(total), 'x-wp-totalpages': String(totalPages) };
    const links = [];
    const base = new URL(`${origin}${COLLECTION}`);
    for (const [name, value] of query) base.searchParams.append(name, value);
    if (page > 1) {
      const prev = new URL(base);
      prev.searchParams.set('page', String(Math.min(page - 1, Math.max(totalPages, 1))));
      links.push(`<${prev.href}>; rel="prev"`);
    }
    if (totalPages > page) {
      const next = new URL(base);
      next.searchParams.set('page', String(page + 1));
      links.push(`<${next.href}>; rel="next"`);
    }
    if (links.length) headers.link = links.join(', ');
    sendJson(res, 200, rows.map((row) => toRestComment(row, origin, store)), headers);
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {number} id
   */
  function single(req, res, id) {
    const row = store.get(id);
    if (!row) return sendError(res, req, restError('rest_comment_invalid_id', 'Invalid comment ID.', 404));
    if (row.status !== 'approved') {
      return sendError(res, req, restError('rest_cannot_read', 'Sorry, you are not allowed to read this comment.', 401));
    }
    sendJson(res, 200, toRestComment(row, requestOrigin(req), store), corsHeaders(req));
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {string[]} methods
   */
  function options(req, res, methods) {
    sendJson(res, 200, { namespace: 'wp/v2', methods, endpoints: methods.map((method) => ({ methods: [method] })) }, {
      ...corsHeaders(req),
      allow: methods.join(', '),
    });
  }

  /**
   * Answers a request under /wp-json/wp/v2/comments; returns false for any other path.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   * @returns {Promise<boolean>}
   */
  return async function handleRest(req, res, url) {
    const path = url.pathname.replace(/\/+$/, '');
    const method = req.method ?? 'GET';
    if (path === COLLECTION) {
      if (method === 'OPTIONS') options(req, res, ['GET', 'POST']);
      else if (method === 'GET' || method === 'HEAD') list(req, res, url);
      else if (method === 'POST') await create(req, res, url);
      else sendError(res, req, noRoute());
      return true;
    }
    const match = /^\/wp-json\/wp\/v2\/comments\/(\d+)$/.exec(path);
    if (match) {
      if (method === 'OPTIONS') options(req, res, ['GET']);
      else if (method === 'GET' || method === 'HEAD') single(req, res, Number(match[1]));
      else sendError(res, req, noRoute());
      return true;
    }
    return false;
  };
}
