// What every comment endpoint shares once it has read and checked its own fields: WordPress's
// column limits, duplicate check, flood check (in that order, like wp_allow_comment), the spam
// traps, moderation, and the insert. The endpoints turn the WordPress error codes returned here
// into their own answers (REST JSON, the classic wp_die page, or the small JSON contract).
import { checkMaxLengths } from './validate.js';

/** A form sent sooner than this after it appeared is treated as sent by a bot. */
export const MIN_FORM_AGE_MS = 2000;

/**
 * The spam traps the comment form fills in, checked here again because a bot can skip the
 * element entirely:
 * - `news_hp`: a honeypot field hidden from people; any non-empty value means a bot filled it;
 * - `news_form_age_ms`: how long the form was on screen before it was sent; under 2 s is a bot.
 *   When the field is missing the comment is accepted (API clients that are not the element),
 *   but a value that is not a number counts as a trap sprung.
 * A trapped comment is not refused (that would teach the bot): it is stored with status "spam",
 * answered like WordPress answers a comment it marked as spam (201, `status: "spam"`), and never
 * listed.
 * @param {Record<string, unknown>} params
 */
export function isTrapped(params) {
  const honeypot = Object.prototype.hasOwnProperty.call(params, 'news_hp') ? params.news_hp : undefined;
  if (honeypot !== undefined && honeypot !== null && honeypot !== '' && honeypot !== false) return true;
  const age = Object.prototype.hasOwnProperty.call(params, 'news_form_age_ms') ? params.news_form_age_ms : undefined;
  if (age === undefined || age === null || age === '') return false;
  const ms = typeof age === 'number' ? age : typeof age === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(age) ? Number(age) : NaN;
  return !Number.isFinite(ms) || ms < MIN_FORM_AGE_MS;
}

/**
 * @typedef {object} Submission
 * @property {number} post_id
 * @property {number} parent_id
 * @property {string} author_name plain text
 * @property {string} author_email
 * @property {string} author_url
 * @property {string} content
 * @property {string} ip
 * @property {string} userAgent
 * @property {boolean} trapped whether a spam trap was sprung (see isTrapped)
 */

/**
 * @typedef {{ ok: true, comment: import('./db.js').CommentRow }
 *   | { ok: false, code: 'comment_duplicate' }
 *   | { ok: false, code: 'comment_flood', retryAfter: number }
 *   | { ok: false, code: NonNullable<ReturnType<typeof checkMaxLengths>> }} SubmitResult
 */

/**
 * @param {object} options
 * @param {import('./db.js').CommentStore} options.store
 * @param {'hold' | 'approve'} options.moderation
 * @param {number} options.floodSeconds 0 turns the flood check off
 * @param {() => number} [options.now]
 */
export function createCommentService({ store, moderation, floodSeconds, now = Date.now }) {
  /**
   * @param {Submission} input
   * @returns {SubmitResult}
   */
  function submit(input) {
    const tooLong = checkMaxLengths(input);
    if (tooLong) return { ok: false, code: tooLong };
    return store.transaction(() => {
      const time = now();
      if (store.findDuplicate(input) !== null) return { ok: false, code: 'comment_duplicate' };
      if (floodSeconds > 0) {
        const last = store.lastCommentTime(input.ip, input.author_email, time);
        if (last !== null && time - last < floodSeconds * 1000) {
          const retryAfter = Math.max(1, Math.ceil((last + floodSeconds * 1000 - time) / 1000));
          return { ok: false, code: 'comment_flood', retryAfter };
        }
      }
      /** @type {import('./db.js').CommentStatus} */
      let status;
      if (input.trapped) status = 'spam';
      else if (moderation === 'approve') status = 'approved';
      else status = store.hasApprovedComment(input.author_name, input.author_email) ? 'approved' : 'hold';
      const comment = store.insert({
        post_id: input.post_id,
        parent_id: input.parent_id,
        author_name: input.author_name,
        author_email: input.author_email,
        author_url: input.author_url,
        author_ip: input.ip,
        user_agent: input.userAgent,
        content: input.content,
        status,
        created_ms: time,
      });
      return { ok: true, comment };
    });
  }

  /**
   * Whether `parentId` may be replied to on this post: 0 (no parent), or an approved comment of
   * the same post.
   * @param {number} postId
   * @param {number} parentId
   */
  function parentAllowed(postId, parentId) {
    if (parentId === 0) return true;
    const parent = store.get(parentId);
    return !!parent && parent.post_id === postId && parent.status === 'approved';
  }

  return { submit, parentAllowed, store, moderation, floodSeconds };
}

/** @typedef {ReturnType<typeof createCommentService>} CommentService */
