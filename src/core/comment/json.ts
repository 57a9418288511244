/**
 * The `json` format: a small contract any backend can implement (docs/comment-backends.md).
 *
 * Request (POST, `Content-Type: application/json`):
 *   `{ post_id, parent_id, name, email, url, content, ...extra, news_hp?, news_form_age_ms }`
 * Success (200/201): `{ comment: { id, status: 'approved'|'hold', author_name, date, content, link?, parent_id? } }`
 *   (`content` is plain text).
 * Failure (4xx/5xx): `{ error: { code, message, field? } }`; 429 with `Retry-After` for rate limits.
 */
import { safeHttpUrl } from '../format.js';
import { type CommentError, type CommentErrorKind, type CommentField, type CommentResult, type PostedComment } from './model.js';
import { isRecord, nonNegativeInt } from '../values.js';
import { commentError, floodSeconds, mapWordPressError, readJsonAnswer, type HeadersLike } from './wordpress.js';

/** The contract's error codes → the form's kinds. Unknown codes fall back to the HTTP status. */
export const JSON_ERROR_KINDS: Readonly<Record<string, CommentErrorKind>> = {
  duplicate: 'duplicate',
  rate_limited: 'flood',
  closed: 'closed',
  login_required: 'login-required',
  author_data_required: 'author-data-required',
  invalid_field: 'invalid-field',
  content_invalid: 'content-invalid',
  not_found: 'invalid-post',
};

const FIELDS: ReadonlySet<string> = new Set<CommentField>(['content', 'name', 'email', 'url']);

/** A positive whole number (an ID), or null. */
function id(value: unknown): number | null {
  return nonNegativeInt(value) || null;
}

/** `{ comment: {...} }` → PostedComment, or null when it does not keep the contract (no positive `id`). */
export function toJsonPostedComment(json: unknown): PostedComment | null {
  if (!isRecord(json) || !isRecord(json.comment)) return null;
  const c = json.comment;
  const commentId = id(c.id);
  if (commentId === null) return null;
  return {
    id: commentId,
    status: typeof c.status === 'string' && c.status !== '' ? c.status : 'hold',
    authorName: typeof c.author_name === 'string' ? c.author_name.trim() : '',
    date: typeof c.date === 'string' ? c.date.trim() : '',
    text: typeof c.content === 'string' ? c.content.trim() : '',
    link: typeof c.link === 'string' ? (safeHttpUrl(c.link) ?? '') : '',
    parent: id(c.parent_id) ?? 0,
  };
}

/** `{ error: { code, message, field? } }` with its status → CommentError. */
export function mapJsonError(status: number, body: unknown, headers?: HeadersLike): CommentError {
  // A backend that answers in WordPress's shape ({ code, message, data }) is understood too.
  if (isRecord(body) && !isRecord(body.error) && typeof body.code === 'string') return mapWordPressError(status, body, headers);
  const error = isRecord(body) && isRecord(body.error) ? body.error : {};
  const code = typeof error.code === 'string' ? error.code : '';
  const message = typeof error.message === 'string' ? error.message.trim() : '';
  const field = typeof error.field === 'string' && FIELDS.has(error.field) ? (error.field as CommentField) : undefined;
  const errorCode = code || `http-${status}`;
  let kind: CommentErrorKind | undefined = JSON_ERROR_KINDS[code];
  if (kind === 'invalid-field' && field === undefined) kind = 'rejected';
  if (kind === undefined) kind = status === 429 ? 'flood' : status >= 500 ? 'server' : 'rejected';
  if (kind === 'flood') {
    const retryAfter = floodSeconds(headers);
    return commentError(kind, errorCode, status, message, field ? { field, retryAfter } : { retryAfter });
  }
  return commentError(kind, errorCode, status, message, field ? { field } : {});
}

/** A whole `json`-format answer (status, headers, body text) → CommentResult. */
export function parseJsonAnswer(status: number, headers: HeadersLike | undefined, body: string): CommentResult {
  return readJsonAnswer(status, headers, body, toJsonPostedComment, mapJsonError);
}
