/**
 * Sending one comment: builds the request for the chosen format, enforces the time-out and the
 * caller's abort, and turns every answer or failure into a CommentResult. `send()` never throws.
 *
 * Credentials: `same-origin` (fetch's default, made explicit). Anonymous comments are the target:
 * cross-origin, no cookie is sent, so no credentialed CORS is needed. Same-origin, a logged-in
 * reader's cookie goes with the classic form post (WordPress then posts as that user); the REST API
 * ignores a cookie without a nonce, so a host that wants logged-in REST comments adds a `_wpnonce`
 * field in `news-comment-submit`, which is also sent as the `X-WP-Nonce` header.
 */
import {
  FORM_AGE_FIELD,
  HONEYPOT_FIELD,
  type CommentError,
  type CommentFormat,
  type CommentRequest,
  type CommentResult,
  type CommentTransport,
} from './model.js';
import { parseJsonAnswer } from './json.js';
import { normalizeEmail, normalizeUrl } from './validate.js';
import { fetchText } from '../fetch.js';
import { nonNegativeInt } from '../values.js';
import { commentError, parseClassicAnswer, parseRestAnswer } from './wordpress.js';

/** Where each format posts when the element has no `action` ('' for json: it needs one). */
export function defaultAction(format: CommentFormat): string {
  switch (format) {
    case 'wordpress':
      return '/wp-json/wp/v2/comments';
    case 'wordpress-form':
      return '/wp-comments-post.php';
    default:
      return '';
  }
}

function intOrZero(value: string): number {
  return nonNegativeInt(value) ?? 0;
}

/** The fields every format adds after its own: the host's extras, the honeypot (if filled), the form's age. */
function trailer(request: CommentRequest): Record<string, string | number> {
  const fields: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(request.extra ?? {})) if (typeof value === 'string') fields[key] = value;
  if (request.honeypot) fields[HONEYPOT_FIELD] = request.honeypot;
  fields[FORM_AGE_FIELD] = Math.max(0, Math.round(Number.isFinite(request.formAgeMs) ? request.formAgeMs : 0));
  return fields;
}

/** The body of a WordPress REST request: post and parent as integers. */
export function restBody(request: CommentRequest): Record<string, string | number> {
  const { draft } = request;
  return {
    post: intOrZero(request.postId),
    parent: intOrZero(request.parent),
    author_name: draft.name.trim(),
    author_email: normalizeEmail(draft.email),
    author_url: normalizeUrl(draft.url),
    content: draft.content,
    ...trailer(request),
  };
}

/** The body of a classic `wp-comments-post.php` form post. */
export function classicBody(request: CommentRequest): URLSearchParams {
  const { draft } = request;
  const params = new URLSearchParams({
    comment: draft.content,
    author: draft.name.trim(),
    email: normalizeEmail(draft.email),
    url: normalizeUrl(draft.url),
    comment_post_ID: String(intOrZero(request.postId)),
    comment_parent: String(intOrZero(request.parent)),
  });
  // WordPress sets its comment-author cookies only when this is present.
  if (request.remember) params.set('wp-comment-cookies-consent', 'yes');
  params.set('submit', 'Post Comment');
  for (const [key, value] of Object.entries(trailer(request))) params.set(key, String(value));
  return params;
}

/** The body of a `json`-format request. */
export function jsonBody(request: CommentRequest): Record<string, string | number> {
  const { draft } = request;
  return {
    post_id: request.postId.trim(),
    parent_id: request.parent.trim() === '' ? '0' : request.parent.trim(),
    name: draft.name.trim(),
    email: normalizeEmail(draft.email),
    url: normalizeUrl(draft.url),
    content: draft.content,
    ...trailer(request),
  };
}

function requestInit(format: CommentFormat, request: CommentRequest): RequestInit {
  const init: RequestInit = { method: 'POST', credentials: 'same-origin' };
  if (format === 'wordpress-form') {
    // Success is a 302 to the post page: do not download that page, just see the redirect.
    init.redirect = 'manual';
    init.headers = { 'Content-Type': 'application/x-www-form-urlencoded;charset=UTF-8', Accept: 'text/html' };
    init.body = classicBody(request).toString();
    return init;
  }
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/json' };
  const nonce = request.extra?._wpnonce;
  if (format === 'wordpress' && nonce) headers['X-WP-Nonce'] = nonce;
  init.headers = headers;
  init.body = JSON.stringify(format === 'wordpress' ? restBody(request) : jsonBody(request));
  return init;
}

function failure(error: CommentError): CommentResult {
  return { ok: false, error };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : typeof error === 'string' ? error : '';
}

/**
 * A transport for `format`. `fetchImpl` is injectable (tests pass a fake returning real Responses).
 * Failures: caller abort → 'network' with code 'aborted'; no answer within `timeoutMs` (counting
 * the body) → 'timeout'; fetch rejected → 'network'; 5xx → 'server'; an answer the format does not
 * promise → 'bad-response'; the rest per ./wordpress.ts and ./json.ts.
 */
export function createTransport(
  format: CommentFormat,
  fetchImpl: typeof fetch = globalThis.fetch.bind(globalThis),
): CommentTransport {
  return {
    async send(request, { signal, timeoutMs }) {
      if (signal?.aborted) return failure(commentError('network', 'aborted', 0));
      const action = request.action.trim() || defaultAction(format);
      if (action === '') return failure(commentError('rejected', 'no-action', 0, 'No action URL to post to.'));

      let init: RequestInit;
      try {
        init = requestInit(format, request);
      } catch (error) {
        return failure(commentError('rejected', 'bad-request', 0, describe(error)));
      }

      const answer = await fetchText(action, init, { signal, timeoutMs, fetchImpl });
      if (!answer.ok) {
        // The reason is the code: timeout → 'timeout'; caller abort → 'network'/'aborted'; else 'network'/'network'.
        const { reason, status, error } = answer;
        return failure(commentError(reason === 'timeout' ? 'timeout' : 'network', reason, status, describe(error)));
      }
      const { response, body } = answer;
      try {
        if (format === 'wordpress-form') {
          return parseClassicAnswer(
            { status: response.status, headers: response.headers, body, type: response.type, redirected: response.redirected, url: response.url },
            request,
          );
        }
        return format === 'wordpress'
          ? parseRestAnswer(response.status, response.headers, body)
          : parseJsonAnswer(response.status, response.headers, body);
      } catch (error) {
        return failure(commentError('bad-response', 'bad-response', response.status, describe(error)));
      }
    },
  };
}
