// Field validation and clean-up, after WordPress's own rules (is_email, sanitize_text_field,
// esc_url_raw, rest_is_integer, wp_check_comment_data_max_lengths). Pure functions, no I/O.

/** WordPress's comment column limits (wp_get_comment_fields_max_lengths), in bytes. */
export const MAX_LENGTHS = Object.freeze({
  comment_author: 245,
  comment_author_email: 100,
  comment_author_url: 200,
  comment_content: 65525,
});

/**
 * WordPress's is_email(): deliberately simple, and the same answer the real thing gives
 * (at least 6 characters, one local part of the allowed characters, a domain of two or more
 * dot-separated labels of letters, digits and inner hyphens).
 * @param {unknown} email
 */
export function isEmail(email) {
  if (typeof email !== 'string' || email.length < 6) return false;
  const at = email.indexOf('@', 1);
  if (at === -1) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!/^[a-zA-Z0-9!#$%&'*+/=?^_`{|}~.-]+$/.test(local)) return false;
  if (/\.{2,}/.test(domain)) return false;
  if (domain.replace(/^[ \t\n\r\0\x0B.]+|[ \t\n\r\0\x0B.]+$/g, '') !== domain) return false;
  const subs = domain.split('.');
  if (subs.length < 2) return false;
  return subs.every((sub) => sub.replace(/^[ \t\n\r\0\x0B-]+|[ \t\n\r\0\x0B-]+$/g, '') === sub && /^[a-z0-9-]+$/i.test(sub));
}

/**
 * WordPress's sanitize_text_field() for a name: drop tags (and what script/style hold), turn
 * line breaks, tabs and runs of spaces into one space, drop percent-encoded octets, trim.
 * The result is plain text; it is escaped on the way out, not here.
 * @param {string} value
 */
export function sanitizeTextField(value) {
  let text = value.replace(/<(script|style)[^>]*?>[\s\S]*?<\/\1>/gi, '');
  text = text.replace(/<[^>]*>?/g, '');
  text = text.replace(/[\r\n\t ]+/g, ' ');
  let previous;
  do {
    previous = text;
    text = text.replace(/%[a-f0-9]{2}/gi, '');
  } while (text !== previous);
  // Control characters have no place in a name.
  text = text.replace(/[\u0000-\u001f\u007f]/g, '');
  return text.trim().replace(/ {2,}/g, ' ');
}

/**
 * A commenter's website, like esc_url_raw() but stricter: only http(s) URLs survive (a bare
 * "example.com" becomes "http://example.com/"); anything else (javascript:, data:, garbage) is
 * dropped to ''. The URL comes back normalised by the URL parser, so it never holds quotes,
 * spaces or angle brackets.
 * @param {string} value
 */
export function sanitizeUrl(value) {
  const text = value.replace(/[\u0000-\u0020\u007f]+/g, ' ').trim();
  if (!text || /\s/.test(text)) return '';
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) ? text : /^[\w-]+(\.[\w-]+)+([/?#:]|$)/.test(text) ? `http://${text}` : '';
  if (!withScheme) return '';
  try {
    const url = new URL(withScheme);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return '';
    if (!url.hostname) return '';
    return url.href;
  } catch {
    return '';
  }
}

/**
 * WordPress's rest_is_integer(): a number or numeric string with no fractional part.
 * @param {unknown} value
 */
export function isIntegerLike(value) {
  if (typeof value === 'number') return Number.isFinite(value) && Math.round(value) === value;
  if (typeof value !== 'string') return false;
  // PHP's is_numeric(): optional leading whitespace, sign, digits, decimals, exponent.
  if (!/^[ \t\n\r\v\f]*[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?[ \t\n\r\v\f]*$/.test(value)) return false;
  const n = Number(value.trim());
  return Number.isFinite(n) && Math.round(n) === n;
}

/**
 * The integer a WordPress `(int)` cast gives for a value that passed isIntegerLike.
 * @param {unknown} value
 */
export function toInteger(value) {
  const n = typeof value === 'number' ? value : Number(String(value).trim());
  return Number.isFinite(n) ? Math.trunc(n) : 0;
}

/** @param {string} text */
export function byteLength(text) {
  return Buffer.byteLength(text, 'utf8');
}

/**
 * The first field over WordPress's column limits, as WordPress's error code, or null.
 * @param {{ author_name: string, author_email: string, author_url: string, content: string }} fields
 * @returns {'comment_author_column_length' | 'comment_author_email_column_length' | 'comment_author_url_column_length' | 'comment_content_column_length' | null}
 */
export function checkMaxLengths(fields) {
  if (byteLength(fields.author_name) > MAX_LENGTHS.comment_author) return 'comment_author_column_length';
  if (byteLength(fields.author_email) > MAX_LENGTHS.comment_author_email) return 'comment_author_email_column_length';
  if (byteLength(fields.author_url) > MAX_LENGTHS.comment_author_url) return 'comment_author_url_column_length';
  if (byteLength(fields.content) > MAX_LENGTHS.comment_content) return 'comment_content_column_length';
  return null;
}

/**
 * Strips a string of what can never be stored: invalid UTF-16 halves and NUL characters.
 * @param {string} text
 */
export function cleanText(text) {
  return text.replace(/\u0000/g, '').replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}
