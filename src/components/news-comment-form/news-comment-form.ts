import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { DraftStore, draftKey } from '../../core/comment/draft-store.js';
import {
  DEFAULT_FLOOD_SECONDS,
  DEFAULT_MAXLENGTH,
  DEFAULT_TIMEOUT_MS,
  DISABLING_KINDS,
  HONEYPOT_FIELD,
  RETRYABLE_KINDS,
  TIME_TRAP_MS,
  type CommentDraft,
  type CommentError,
  type CommentErrorKind,
  type CommentField,
  type CommentFormat,
  type CommentRequest,
  type CommentResult,
  type CommentTransport,
  type PostedComment,
} from '../../core/comment/model.js';
import { createTransport, defaultAction } from '../../core/comment/transport.js';
import { commentLength, validateDraft } from '../../core/comment/validate.js';
import { formatDate } from '../../core/format.js';
import { safeLocale, type MessageKey } from '../../core/localize.js';
import { en, registerMessages } from '../../core/messages.js';
import { commentForm } from '../../core/messages/comment-form.js';
import { nonNegativeInt } from '../../core/values.js';
import { headingTemplate } from '../../internal/heading.js';
import { NewsElement } from '../../internal/news-element.js';
import { adoptFormStyles } from './news-comment-form.styles.js';

// The form's strings travel with the form only (see core/messages.ts).
registerMessages(commentForm, () => import('../../core/messages/comment-form.i18n.js'));

export interface NewsCommentSubmitDetail {
  /** What is about to be sent. Add fields to `request.extra` (strings) to send them too. */
  request: CommentRequest;
}
export interface NewsCommentPostedDetail {
  /** The comment as the server accepted it (its `text` is plain text). */
  comment: PostedComment;
}
export interface NewsCommentErrorDetail {
  /** The server's error code (`comment_duplicate`…) or the transport's (`network`, `timeout`…). */
  code: string;
  /** HTTP status; 0 when no answer arrived. */
  status: number;
  /** The server's message, as plain text, or ''. */
  message: string;
  kind: CommentErrorKind;
}
export interface NewsCommentReplyCancelDetail {
  /** The `parent` the reader stopped replying to. */
  parent: string;
}

interface Status {
  key: MessageKey;
  params?: Record<string, string>;
  /** An answer that needs the reader's attention (styled as an error). */
  bad?: boolean;
  /** The server's own words, shown after ours. */
  message?: string;
}

type Errors = Partial<Record<CommentField, MessageKey>>;

const FORMATS: readonly string[] = ['wordpress', 'wordpress-form', 'json'];
const FIELDS: readonly CommentField[] = ['content', 'name', 'email', 'url'];
/** WordPress's own field names (its no-JS form uses them too, so a fallback's text can be carried over). */
const NAMES: Record<CommentField, string> = { content: 'comment', name: 'author', email: 'email', url: 'url' };
const EMPTY: CommentDraft = { content: '', name: '', email: '', url: '' };

/** Numbers the forms of a page, for their ids (light DOM: ids must be unique in the document). */
let forms = 0;

/** Fires a bubbling, composed event; false when a cancelable one was cancelled. (Outside the class: the
 * manifest lists the events from the @fires tags, not from this helper.) */
function emit<T>(target: Element, type: keyof GlobalEventHandlersEventMap, detail: T, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable }));
}

