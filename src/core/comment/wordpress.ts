/**
 * Reading WordPress's answers to a comment: the REST API (`POST /wp-json/wp/v2/comments`) and the
 * classic form post (`wp-comments-post.php`). Pure functions over status, headers and body text,
 * so recorded answers of a real WordPress (test/fixtures/wordpress/) can be replayed through them.
 * Every message is reduced to plain text (WordPress's contain markup and `&#8217;`).
 */
import { safeHttpUrl } from '../format.js';
import { htmlToText } from '../text.js';
import {
  DEFAULT_FLOOD_SECONDS,
  type CommentError,
  type CommentErrorKind,
  type CommentField,
  type CommentRequest,
  type CommentResult,
  type PostedComment,
} from './model.js';
import { isRecord, nonNegativeInt } from '../values.js';

/** Response headers as a `Headers` object or a plain record (recorded fixtures). */
export type HeadersLike = Headers | Readonly<Record<string, string>>;

/** One header's value, case-insensitively, or null. */
export function headerValue(headers: HeadersLike | undefined, name: string): string | null {
  if (!headers) return null;
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name);
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) if (key.toLowerCase() === wanted) return String(value);
  return null;
}

/**
 * Seconds to wait from a `Retry-After` header: delay-seconds (`42`) or an HTTP date
 * (`Wed, 21 Oct 2026 07:28:00 GMT`, counted from `now`; a past date is 0). Undefined when absent
 * or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim() ?? '';
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) return Number.parseInt(text, 10);
  // An HTTP date names a weekday or month; refuse bare numbers-with-junk that Date.parse might accept.
  if (!/[A-Za-z]{3}/.test(text)) return undefined;
  const at = Date.parse(text);
  if (!Number.isFinite(at)) return undefined;
  return Math.max(0, Math.ceil((at - now) / 1000));
}

/**
 * A server message as plain text: markup removed, entities decoded, and WordPress's leading
 * "<strong>Error:</strong>" / "<strong>Error</strong>:" label and "« Back" link dropped (the form
 * says it is an error in the reader's language).
 */
