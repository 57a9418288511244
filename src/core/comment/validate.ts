/**
 * Client-side validation of a comment draft, with WordPress's own rules so that what passes here
 * is what a stock WordPress accepts (the server still has the last word).
 *
 * Lengths are counted as WordPress counts them: in UTF-8 BYTES, not characters.
 * `wp_check_comment_data_max_lengths()` measures `comment_content` with `mb_strlen($s, '8bit')`
 * against 65525 (a MySQL TEXT column, 65535 bytes, less 10), so an Arabic or Persian comment
 * (2 bytes a letter) reaches the limit at about 32 762 letters. `commentLength()` is that measure;
 * use it for the counter too (do not put a native `maxlength` on the textarea: it counts UTF-16 units).
 */
import { AUTHOR_FIELD_MAX_BYTES, type CommentDraft, type ValidationResult } from './model.js';

export interface ValidateOptions {
  /** WordPress's "Comment author must fill out name and email" (`require-name-email`). */
  requireNameEmail: boolean;
  /** Longest comment, in UTF-8 bytes as WordPress measures it (DEFAULT_MAXLENGTH = 65525). */
  maxlength: number;
}

const encoder = new TextEncoder();

/** UTF-8 byte length: how WordPress measures a comment against its length limit. */
export function commentLength(text: string): number {
  // Lone surrogates are encoded as U+FFFD (3 bytes), exactly as the browser will send them.
  return encoder.encode(text).length;
}

/** True when the text is empty or only white space (WordPress trims before its checks). */
function blank(text: string): boolean {
  return text.trim() === '';
}

// WordPress's is_email() local part: ASCII letters, digits and !#$%&'*+/=?^_`{|}~.-
const LOCAL = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+$/;
// A domain label: letters (any script, so IDN domains typed in Unicode pass), digits, marks, hyphens.
const LABEL = /^[\p{L}\p{N}\p{M}-]+$/u;

/**
 * WordPress's `is_email()` rules, widened to accept internationalized domains (`bücher.de`,
 * `مثال.ایران`): `normalizeEmail()` turns such a domain into the `xn--` form WordPress accepts.
 * At least 6 characters, one `@` after the first character, an ASCII local part of the allowed
 * characters, a domain of two or more labels, no empty label, no label starting or ending with `-`.
 */
export function isValidEmail(s: string): boolean {
  const email = s.trim();
  if (email.length < 6 || /\s/.test(email)) return false;
  const at = email.indexOf('@');
  if (at < 1) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (!LOCAL.test(local)) return false;
  const labels = domain.split('.');
  if (labels.length < 2) return false;
  return labels.every((label) => label !== '' && LABEL.test(label) && !label.startsWith('-') && !label.endsWith('-'));
}

/**
 * The email as it is sent: trimmed, and an internationalized domain converted to its ASCII
 * (`xn--`) form, which WordPress's `is_email()` requires. Invalid input is returned trimmed.
 */
export function normalizeEmail(s: string): string {
  const email = s.trim();
  if (!isValidEmail(email)) return email;
  const at = email.indexOf('@');
  const domain = email.slice(at + 1);
  if (/^[\x21-\x7e]*$/.test(domain)) return email;
  try {
    return `${email.slice(0, at)}@${new URL(`http://${domain}/`).hostname}`;
  } catch {
    return email;
  }
}

/**
 * The website as it is sent, as WordPress's `esc_url_raw()` would store it: trimmed; an address
 * without a scheme (`example.com/blog`) gets `http://` (WordPress adds `http://`, not `https://`,
 * and so do we, so that what the reader sees afterwards is what WordPress keeps); `//host` gets
 * `http:`. Anything else (`javascript:…`, `mailto:…`) is returned as typed and fails `isValidUrl`.
 */
export function normalizeUrl(url: string): string {
  const value = url.trim();
  if (value === '') return '';
  if (value.startsWith('//')) return `http:${value}`;
  // A scheme is letters then ':' — but `example.com:8080` is a host and port, not a scheme.
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(value) && !/^[^:/]+:\d/.test(value)) return value;
  return `http://${value}`;
}

/** True for an http(s) URL with a real host name (after `normalizeUrl`). Empty is not valid. */
export function isValidUrl(url: string): boolean {
  const value = normalizeUrl(url);
  if (value === '' || /\s/.test(value)) return false;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return false;
  const host = parsed.hostname;
  return host === 'localhost' || host.startsWith('[') || (host.includes('.') && !host.startsWith('.') && !host.endsWith('.'));
}

/**
 * Checks a draft. Returns one problem per field (in the order the fields appear: content, name,
 * email, url); an empty object means the draft may be sent.
 * - content: required (white space only counts as empty); at most `maxlength` UTF-8 bytes;
 * - name, email: required when `requireNameEmail`; name at most 245 bytes;
 * - email: when given, WordPress's `is_email()` format (see `isValidEmail`), at most 100 bytes;
 * - url: optional; when given, an http(s) URL (a bare `example.com` is fine), at most 200 bytes.
 */
export function validateDraft(draft: CommentDraft, options: ValidateOptions): ValidationResult {
  const result: ValidationResult = {};
  const maxlength = Number.isFinite(options.maxlength) && options.maxlength > 0 ? options.maxlength : Infinity;

  if (blank(draft.content)) result.content = 'required';
  else if (commentLength(draft.content) > maxlength) result.content = 'too-long';

  const name = draft.name.trim();
  if (name === '') {
    if (options.requireNameEmail) result.name = 'required';
  } else if (commentLength(name) > AUTHOR_FIELD_MAX_BYTES.name) result.name = 'too-long';

  const email = draft.email.trim();
  if (email === '') {
    if (options.requireNameEmail) result.email = 'required';
  } else if (!isValidEmail(email)) result.email = 'email';
  else if (commentLength(normalizeEmail(email)) > AUTHOR_FIELD_MAX_BYTES.email) result.email = 'too-long';

  const url = draft.url.trim();
  if (url !== '') {
    if (!isValidUrl(url)) result.url = 'url';
    else if (commentLength(normalizeUrl(url)) > AUTHOR_FIELD_MAX_BYTES.url) result.url = 'too-long';
  }
  return result;
}