/**
 * A comment form that never loses a reader's words:
 *
 * `<news-comment-form post-id="2051" action="https://example.com/wp-json/wp/v2/comments"></news-comment-form>`
 *
 * It renders its heading, the comment, name, email and website fields, "Save my name, email, and
 * website in this browser…" and the Post button into its own **light DOM** (native, labelled
 * fields: autofill, password managers and screen readers work as on any page). Anything inside it
 * before it upgrades (e.g. WordPress's own no-JS `<form>`) is replaced; text a reader had already
 * typed into its `comment`, `author`, `email` and `url` fields is kept, and its `comment_post_ID`
 * and `comment_parent` are used when `post-id` and `parent` are not set.
 *
 * **Formats** (`format`): `wordpress` posts JSON to the REST API (`/wp-json/wp/v2/comments`; stock
 * WordPress needs the `rest_allow_anonymous_comments` filter), `wordpress-form` posts the classic
 * `wp-comments-post.php` form (works with a stock WordPress), `json` posts the small JSON contract
 * of core/comment/json.ts to `action`.
 *
 * **Validation** runs on submit, then again as fields change: each error sits below its field
 * (`aria-invalid`, `aria-describedby`) and a summary above the form takes focus, with links to the
 * fields. Nothing is sent while the form is invalid.
 *
 * **Sending:** the Post button or Ctrl/⌘+Enter in the comment. One request at a time (the button is
 * `aria-disabled` and `aria-busy` meanwhile, and stays focusable); `timeout` ms at most; removing
 * the element aborts it. A filled honeypot field pretends success without sending; a form sent
 * less than two seconds after it appeared is not sent ("Please take a moment…").
 *
 * **Answers** are announced in a polite `role="status"` region: posted (the comment is shown below
 * as it will appear, as text), awaiting moderation, or the reason it failed — flood (a countdown on
 * the button), closed / login required (the form is disabled), a field the server refused, and for
 * network errors, 5xx, time-outs and unreadable answers "Could not send your comment — your text is
 * kept" with a Retry button (also retried once automatically when the browser comes back online).
 *
 * **Nothing lost:** the draft (comment, name, email, website) is saved in `localStorage` as the
 * reader types (and on `pagehide`), keyed by `action` + `post-id` + `parent`, restored on load and
 * cleared only when the server accepted it. Name, email and website are remembered for next time
 * only when the reader ticks the box. Without working storage the form still works (one warning).
 *
 * **Styling:** the form's sheet is adopted into the page (or the shadow root holding the form) with
 * selectors of specificity (0,0,1) scoped to `news-comment-form`, so any page rule with a class
 * wins. Hooks: `.ncf-h` heading, `.ncf-sum` error summary, `.ncf-f` a field, `.ncf-err` its error,
 * `.ncf-count` the counter, `.ncf-check` the checkbox row, `.ncf-btn` buttons (`.ncf-alt` Retry),
 * `.ncf-status` the answer, `.ncf-posted` the posted comment.
 *
 * @summary A comment form ("Leave a reply") for WordPress or any backend, with validation, spam
 * traps, announced answers and a draft that survives errors and reloads.
 *
 * @fires news-comment-submit - Before sending (cancelable): `detail.request` (`CommentRequest`); add string fields to `detail.request.extra` (e.g. an anti-spam token) or call `preventDefault()` to send nothing.
 * @fires news-comment-posted - The server accepted the comment: `detail.comment` (`PostedComment`, `status` 'approved' or 'hold').
 * @fires news-comment-error - Sending failed: `detail` `{ code, status, message, kind }`.
 * @fires news-comment-reply-cancel - The reader cancelled a reply (`parent` and `reply-to` were cleared): `detail.parent`.
 *
 * @cssproperty --news-comment-error-color - Error messages, the summary's outline and a field in error. [#b3261e]
 * @cssproperty --news-color-text - Text and field text. [#1a1a1a]
 * @cssproperty --news-color-text-muted - Note, counter, field borders, a busy button. [#555555]
 * @cssproperty --news-color-background - Fields and the text of the Post button. [#ffffff]
 * @cssproperty --news-color-surface - Behind the answer message. [#f1f1f1]
 * @cssproperty --news-color-border - Outline of the posted comment. [#d4d4d4]
 * @cssproperty --news-color-link - Post button, links, the answer's rule. [#0b57d0]
 * @cssproperty --news-color-focus - Keyboard focus ring. [#0b57d0]
 * @cssproperty --news-font-ui - Labels, fields, buttons, messages. [system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif]
 * @cssproperty --news-font-heading - The heading. [Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif]
 * @cssproperty --news-font-body - The text of the posted comment. [Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif]
 * @cssproperty --news-font-size-small - Note, errors, counter, date. [0.875rem]
 * @cssproperty --news-radius - Corners of fields, buttons and boxes. [4px]
 * @cssproperty --news-space-1 - Gap between a label and its field. [0.25rem]
 * @cssproperty --news-space-2 - Field padding; gap between buttons. [0.5rem]
 * @cssproperty --news-space-3 - Gap between fields. [1rem]
 * @cssproperty --news-space-4 - Button padding; list indent. [1.5rem]
 */
