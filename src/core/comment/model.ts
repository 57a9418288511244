/**
 * The comment form's data model: what a reader types, what is sent, what comes back.
 * Pure types and constants (no DOM), shared by the transports (./transport.ts), validation
 * (./validate.ts), draft storage (./draft-store.ts) and <news-comment-form>.
 */

/** The fields a reader types. Always strings (empty when not filled). */
export interface CommentDraft {
  content: string;
  name: string;
  email: string;
  url: string;
}

export type CommentField = keyof CommentDraft;

/** How the form talks to its backend (the `format` attribute). */
export type CommentFormat = 'wordpress' | 'wordpress-form' | 'json';

/** Everything one submission needs; built by the element, sent by a transport. */
export interface CommentRequest {
  /** Absolute or page-relative URL to post to (the `action` attribute). */
  action: string;
  /** The post commented on (`post-id`); a positive integer as a string, or '' if unknown. */
  postId: string;
  /** The comment replied to (`parent`); '0' or '' for a top-level comment. */
  parent: string;
  draft: CommentDraft;
  /** Extra fields a host added in `news-comment-submit` (e.g. an anti-spam token). Sent as-is. */
  extra: Record<string, string>;
  /** Milliseconds since the form appeared, or since a restored draft was started (the time trap; the server checks it too). */
  formAgeMs: number;
  /** Whether "save my name, email and website" is checked (sent as wp-comment-cookies-consent). */
  remember: boolean;
  /**
   * The honeypot field's value (HONEYPOT_FIELD). Humans leave it empty and the element refuses to
   * send when it is filled, so transports send it only when non-empty (for a host that sends anyway).
   */
  honeypot?: string;
}

/** A comment as the server accepted it. */
export interface PostedComment {
  id: number;
  /** 'approved' shows at once; 'hold' (and anything else, e.g. 'spam') awaits moderation. */
  status: string;
  authorName: string;
  /** ISO 8601 date-time, or '' when the server did not say. */
  date: string;
  /** The comment's text as the server will show it, reduced to plain text (never HTML). */
  text: string;
  /** Permalink of the comment, if the server gave one. */
  link: string;
  parent: number;
}

/**
 * What went wrong, as something a reader can act on. `kind` drives the message and the form's
 * state; `code` and `status` are the server's own (for the `news-comment-error` event).
 */
export type CommentErrorKind =
  | 'duplicate' // comment_duplicate (409): the same comment was already sent
  | 'flood' // comment_flood (400 in REST, 429 in the classic form) or HTTP 429: wait, then retry
  | 'closed' // rest_comment_closed / comment_closed: form disabled
  | 'login-required' // rest_comment_login_required: form disabled
  | 'author-data-required' // rest_comment_author_data_required / require_name_email
  | 'invalid-field' // rest_invalid_param naming a field (see `field`)
  | 'content-invalid' // rest_comment_content_invalid / require_valid_comment / comment_content_column_length
  | 'invalid-post' // rest_comment_invalid_post_id
  | 'rejected' // any other 4xx answer: shown with the server's message
  | 'network' // fetch failed (offline, DNS, CORS, refused)
  | 'server' // 5xx
  | 'timeout' // no answer within the time-out
  | 'bad-response'; // an answer that is not what the format promises (e.g. not JSON)

/** Kinds after which the text is kept and the same request may simply be sent again. */
export const RETRYABLE_KINDS: ReadonlySet<CommentErrorKind> = new Set(['network', 'server', 'timeout', 'bad-response']);

/** Kinds that disable the whole form (nothing the reader can do fixes them). */
export const DISABLING_KINDS: ReadonlySet<CommentErrorKind> = new Set(['closed', 'login-required']);

export interface CommentError {
  kind: CommentErrorKind;
  /** The server's error code (`comment_duplicate`…), or ours for transport failures (`network`…). */
  code: string;
  /** HTTP status; 0 when no answer arrived. */
  status: number;
  /** The server's message as plain text (entities decoded, markup removed), or ''. */
  message: string;
  /** The field the error is about, when the server named one. */
  field?: CommentField;
  /** Seconds to wait before posting again (Retry-After, or WordPress's flood interval). */
  retryAfter?: number;
}

export type CommentResult = { ok: true; comment: PostedComment } | { ok: false; error: CommentError };

/** Sends one request; never throws (every failure is a `CommentResult` with `ok: false`). */
export interface CommentTransport {
  send(request: CommentRequest, options: { signal: AbortSignal; timeoutMs: number }): Promise<CommentResult>;
}

/** Per-field validation problems, in the order fields appear. */
export type FieldProblem = 'required' | 'email' | 'url' | 'too-long';
export type ValidationResult = Partial<Record<CommentField, FieldProblem>>;

/** WordPress's limit on comment_content (characters). */
export const DEFAULT_MAXLENGTH = 65525;
/** Default time-out of one request, in milliseconds. */
export const DEFAULT_TIMEOUT_MS = 15000;
/** A form sent sooner than this after it appeared is treated as a bot. */
export const TIME_TRAP_MS = 2000;
/** The honeypot field's name: humans never see it; a bot that fills it is refused. */
export const HONEYPOT_FIELD = 'news_hp';
/** The field carrying `formAgeMs`, so the server can check the time trap too. */
export const FORM_AGE_FIELD = 'news_form_age_ms';

/**
 * WordPress's limits on the author fields, in UTF-8 bytes (`wp_get_comment_fields_max_lengths()`:
 * it measures `comment_author` with `mb_strlen(…, '8bit')` and email/URL with `strlen`, i.e. bytes).
 * Content uses the form's `maxlength` (DEFAULT_MAXLENGTH), measured the same way.
 */
export const AUTHOR_FIELD_MAX_BYTES: Readonly<Record<'name' | 'email' | 'url', number>> = { name: 245, email: 100, url: 200 };

/** WordPress's default minimum interval between two comments from one author (`comment_flood_filter`). */
export const DEFAULT_FLOOD_SECONDS = 15;