export function messageText(html: unknown): string {
  if (typeof html !== 'string') return '';
  const cleaned = html
    .replace(/<p>\s*<a\s+href=(["'])javascript:history\.back\(\)\1[^>]*>[\s\S]*?<\/a>\s*<\/p>/gi, '')
    .replace(/^\s*(?:<p>\s*)?<strong>[^<]{1,40}?(?::\s*<\/strong>|<\/strong>\s*:)\s*/i, (m) => (m.trimStart().startsWith('<p>') ? '<p>' : ''));
  return htmlToText(cleaned);
}

export function commentError(
  kind: CommentErrorKind,
  code: string,
  status: number,
  message = '',
  extra: { field?: CommentField; retryAfter?: number } = {},
): CommentError {
  const error: CommentError = { kind, code, status, message };
  if (extra.field !== undefined) error.field = extra.field;
  if (extra.retryAfter !== undefined) error.retryAfter = extra.retryAfter;
  return error;
}

/** WordPress request parameters (REST and classic) → the form's fields. */
const PARAM_FIELDS: Readonly<Record<string, CommentField>> = {
  author_email: 'email',
  author_name: 'name',
  author_url: 'url',
  content: 'content',
  email: 'email',
  author: 'name',
  url: 'url',
  comment: 'content',
};

/** WordPress error codes (REST and the classic form's WP_Error codes) → what the reader can do. */
const CODE_KINDS: Readonly<Record<string, CommentErrorKind>> = {
  comment_duplicate: 'duplicate',
  comment_flood: 'flood',
  rest_comment_closed: 'closed',
  comment_closed: 'closed',
  rest_comment_login_required: 'login-required',
  not_logged_in: 'login-required',
  rest_comment_author_data_required: 'author-data-required',
  require_name_email: 'author-data-required',
  rest_comment_content_invalid: 'content-invalid',
  require_valid_comment: 'content-invalid',
  comment_content_column_length: 'content-invalid',
  rest_comment_invalid_post_id: 'invalid-post',
  comment_id_not_found: 'invalid-post',
  rest_comment_draft_post: 'invalid-post',
  rest_comment_trash_post: 'invalid-post',
  rest_invalid_param: 'invalid-field',
  require_valid_email: 'invalid-field',
  comment_author_column_length: 'invalid-field',
  comment_author_email_column_length: 'invalid-field',
  comment_author_url_column_length: 'invalid-field',
};

/** The field named by a WP_Error code that is about one field. */
const CODE_FIELDS: Readonly<Record<string, CommentField>> = {
  require_valid_email: 'email',
  comment_author_column_length: 'name',
  comment_author_email_column_length: 'email',
  comment_author_url_column_length: 'url',
};


/** Flood wait: the `Retry-After` header, else WordPress's default interval (15 s). */
export function floodSeconds(headers: HeadersLike | undefined): number {
  return parseRetryAfter(headerValue(headers, 'Retry-After')) ?? DEFAULT_FLOOD_SECONDS;
}

/**
 * A WordPress REST error answer → CommentError. `body` is the parsed JSON
 * (`{ code, message, data: { status, params? } }`) or anything else (then the status decides).
 * - known codes map per CommentErrorKind (comment_flood gets `retryAfter`);
 * - `rest_invalid_param` names the field from `data.params` (author_email→email, author_name→name,
 *   author_url→url, content→content); `post` means 'invalid-post'; any other param 'rejected';
 *   the message is that param's own message ("Invalid email address.");
 * - without a known code: 429 → 'flood', 5xx → 'server', other → 'rejected' with the message.
 */
export function mapWordPressError(status: number, body: unknown, headers?: HeadersLike): CommentError {
  const code = isRecord(body) && typeof body.code === 'string' ? body.code : '';
  let message = isRecord(body) ? messageText(body.message) : '';
  if (code === 'rest_invalid_param') {
    const data = isRecord(body) ? body.data : undefined;
    const params = isRecord(data) && isRecord(data.params) ? data.params : {};
    const names = Object.keys(params);
    const name = names.find((n) => PARAM_FIELDS[n] !== undefined) ?? names[0] ?? '';
    const own = messageText(params[name]);
    if (own) message = own;
    const field = PARAM_FIELDS[name];
    if (field) return commentError('invalid-field', code, status, message, { field });
    if (name === 'post') return commentError('invalid-post', code, status, message);
    return commentError('rejected', code, status, message);
  }
  return errorFromCode(code, status, message, headers);
}

/** A WordPress error code (or '' when there was none) with its status and plain-text message → CommentError. */
function errorFromCode(code: string, status: number, message: string, headers: HeadersLike | undefined): CommentError {
  const kind = CODE_KINDS[code];
  const errorCode = code || `http-${status}`;
  if (kind === 'flood' || (kind === undefined && status === 429)) {
    return commentError('flood', errorCode, status, message, { retryAfter: floodSeconds(headers) });
  }
  if (kind) {
    const field = CODE_FIELDS[code];
    return commentError(kind, code, status, message, field ? { field } : {});
  }
  if (status >= 500) return commentError('server', errorCode, status, message);
  return commentError('rejected', errorCode, status, message);
}

/** `2017-02-14T00:00:00` (WordPress's date_gmt, no zone) → `2017-02-14T00:00:00Z`. */
function gmtIso(value: unknown): string {
  if (typeof value !== 'string') return '';
  const text = value.trim();
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(text)) return `${text}Z`;
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? text : '';
}

/**
 * A WordPress REST comment (the 201 answer) → PostedComment, or null when it is not one
 * (no integer `id`). `date_gmt` becomes ISO with `Z` (falls back to `date`, the site's local time
 * without a zone), `content.rendered` becomes plain text, `link` is kept only if http(s).
 */
export function toPostedComment(json: unknown): PostedComment | null {
  if (!isRecord(json)) return null;
  const id = nonNegativeInt(json.id);
  if (id === null || id === 0) return null;
  const content = json.content;
  const rendered = isRecord(content) ? (typeof content.rendered === 'string' ? content.rendered : content.raw) : content;
  const date = gmtIso(json.date_gmt) || (typeof json.date === 'string' && /^\d{4}-\d{2}-\d{2}/.test(json.date) ? json.date : '');
  return {
    id,
    status: typeof json.status === 'string' && json.status !== '' ? json.status : 'hold',
    authorName: typeof json.author_name === 'string' ? htmlToText(json.author_name) : '',
    date,
    text: typeof rendered === 'string' ? htmlToText(rendered) : '',
    link: typeof json.link === 'string' ? (safeHttpUrl(json.link) ?? '') : '',
    parent: nonNegativeInt(json.parent) ?? 0,
  };
}

/** Parses JSON, or returns undefined (never throws). */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A JSON answer (status, headers, body text) → CommentResult, read by a format's own readers of a
 * success (2xx; null when it is not a comment) and of a failure (4xx, 5xx). Anything else, or a
 * 2xx that is not a comment, is 'bad-response'.
 */
export function readJsonAnswer(
  status: number,
  headers: HeadersLike | undefined,
  body: string,
  toComment: (json: unknown) => PostedComment | null,
  toError: (status: number, json: unknown, headers?: HeadersLike) => CommentError,
): CommentResult {
  const json = parseJson(body);
  const comment = status >= 200 && status < 300 ? toComment(json) : null;
  if (comment) return { ok: true, comment };
  if (status >= 400 && status < 600) return { ok: false, error: toError(status, json, headers) };
  return { ok: false, error: commentError('bad-response', 'bad-response', status) };
}

/** A whole WordPress REST answer (status, headers, body text) → CommentResult. */
export function parseRestAnswer(status: number, headers: HeadersLike | undefined, body: string): CommentResult {
  return readJsonAnswer(status, headers, body, toPostedComment, mapWordPressError);
}

/** What `wp-comments-post.php` answered, as fetch exposes it (or as a fixture recorded it). */
export interface ClassicAnswer {
  /** HTTP status; 0 for an opaque redirect. */
  status: number;
  headers?: HeadersLike;
  body: string;
  /** `Response.type`: 'opaqueredirect' when fetch used `redirect: 'manual'` in a browser. */
  type?: string;
  /** `Response.redirected`: true when fetch followed the redirect. */
  redirected?: boolean;
  /** `Response.url`: the final URL after a followed redirect (fetch drops its #fragment). */
  url?: string;
}

/** The classic error page's message: `<div class="wp-die-message">`, else the `<body>`. */
function wpDieMessage(html: string): string {
  const div = /<div\s+class=(["'])wp-die-message\1[^>]*>([\s\S]*?)<\/div>/i.exec(html);
  if (div) return messageText(div[2]);
  const body = /<body[^>]*>([\s\S]*?)(?:<\/body>|$)/i.exec(html);
  return messageText(body ? body[1] : html);
}

/**
 * The English texts of the classic form's errors that share a status (WordPress sends most with
 * 200), to tell them apart. A site in another language falls back to the status: 'rejected' with
 * WordPress's own (translated) message, which the form shows.
 */
const CLASSIC_TEXTS: ReadonlyArray<[RegExp, string]> = [
  [/fill (?:in |out )?the required fields/i, 'require_name_email'],
  [/valid email address/i, 'require_valid_email'],
  [/type (?:a |your )?comment/i, 'require_valid_comment'],
  [/name is too long/i, 'comment_author_column_length'],
  [/email address is too long/i, 'comment_author_email_column_length'],
  [/URL is too long/i, 'comment_author_url_column_length'],
  [/comment is too long/i, 'comment_content_column_length'],
  [/duplicate comment/i, 'comment_duplicate'],
  [/too quickly/i, 'comment_flood'],
  [/comments are closed/i, 'comment_closed'],
  [/must be logged in/i, 'not_logged_in'],
];

function classicCode(status: number, message: string): string {
  for (const [pattern, code] of CLASSIC_TEXTS) if (pattern.test(message)) return code;
  if (status === 409) return 'comment_duplicate';
  if (status === 429) return 'comment_flood';
  if (status === 403) return 'comment_closed';
  return '';
}

/** The comment's id and moderation state from the redirect WordPress answers a success with. */
function fromLocation(location: string): { id: number; held: boolean } {
  const hash = /#comment-(\d+)/.exec(location);
  const unapproved = /[?&]unapproved=(\d+)/.exec(location);
  const id = Number.parseInt(hash?.[1] ?? unapproved?.[1] ?? '0', 10);
  return { id, held: unapproved !== null };
}

function classicPosted(request: CommentRequest | undefined, id: number, status: string, link: string): CommentResult {
  const parent = nonNegativeInt(request?.parent ?? '') ?? 0;
  return {
    ok: true,
    comment: {
      id,
      status,
      authorName: request?.draft.name.trim() ?? '',
      date: '',
      text: request?.draft.content.trim() ?? '',
      link: safeHttpUrl(link) ?? '',
      parent,
    },
  };
}

/**
 * `wp-comments-post.php`'s answer → CommentResult. A success is a redirect to the post:
 * - `redirect: 'manual'` in a browser: an opaque redirect (status 0); the Location cannot be read,
 *   so the comment is reported with id 0 and status 'hold' (the cautious guess);
 * - a visible 3xx (Node, recorded fixtures): `Location: …?unapproved=ID&moderation-hash=…#comment-ID`
 *   means 'hold', `…#comment-ID` alone 'approved';
 * - a followed redirect (`redirected`, final 200): the final URL, read the same way.
 * The comment's fields come from the request (what the reader typed), as WordPress sends none.
 * A failure is WordPress's `wp_die()` page: its status and message text give the kind (see
 * CLASSIC_TEXTS; WordPress answers missing fields with 200). An empty 200 is WordPress's silent
 * `exit` for an unknown, draft or password-protected post: 'invalid-post'.
 */
export function parseClassicAnswer(answer: ClassicAnswer, request?: CommentRequest): CommentResult {
  const { status, body } = answer;
  if (answer.type === 'opaqueredirect') return classicPosted(request, 0, 'hold', '');
  if (status >= 300 && status < 400) {
    const location = headerValue(answer.headers, 'Location') ?? '';
    if (location === '') return { ok: false, error: commentError('bad-response', 'bad-response', status) };
    const { id, held } = fromLocation(location);
    return classicPosted(request, id, held ? 'hold' : 'approved', location);
  }
  if (answer.redirected && status >= 200 && status < 300 && !/wp-die-message|id=["']error-page["']/i.test(body)) {
    const { id, held } = fromLocation(answer.url ?? '');
    return classicPosted(request, id, held ? 'hold' : 'approved', answer.url ?? '');
  }
  if (status >= 500) return { ok: false, error: commentError('server', `http-${status}`, status, body ? wpDieMessage(body) : '') };
  if (status === 200 && body.trim() === '') return { ok: false, error: commentError('invalid-post', 'comment_id_not_found', status) };
  const isDiePage = /wp-die-message|id=["']error-page["']/i.test(body);
  if (status >= 200 && status < 300 && !isDiePage) return { ok: false, error: commentError('bad-response', 'bad-response', status) };
  if (status >= 400 || isDiePage) {
    const message = isDiePage ? wpDieMessage(body) : '';
    const code = isDiePage ? classicCode(status, message) : '';
    return { ok: false, error: errorFromCode(code, status, message, answer.headers) };
  }
  return { ok: false, error: commentError('bad-response', 'bad-response', status) };
}