export class NewsCommentForm extends NewsElement {
  /** URL to post to. Default: `/wp-json/wp/v2/comments` (`wordpress`), `/wp-comments-post.php` (`wordpress-form`); `json` needs one. */
  @property() action?: string;

  /** The post (article) commented on: WordPress's post ID. */
  @property({ attribute: 'post-id' }) postId = '';

  /** The comment this one replies to (its ID); empty or 0 for a top-level comment. */
  @property() parent = '';

  /** Name of the author replied to: shows "Replying to {name}" and a Cancel reply button. */
  @property({ attribute: 'reply-to' }) replyTo = '';

  /** How to talk to the server: `wordpress` (REST, default), `wordpress-form` (wp-comments-post.php) or `json`. */
  @property() format = 'wordpress';

  /** Longest comment, in UTF-8 bytes as WordPress counts it; a counter appears near it. */
  @property({ type: Number }) maxlength = DEFAULT_MAXLENGTH;

  /** Name and email are required (as in WordPress) unless this is `off`. */
  @property({ attribute: 'require-name-email' }) requireNameEmail = 'on';

  /** The heading. Default: "Leave a reply", in the reader's language. */
  @property() heading = '';

  /** Level of the heading, 2 to 6 (default 2). The error summary's heading is one below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  /** Time-out of one request, in milliseconds (default 15000). */
  @property({ type: Number }) timeout = DEFAULT_TIMEOUT_MS;

  /**
   * Sends the comment instead of the built-in transport for `format` (property only): any object
   * with `send(request, { signal, timeoutMs }) → Promise<CommentResult>` that never throws, e.g.
   * `createTransport('json', myFetch)` from `news-elements/core`, or a fake in tests and stories.
   */
  @property({ attribute: false }) transport?: CommentTransport;

  @state() private draft: CommentDraft = EMPTY;
  @state() private remember = false;
  /** After the first submit attempt, errors follow the fields as they change. */
  @state() private validated = false;
  /** Errors the server reported on fields, until the field changes. */
  @state() private serverErrors: Errors = {};
  @state() private summary = false;
  @state() private busy = false;
  @state() private status?: Status;
  @state() private posted?: PostedComment;
  @state() private retryable = false;
  @state() private closed = false;
  @state() private countdown = 0;
  /** Counter announcements (at thresholds only). */
  @state() private announcement = '';

  private readonly uid = `ncf${++forms}`;
  private store?: DraftStore;
  /** When the reader started this draft (first keystroke; restored with the draft); undefined: not started. */
  private startedAt?: number;
  /** When the form first appeared (the time trap counts from it). */
  private shownAt = 0;
  /** The key the draft was last restored from, and the key it was last saved under. */
  private restoredKey?: string;
  private savedKey?: string;
  private saveTimer?: ReturnType<typeof setTimeout>;
  /** End of a flood wait (ms since epoch): the countdown is counted from it, not by ticks, which a background tab slows. */
  private waitEnd = 0;
  private ticker?: ReturnType<typeof setInterval>;
  private controller?: AbortController;
  private band = 0;
  private carried: Partial<CommentDraft> = {};

  protected override createRenderRoot(): HTMLElement {
    // Light DOM. A no-JS fallback inside is replaced; what a reader already typed into it is kept.
    const pick = (name: string) => this.querySelector<HTMLInputElement>(`[name="${name}"]`)?.value ?? '';
    for (const f of FIELDS) this.carried[f] = pick(NAMES[f]);
    this.postId ||= pick('comment_post_ID');
    this.parent ||= pick('comment_parent');
    this.replaceChildren();
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptFormStyles(this.getRootNode());
    this.shownAt ||= Date.now();
    if (!this.store) {
      this.store = DraftStore.fromWindow();
      if (!this.store.available) this.warn('storage', 'localStorage is not available: the draft and the remembered name are not kept (the form still works)');
    }
    addEventListener('online', this.onOnline);
    addEventListener('pagehide', this.flush);
    document.addEventListener('visibilitychange', this.flush);
    // Put back on the page during a flood wait: the countdown goes on.
    if (this.countdown > 0) this.startTicker();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('online', this.onOnline);
    removeEventListener('pagehide', this.flush);
    document.removeEventListener('visibilitychange', this.flush);
    this.flush();
    clearInterval(this.ticker);
    if (this.busy) {
      // Whether the request arrived is unknown: if the form comes back, it offers Retry.
      this.controller?.abort();
      this.busy = false;
      this.retryable = true;
      this.status = { key: 'comment.retryable', bad: true };
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Frameworks may set post-id, parent or action after connecting: restore the draft saved
    // under the new key, unless the reader has already started one here.
    if (this.startedAt === undefined && this.key() !== this.restoredKey) this.restore();
    if (changed.has('format') && !FORMATS.includes(this.format)) {
      this.warn('format', `attribute "format" must be "wordpress", "wordpress-form" or "json", not "${this.format}"; using "wordpress"`);
    }
    const format = this.formatName();
    if (format === 'json' && !this.action) this.warn('action', 'attribute "action" is missing: format="json" has no default URL to post to');
    if (format !== 'json' && !this.postId) this.warn('post-id', 'attribute "post-id" is missing: WordPress refuses a comment without its post');
    // Numbers a site builder may mistype: each falls back to something that works, and says so.
    if (format !== 'json' && this.postId && nonNegativeInt(this.postId) === null) {
      this.warn('post-id', `attribute "post-id" must be a whole number, not "${this.postId}"; WordPress will refuse the comment`);
    }
    if (this.parent && nonNegativeInt(this.parent) === null) this.warn('parent', `attribute "parent" must be a whole number, not "${this.parent}"; posting as a new comment`);
    if (!(this.maxlength > 0)) this.warn('maxlength', `attribute "maxlength" must be a positive number, not "${this.getAttribute('maxlength') ?? this.maxlength}"; using ${DEFAULT_MAXLENGTH}`);
    if (!(this.timeout > 0)) this.warn('timeout', `attribute "timeout" must be a positive number of milliseconds, not "${this.getAttribute('timeout') ?? this.timeout}"; using ${DEFAULT_TIMEOUT_MS}`);
    if (!(Number.isInteger(this.headingLevel) && this.headingLevel >= 2 && this.headingLevel <= 6)) {
      this.warn('heading-level', `attribute "heading-level" must be 2, 3, 4, 5 or 6, not "${this.getAttribute('heading-level') ?? this.headingLevel}"; using ${this.level()}`);
    }
  }

  protected override render(): TemplateResult {
    const p = this.uid;
    const errors = this.errors();
    const listed = FIELDS.filter((f) => errors[f]);
    const level = this.level();
    const s = this.status;
    const c = this.posted;
    const waiting = this.busy || this.countdown > 0;
    return html`<section aria-labelledby="${p}-h">
      ${headingTemplate(level, this.heading || this.t('comment.heading'), `${p}-h`, 'ncf-h')}
      ${this.replyTo
        ? html`<p class="ncf-reply">
            ${this.t('comment.replying', { name: this.replyTo })}
            <button type="button" class="ncf-link" @click=${this.cancelReply}>${this.t('comment.cancel-reply')}</button>
          </p>`
        : nothing}
      ${this.summary && listed.length
        ? html`<div class="ncf-sum" role="group" aria-labelledby="${p}-s" tabindex="-1">
            ${headingTemplate(Math.min(6, level + 1), this.t('comment.summary'), `${p}-s`, '')}
            <ul>
              ${listed.map(
                (f) => html`<li><a href="#${p}-${f}" @click=${(e: Event) => this.focusField(e, f)}>${this.t(errors[f]!)}</a></li>`,
              )}
            </ul>
          </div>`
        : nothing}
      <form novalidate @submit=${this.onSubmit} @input=${this.onInput}>
        <fieldset ?disabled=${this.closed}>
          <p class="ncf-note">${this.t('comment.note')}</p>
          ${this.field('content', errors)} ${this.field('name', errors)} ${this.field('email', errors)} ${this.field('url', errors)}
          <p class="ncf-check">
            <input
              type="checkbox"
              id="${p}-remember"
              name="wp-comment-cookies-consent"
              .checked=${live(this.remember)}
              @change=${this.onRemember}
            />
            <label for="${p}-remember">${this.t('comment.remember')}</label>
          </p>
          <div class="ncf-hp" aria-hidden="true">
            <label for="${p}-hp">${this.t('comment.honeypot')}</label>
            <input id="${p}-hp" name=${HONEYPOT_FIELD} tabindex="-1" autocomplete="off" />
          </div>
          <p class="ncf-actions">
            <button type="submit" class="ncf-btn" aria-disabled=${waiting ? 'true' : nothing} aria-busy=${this.busy ? 'true' : nothing}>
              ${this.t(this.busy ? 'comment.sending' : 'comment.submit')}${this.countdown > 0
                ? html` <span aria-hidden="true">${this.t('comment.wait', { seconds: this.num(this.countdown) })}</span>`
                : nothing}
            </button>
            ${this.retryable && !this.busy
              ? html`<button type="button" class="ncf-btn ncf-alt" @click=${this.retry}>${this.t('comment.retry')}</button>`
              : nothing}
          </p>
        </fieldset>
      </form>
      <div class="ncf-status${s ? ' ncf-on' : ''}${s?.bad ? ' ncf-bad' : ''}" role="status" tabindex="-1">${s
        ? html`${this.t(s.key, s.params)}${s.message ? html` <span class="ncf-srv">${s.message}</span>` : nothing}`
        : nothing}</div>
      ${c ? this.renderPosted(c) : nothing}
      <p class="ncf-vh" role="status">${this.announcement}</p>
    </section>`;
  }

  private field(f: CommentField, errors: Errors): TemplateResult {
    const id = `${this.uid}-${f}`;
    const error = errors[f];
    const required = f === 'content' || (f !== 'url' && this.requireNameEmail !== 'off');
    const count = f === 'content' ? this.counter() : undefined;
    const describedBy = [error ? `${id}-e` : '', count ? `${id}-c` : ''].join(' ').trim() || undefined;
    const invalid = error ? 'true' : nothing;
    const value = live(this.draft[f]);
    return html`<div class="ncf-f">
      <label for=${id}>${this.t(`comment.${f}`)}${required ? ' *' : ''}</label>
      ${f === 'content'
        ? html`<textarea
            id=${id}
            name="comment"
            rows="6"
            aria-required="true"
            aria-invalid=${invalid}
            aria-describedby=${ifDefined(describedBy)}
            .value=${value}
            @keydown=${this.onKeydown}
          ></textarea>`
        : html`<input
            id=${id}
            name=${NAMES[f]}
            type=${f === 'name' ? 'text' : f}
            autocomplete=${f}
            spellcheck=${f === 'name' ? nothing : 'false'}
            aria-required=${required ? 'true' : nothing}
            aria-invalid=${invalid}
            aria-describedby=${ifDefined(describedBy)}
            .value=${value}
          />`}
      ${error ? html`<p class="ncf-err" id="${id}-e">${this.t(error)}</p>` : nothing}
      ${count ? html`<p class="ncf-count" id="${id}-c">${count}</p>` : nothing}
    </div>`;
  }

  private renderPosted(c: PostedComment): TemplateResult {
    const date = formatDate(c.date, this.locale);
    return html`<article class="ncf-posted">
      <p class="ncf-meta">
        <b>${c.authorName || this.t('comment.anonymous')}</b>
        ${date ? html`<time datetime=${date.datetime}>${date.text}</time>` : nothing}
      </p>
      ${c.status === 'approved' ? nothing : html`<p class="ncf-pending">${this.t('comment.moderation')}</p>`}
      <p class="ncf-text">${c.text}</p>
    </article>`;
  }

  /** Client errors (once the reader tried to send) and the server's, as message keys. */
  private errors(): Errors {
    const out: Errors = { ...this.serverErrors };
    if (!this.validated) return out;
    const problems = validateDraft(this.draft, { requireNameEmail: this.requireNameEmail !== 'off', maxlength: this.max() });
    for (const f of FIELDS) {
      const problem = problems[f];
      if (!problem) continue;
      out[f] =
        problem === 'too-long'
          ? f === 'content'
            ? 'comment.too-long.content'
            : 'comment.too-long'
          : problem === 'required'
            ? (`comment.required.${f}` as MessageKey)
            : `comment.invalid.${problem}`;
    }
    return out;
  }

  /** "Characters left: N" near the limit ("over the limit" past it), else ''. */
  private counter(): string {
    const text = this.draft.content;
    const max = this.max();
    const bytes = commentLength(text);
    // The limit is in UTF-8 bytes: count what is left in characters of the script being typed.
    const perChar = text.length ? Math.max(1, bytes / text.length) : 1;
    if (bytes > max) return this.t('comment.counter-over', { count: this.num(Math.ceil((bytes - max) / perChar)) });
    const left = Math.floor((max - bytes) / perChar);
    return left <= Math.min(500, max / 5) ? this.t('comment.counter', { count: this.num(left) }) : '';
  }

  private num(n: number): string {
    return new Intl.NumberFormat(safeLocale(this.locale)).format(n);
  }

  /** The heading level, kept between 2 and 6. */
  private level(): number {
    return Math.min(6, Math.max(2, Math.trunc(this.headingLevel) || 2));
  }

  private max(): number {
    return this.maxlength > 0 ? this.maxlength : DEFAULT_MAXLENGTH;
  }

  private formatName(): CommentFormat {
    return (FORMATS.includes(this.format) ? this.format : 'wordpress') as CommentFormat;
  }

  /** `action` as a string (a host may assign a URL object), or the format's default. */
  private actionUrl(): string {
    return `${this.action ?? ''}` || defaultAction(this.formatName());
  }

  private key(action = this.actionUrl(), postId = `${this.postId ?? ''}`, parent = `${this.parent ?? ''}`): string {
    return draftKey(action, postId, parent);
  }

  private q<T extends HTMLElement>(selector: string): T | null {
    return this.querySelector<T>(selector);
  }

  private async focusLater(selector: string): Promise<void> {
    await this.updateComplete;
    this.q(selector)?.focus();
  }

  private startTicker(): void {
    clearInterval(this.ticker);
    this.ticker = setInterval(this.tick, 250);
    this.tick();
  }

  /** Updates the flood countdown; when it is over, says so (the live region is not updated every second). */
  private tick = (): void => {
    this.countdown = Math.max(0, Math.ceil((this.waitEnd - Date.now()) / 1000));
    if (this.countdown > 0) return;
    clearInterval(this.ticker);
    this.setStatus('comment.flood-over');
  };

  private setStatus(key: MessageKey, error?: CommentError, params?: Record<string, string>): void {
    // The server's words for answers a reader can act on (not for a proxy's 502 page).
    const message = error && !RETRYABLE_KINDS.has(error.kind) ? `${error.message ?? ''}`.slice(0, 300) : '';
    this.status = { key, params, bad: !!error, message };
  }

  /**
   * Restores the draft saved under the current key (or what was typed into a fallback form), else
   * keeps the name, email and website already in the form, else the remembered ones.
   */
  private restore(): void {
    const store = this.store!;
    const key = (this.restoredKey = this.key());
    const saved = store.load(key);
    if (saved) this.savedKey = key;
    const identity = store.loadIdentity();
    const { carried } = this;
    const draft = { ...EMPTY };
    for (const f of FIELDS) draft[f] = carried[f] || saved?.draft[f] || (f === 'content' ? '' : this.draft[f] || identity?.[f]) || '';
    this.draft = draft;
    this.carried = {};
    this.remember ||= !!identity;
    this.startedAt = saved?.startedAt;
    if (carried.content) {
      this.startedAt ??= Math.round(performance.timeOrigin);
      this.flush();
    }
  }

  /** Saves the draft now (debounced while typing; at once on pagehide, when hidden, when removed). */
  private flush = (): void => {
    clearTimeout(this.saveTimer);
    const store = this.store;
    if (!store || this.startedAt === undefined) return;
    const key = this.key();
    // The key changed (reply cancelled, attributes set late): move the draft, leave nothing stale.
    if (this.savedKey && this.savedKey !== key) store.clear(this.savedKey);
    this.savedKey = key;
    store.save(key, this.draft, this.startedAt);
  };

  private onInput = (e: Event): void => {
    const target = e.target as HTMLInputElement;
    const f = FIELDS.find((x) => NAMES[x] === target.name);
    if (!f) return;
    this.draft = { ...this.draft, [f]: target.value };
    this.startedAt ??= Date.now();
    if (this.serverErrors[f]) this.serverErrors = { ...this.serverErrors, [f]: undefined };
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(this.flush, 250);
    if (f === 'content') {
      // Announce the counter when it appears and when the limit is passed, never per keystroke.
      const text = this.counter();
      const band = text === '' ? 0 : commentLength(this.draft.content) > this.max() ? 2 : 1;
      if (band > this.band) this.announcement = text;
      else if (band === 0) this.announcement = '';
      this.band = band;
    }
  };

  private onRemember = (e: Event): void => {
    this.remember = (e.target as HTMLInputElement).checked;
    if (!this.remember) this.store?.clearIdentity();
  };

  private onKeydown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void this.submit();
    }
  };

  private onSubmit = (e: Event): void => {
    e.preventDefault();
    void this.submit();
  };

  private onOnline = (): void => {
    if (this.retryable && !this.busy) void this.submit();
  };

  private retry = (): void => {
    this.q<HTMLElement>('[type=submit]')?.focus();
    void this.submit();
  };

  private focusField(e: Event, f: CommentField): void {
    e.preventDefault();
    this.q<HTMLElement>(`#${this.uid}-${f}`)?.focus();
  }

  private cancelReply = (): void => {
    const parent = `${this.parent ?? ''}`;
    this.removeAttribute('parent');
    this.removeAttribute('reply-to');
    this.parent = '';
    this.replyTo = '';
    this.flush();
    emit<NewsCommentReplyCancelDetail>(this, 'news-comment-reply-cancel', { parent });
    void this.focusLater('textarea');
  };

  /** Validates and sends. Ignored while a request is in flight, while a flood wait runs and when closed. */
  private async submit(): Promise<void> {
    if (this.busy || this.countdown > 0 || this.closed) return;
    this.validated = true;
    this.serverErrors = {};
    const errors = this.errors();
    if (FIELDS.some((f) => errors[f])) {
      this.summary = true;
      return this.focusLater('.ncf-sum');
    }
    this.summary = false;
    // A bot filled the honeypot: pretend it worked, send nothing.
    if (this.q<HTMLInputElement>(`[name=${HONEYPOT_FIELD}]`)?.value) return this.setStatus('comment.moderation');
    // Since the form appeared, or since a restored draft was started (it is a reader's, not a bot's).
    const formAgeMs = Date.now() - Math.min(this.startedAt ?? Infinity, this.shownAt);
    if (formAgeMs < TIME_TRAP_MS) return this.setStatus('comment.too-fast');

    const request: CommentRequest = {
      action: this.actionUrl(),
      postId: `${this.postId ?? ''}`,
      parent: `${this.parent ?? ''}`,
      draft: { ...this.draft },
      extra: {},
      formAgeMs,
      remember: this.remember,
    };
    if (!emit<NewsCommentSubmitDetail>(this, 'news-comment-submit', { request }, true)) return;

    this.busy = true;
    this.retryable = false;
    this.status = this.posted = undefined;
    const controller = (this.controller = new AbortController());
    let result: CommentResult;
    try {
      result = await (this.transport ?? createTransport(this.formatName())).send(request, {
        signal: controller.signal,
        timeoutMs: this.timeout > 0 ? this.timeout : DEFAULT_TIMEOUT_MS,
      });
      if (!(result?.ok ? result.comment : result?.error)) throw new TypeError('the transport answered no CommentResult');
    } catch (error) {
      // A host's transport broke its promise (never to throw, always a CommentResult): treat it as a network failure.
      result = { ok: false, error: { kind: 'network', code: 'network', status: 0, message: String(error) } };
    }
    if (controller.signal.aborted) return; // removed from the page meanwhile
    this.busy = false;
    if (result.ok) this.accepted(request, result.comment);
    else this.failed(result.error);
  }

  private accepted(request: CommentRequest, comment: PostedComment): void {
    const { name, email, url, content } = this.draft;
    const store = this.store!;
    store.clear(this.key(request.action, request.postId, request.parent));
    if (this.remember) store.saveIdentity({ name, email, url });
    else store.clearIdentity();
    // Clear the comment, unless the reader already typed more while it was being sent.
    if (content === request.draft.content) {
      clearTimeout(this.saveTimer);
      this.draft = { ...this.draft, content: '' };
      this.startedAt = undefined;
      this.savedKey = undefined;
      this.validated = false;
      this.band = 0;
      this.announcement = '';
    } else {
      this.flush(); // keep what was typed meanwhile: the store.clear above removed it
    }
    this.posted = comment;
    this.setStatus(comment.status === 'approved' ? 'comment.posted' : 'comment.moderation');
    emit<NewsCommentPostedDetail>(this, 'news-comment-posted', { comment });
    void this.focusLater('.ncf-status');
  }

  private failed(error: CommentError): void {
    const { kind, code, status, message } = error;
    emit<NewsCommentErrorDetail>(this, 'news-comment-error', { code, status, message, kind });
    if (RETRYABLE_KINDS.has(kind)) {
      this.retryable = true;
      return this.setStatus('comment.retryable', error);
    }
    if (kind === 'flood') {
      const seconds = Math.max(1, Math.ceil(error.retryAfter ?? DEFAULT_FLOOD_SECONDS));
      this.waitEnd = Date.now() + seconds * 1000;
      this.setStatus('comment.flood', error, { seconds: this.num(seconds) });
      this.startTicker();
      return;
    }
    // A host's transport may invent a kind: one without words of its own is a plain refusal.
    const key = `comment.${kind}` as MessageKey;
    this.setStatus(key in en ? key : 'comment.rejected', error);
    if (DISABLING_KINDS.has(kind)) {
      this.closed = true;
      void this.focusLater('.ncf-status');
      return;
    }
    const errors: Errors = {};
    const { draft } = this;
    if (kind === 'author-data-required') {
      if (!draft.name.trim()) errors.name = 'comment.required.name';
      if (!draft.email.trim()) errors.email = 'comment.required.email';
    }
    if (kind === 'content-invalid') errors.content = 'comment.content-invalid';
    if (kind === 'invalid-field' && error.field) {
      errors[error.field] = error.field === 'email' || error.field === 'url' ? `comment.invalid.${error.field}` : 'comment.invalid';
    }
    if (Object.keys(errors).length) {
      this.serverErrors = errors;
      this.summary = true;
      void this.focusLater('.ncf-sum');
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-comment-form': NewsCommentForm;
  }
  interface GlobalEventHandlersEventMap {
    'news-comment-submit': CustomEvent<NewsCommentSubmitDetail>;
    'news-comment-posted': CustomEvent<NewsCommentPostedDetail>;
    'news-comment-error': CustomEvent<NewsCommentErrorDetail>;
    'news-comment-reply-cancel': CustomEvent<NewsCommentReplyCancelDetail>;
  }
}
