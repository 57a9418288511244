import { html, isServer, noChange, nothing, unsafeCSS, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { fetchText, MAX_TIMER_MS, unusableAnswer } from '../../core/fetch.js';
import { safeHttpUrl } from '../../core/format.js';
import { translateParts } from '../../core/localize.js';
import { registerMessages } from '../../core/messages.js';
import { story as storyMessages } from '../../core/messages/story.js';
import { detectStory, parseStoryText } from '../../core/story/detect.js';
import type { Story, StoryImage, StoryProblem, StorySourceKind } from '../../core/story/model.js';
import { isRecord } from '../../core/values.js';
import { NewsElement } from '../../internal/news-element.js';
import { isLazy, loadNow } from '../../internal/lazy.js';
import { nodes } from '../../internal/nodes.js';
import { hostStyles, tokenStylesFor } from '../../styles/tokens.js';
import { bodyCss } from '../news-article/news-article.body.styles.js';
import { styles } from './news-story.styles.js';
import { serverBody } from './server-body.js';

registerMessages(storyMessages, () => import('../../core/messages/story.i18n.js'));

type Phase = 'empty' | 'loading' | 'ready' | 'error';

/** Detail of `news-story-loaded`. */
export interface NewsStoryLoadedDetail {
  story: Story;
  /** Which source format it was read from. */
  kind: StorySourceKind;
}

/** Detail of `news-story-error`. */
export interface NewsStoryErrorDetail {
  /** What went wrong, as the console warning words it. */
  reason: string;
}

type SanitizeModule = typeof import('../../sanitize/index.js');
let sanitizeModule: Promise<SanitizeModule> | undefined;

/** The sanitizer, loaded on first use only: pages without a story body never fetch it. */
function loadSanitizer(): Promise<SanitizeModule> {
  sanitizeModule ??= import('../../sanitize/index.js').catch((error: unknown) => {
    sanitizeModule = undefined; // a later story may try again
    throw error;
  });
  return sanitizeModule;
}

const RTL = /^(ar|fa|he|iw|ur|ps|ckb|yi|dv|sd|ug)(-|$)/i;

/**
 * A whole story from one source, for a partner's page: section, kicker, headline, dek, dates,
 * byline, hero photo with caption and credit, the body with its photos and "Read also" lines,
 * related articles, optionally the comment form, and always "Read the original at <publisher>".
 *
 * `<news-story src="https://publisher.example/wp-json/wp/v2/posts/123?_embed"></news-story>`
 *
 * Sources, detected from the answer: our own story JSON (see `schema/story-v1.schema.json`), a
 * WordPress REST post with `_embed`, or schema.org `NewsArticle` JSON-LD (an answer that is JSON-LD,
 * an HTML page holding it, or a `<script type="application/ld+json">` inside the element). Or set
 * the `story` property to any of them.
 *
 * The body HTML is never trusted: it goes through DOMPurify with an allow-list for article content
 * (loaded only when a story has a body), WordPress figures become `<news-photo>`s and "READ ALSO:"
 * lines `<news-related variant="inline">`. Everything renders in a shadow root whose host resets
 * every inherited and box property, so the partner's CSS changes nothing inside and nothing inside
 * styles the partner's page. Server-rendered (`renderStory()`), the story paints before any script
 * and the element takes the markup over without rendering it again.
 *
 * While `src` loads, the element holds a viewport's height and says so to assistive technology;
 * if it fails, it says so with a link to the original (`href`, or the story's URL) and shows its
 * light-DOM fallback. Problems with the source warn once each in the console.
 *
 * @summary A whole story, embedded from a URL: WordPress, schema.org JSON-LD or our own JSON.
 *
 * @slot - Fallback shown when there is no story, or it could not be loaded (e.g. a link to it).
 *
 * @csspart story - The box around the whole story.
 * @csspart publisher - "Published by <publisher>" above the story.
 * @csspart original - The "Read the original at <publisher>" line.
 * @csspart original-link - Its link to the canonical URL.
 * @csspart header - The article's header (from `<news-article>`).
 * @csspart section - The section label.
 * @csspart kicker - The kicker.
 * @csspart headline - The headline.
 * @csspart dek - The summary under the headline.
 * @csspart meta - The byline and dates.
 * @csspart dates - The dates.
 * @csspart media - The box of the hero photo.
 * @csspart body - The box around the body.
 * @csspart footer - The article's footer (holds `original`).
 * @csspart photo-figure - The hero photo's figure.
 * @csspart photo-caption - The hero photo's caption.
 * @csspart photo-credit - The hero photo's credit.
 * @csspart loading - The placeholder while `src` loads.
 * @csspart error - The message when the story could not be loaded.
 *
 * @cssproperty --news-story-max-width - Widest the story gets; centred in a wider container. [48rem]
 * @cssproperty --news-color-background - The story's own surface (it never takes the page's). [#ffffff]
 * @cssproperty --news-font-body - Body text. [Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif]
 * @cssproperty --news-font-ui - Publisher line, "Read the original", states. [system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif]
 * @cssproperty --news-font-size-body - Body text size. [1.125rem]
 * @cssproperty --news-font-size-small - Publisher line, "Read the original", states. [0.875rem]
 * @cssproperty --news-line-height-body - Body line height. [1.65]
 * @cssproperty --news-color-text - Story text. [#1a1a1a]
 * @cssproperty --news-color-text-muted - Publisher line and loading status. [#555555]
 * @cssproperty --news-color-link - Links. [#0b57d0]
 * @cssproperty --news-color-surface - Loading skeleton. [#f1f1f1]
 * @cssproperty --news-color-border - Outline of the error message. [#d4d4d4]
 * @cssproperty --news-radius - Corners of the skeleton and the error message. [4px]
 * @cssproperty --news-space-2 - Gaps in the error message. [0.5rem]
 * @cssproperty --news-space-3 - Gaps under the publisher line and the skeleton. [1rem]
 * @cssproperty --news-space-5 - Gap above the related list and the comment form. [2.5rem]
 *
 * With `comments`, the form is a `<news-comment-form>`: the bundle defines it; with one-element
 * imports, import `news-elements/comment-form` too.
 *
 * @fires news-story-loaded - A story from `src` is shown; `detail.story` is the model, `detail.kind` its source format.
 * @fires news-story-error - `src` could not be loaded or held no story; `detail.reason` says why.
 */
export class NewsStory extends NewsElement {
  static override styles = [tokenStylesFor(bodyCss, styles), hostStyles, unsafeCSS(bodyCss), styles];

  /**
   * URL of the story: a WordPress REST post (`/wp-json/wp/v2/posts/<id>?_embed`), schema.org
   * `NewsArticle` JSON-LD (as JSON, or an HTML page holding it) or our own story JSON.
   */
  @property() src?: string;

  /**
   * The story as data: our story model or JSON (`{ "type": "news-story", "version": 1, … }`), a
   * WordPress REST post object or a JSON-LD object. Wins over `src`. Assign a new object to update.
   */
  @property({ attribute: false }) story?: unknown;

  /** Canonical URL of the story, linked while it loads and if it fails (`http(s)` only). */
  @property() href?: string;

  /**
   * The publisher's name as this page should show it ("The Wire Desk"). A WordPress post does not
   * carry its site's name, so without this the story names the site's host name.
   */
  @property() publisher?: string;

  /** Shows a `<news-comment-form>` under the story when the source has a comment endpoint and comments are open. */
  @property({ type: Boolean }) comments = false;

  /** `page`: the story takes the partner page's font (when the publisher allows it); otherwise its own tokens. */
  @property({ reflect: true }) font?: string;

  /** Milliseconds to wait for `src` before showing the error state. */
  @property({ type: Number }) timeout = 15000;

  @state() private phase: Phase = 'empty';

  /** The story shown. */
  @state() private model?: Story;

  /** The sanitized body of `bodyFor`, as nodes (kept, so a re-render moves nothing). */
  @state() private bodyNodes?: Node[];

  /** The comment form's module has loaded. */
  @state() private formReady = false;

  private bodyFor?: Story;
  private fromProperty?: Story;
  private fetched?: Story;
  private fromChildren?: Story;
  /** The story the server rendered, whose body is already in the shadow root. */
  private hydrated?: Story;
  private controller?: AbortController;
  private failed = false;
  private formWaiting = false;

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    // Server-rendered markup that cannot be hydrated (Lit's hydrate support was not loaded
    // first) is emptied by NewsElement: keep the sanitized body the server wrote, render the rest.
    const body = !isServer && this.shadowRoot ? [...this.shadowRoot.querySelectorAll('news-article > :not([slot])')] : [];
    const root = super.createRenderRoot();
    if (body.length && !this.serverState) {
      this.serverBodyNodes = body;
      this.warn(
        'hydrate',
        "server-rendered markup found, but Lit's hydrate support was not loaded before the elements " +
          '(load news-elements/hydrate first, or use the bundle); rendering it again.',
      );
    }
    return root;
  }

  /** Body nodes kept from server markup that could not be hydrated. */
  private serverBodyNodes?: Node[];

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.controller) {
      this.controller.abort();
      this.controller = undefined;
    }
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back on the page after a load was cut short: load again.
    if (this.hasUpdated && this.phase === 'loading' && !this.controller && this.src) this.load();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('story')) this.fromProperty = this.readStory(this.story, 'property "story"');
    if (!isServer) {
      if (!this.hasUpdated) this.readChildren();
      if (changed.has('src')) this.load();
    }
    const model = this.fromProperty ?? this.fetched ?? this.fromChildren;
    if (model !== this.model) this.model = model;
    this.phase = model ? 'ready' : this.controller ? 'loading' : this.failed ? 'error' : 'empty';
    if (!isServer && model && model !== this.bodyFor && model !== this.hydrated) this.prepareBody(model);
    if (changed.has('font') && this.font != null && this.font !== 'page') {
      this.warn('font', `attribute "font" must be "page" (or absent), not "${this.font}"; using the story's own fonts.`);
    }
  }

  protected override updated(): void {
    const wanted = this.comments && !!this.model?.comments?.open;
    if (wanted && !this.formReady && !this.formWaiting) {
      // The form is its own element (news-elements/comment-form; the bundle has it): rendered once
      // it is defined, after the first render, so a server-rendered story is taken over first.
      this.formWaiting = true;
      // The bundle defines the form lazily: fetch it now (a no-op anywhere else).
      if (!customElements.get('news-comment-form') && !isLazy('news-comment-form')) {
        this.warn(
          'comments',
          'attribute "comments": <news-comment-form> is not defined on this page; load news-elements/comment-form ' +
            '(the bundle includes it). The form shows once it is defined.',
        );
      }
      loadNow('news-comment-form');
      customElements.whenDefined('news-comment-form').then(() => {
        this.formReady = true;
      });
    }
  }

  /** The story's own language (it may differ from the page's): its strings are loaded before it renders. */
  protected override contentLanguages(): Array<string | undefined> {
    const raw = isRecord(this.story) && typeof this.story.lang === 'string' ? this.story.lang : undefined;
    return [raw, this.model?.lang, this.fetched?.lang, this.fromProperty?.lang, this.fromChildren?.lang];
  }

  override render(): TemplateResult {
    const model = this.model;
    if (this.phase === 'ready' && model) return this.renderStory(model);
    if (this.phase === 'loading') return this.renderLoading();
    if (this.phase === 'error') return this.renderError();
    return html`<slot></slot>`;
  }

  private renderStory(s: Story): TemplateResult {
    const lang = s.lang || this.locale;
    const dir = s.dir ?? (RTL.test(lang) ? 'rtl' : 'ltr');
    const name = this.publisher?.trim() || s.publisher.name;
    const publisher = s.publisher.url ? html`<a href=${s.publisher.url}>${name}</a>` : name;
    const original = html`<a part="original-link" href=${s.url}>${name}</a>`;
    return html`<div class="story" part="story" lang=${lang} dir=${dir}>
      <p class="publisher" part="publisher">${translateParts(lang, 'story.publisher', { publisher })}</p>
      <news-article
        lang=${lang}
        ssr-slots=${slotsOf(s, s === this.hydrated)}
        headline=${s.headline}
        section=${s.section ?? ''}
        kicker=${s.kicker ?? ''}
        dek=${s.dek ?? ''}
        published=${s.published ?? ''}
        updated=${s.updated ?? ''}
        exportparts="header, section, kicker, headline, dek, meta, dates, media, body, footer"
      >
        ${s.image ? this.renderHero(s.image, lang) : nothing}
        ${s.credits.length ? html`<news-byline slot="byline" lang=${lang} .credits=${s.credits}></news-byline>` : nothing}
        ${this.renderBody(s)}
        <p slot="footer" class="original" part="original">${translateParts(lang, 'story.original', { publisher: original })}</p>
      </news-article>
      ${s.related.length ? html`<news-related lang=${lang} .items=${s.related}></news-related>` : nothing}
      ${this.renderComments(s, lang)}
    </div>`;
  }

  private renderHero(image: StoryImage, lang: string): TemplateResult {
    return html`<news-photo
      slot="media"
      lang=${lang}
      priority
      expandable
      src=${image.src}
      srcset=${ifDefined(image.srcset)}
      sizes=${ifDefined(image.sizes)}
      alt=${ifDefined(image.alt ?? undefined)}
      width=${ifDefined(image.width)}
      height=${ifDefined(image.height)}
      caption=${ifDefined(image.caption)}
      credit=${ifDefined(image.credit)}
      exportparts="figure: photo-figure, caption: photo-caption, credit: photo-credit"
    ></news-photo>`;
  }

  /** The body: server HTML on the server, the server's nodes after hydration, else the sanitized nodes. */
  private renderBody(s: Story): unknown {
    if (isServer) return serverBody(s)?.token ?? nothing;
    // The server's body: `noChange` leaves its nodes as they are, in hydration and after.
    if (s === this.hydrated) return noChange;
    return this.bodyFor === s && this.bodyNodes ? nodes(this.bodyNodes) : nothing;
  }

  private renderComments(s: Story, lang: string): TemplateResult | typeof nothing {
    const c = s.comments;
    if (!this.comments || !c?.open || !this.formReady) return nothing;
    return html`<news-comment-form lang=${lang} action=${c.action} format=${c.format} post-id=${ifDefined(c.postId)}></news-comment-form>`;
  }

  private renderLoading(): TemplateResult {
    return html`<div class="state loading" part="loading" aria-busy="true">
      <p class="status" role="status">${this.t('story.loading')}</p>
      <div aria-hidden="true">
        <span class="bone short"></span><span class="bone headline"></span><span class="bone photo"></span>
        <span class="bone"></span><span class="bone"></span><span class="bone short"></span>
      </div>
    </div>`;
  }

  private renderError(): TemplateResult {
    const link = safeHttpUrl(this.href ?? '');
    return html`<div class="state error" part="error" role="status">
        <p>${this.t('story.error')}</p>
        ${link ? html`<p><a href=${link}>${this.t('story.error-link')}</a></p>` : nothing}
      </div>
      <slot></slot>`;
  }

  /** A story from our JSON, a WordPress post or JSON-LD; problems warn once each. */
  private readStory(value: unknown, source: string): Story | undefined {
    if (value == null || value === '') return undefined;
    // A story renderStory() prepared (its body already sanitized and rendered): used as it is.
    if (isServer && isRecord(value) && serverBody(value) !== undefined) return value as unknown as Story;
    // A story model built in code has no `type`: it is our JSON all the same.
    const input = isRecord(value) && value.version !== undefined && value.type === undefined ? { type: 'news-story', ...value } : value;
    const result = detectStory(input);
    this.report(result.problems, source);
    if (!result.story) this.warn(`${source} none`, `${source} holds no story this element can show.`);
    return result.story ?? undefined;
  }

  private report(problems: readonly StoryProblem[], source: string): void {
    for (const problem of problems) this.warn(`${source} ${problem.field}`, `${source}: ${problem.field} ${problem.message}.`);
  }

  /** The server's story (`script[data-news-story]`) or an inline JSON-LD block. */
  private readChildren(): void {
    const embedded = this.querySelector<HTMLScriptElement>(':scope > script[type="application/json"][data-news-story]');
    if (embedded) {
      const story = this.parseScript(embedded, 'the embedded story (script[data-news-story])');
      this.fromChildren = story;
      if (story && this.serverState) this.hydrated = story;
      else if (story && this.serverBodyNodes) {
        this.bodyFor = story;
        this.bodyNodes = this.serverBodyNodes;
        this.serverBodyNodes = undefined;
      }
      return;
    }
    for (const script of this.querySelectorAll<HTMLScriptElement>(':scope > script[type="application/ld+json"]')) {
      const story = this.parseScript(script, 'the inline JSON-LD (script[type="application/ld+json"])');
      if (story) {
        this.fromChildren = story;
        return;
      }
    }
  }

  private parseScript(script: HTMLScriptElement, source: string): Story | undefined {
    const result = parseStoryText(script.textContent ?? '', 'application/json');
    this.report(result.problems, source);
    return result.story ?? undefined;
  }

  /** Sanitizes a story's body (loading the sanitizer on first use) into nodes to render. */
  private prepareBody(s: Story): void {
    this.bodyFor = s;
    this.bodyNodes = undefined;
    if (!s.body.trim()) return;
    loadSanitizer().then(
      (sanitizer) => {
        if (this.bodyFor !== s) return;
        try {
          const fragment = sanitizer.sanitizeStoryBody(s.body, { baseUrl: s.url });
          sanitizer.transformStoryBody(fragment);
          const unlabelled = givesAlt(fragment);
          if (unlabelled.length) {
            this.warn(
              'body alt',
              `the story body has ${unlabelled.length} image(s) without alt text (first: "${unlabelled[0]}"); they are shown as decorative (alt="").`,
            );
          }
          this.bodyNodes = [...fragment.childNodes];
        } catch (error) {
          this.warn('body', `the story body could not be sanitized (${String(error)}); it is left out.`);
        }
      },
      (error: unknown) => {
        this.warn('sanitizer', `the sanitizer could not be loaded (${String(error)}); the story body is left out.`);
      },
    );
  }

  /** Fetches `src` (aborting any earlier request), with a time-out. */
  private load(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.fetched = undefined;
    this.failed = false;
    const src = this.src;
    if (!src) return;
    // The body will need the sanitizer: fetch it alongside the story.
    loadSanitizer().catch(() => undefined);
    const controller = (this.controller = new AbortController());
    const ms = this.timeout > 0 ? Math.min(this.timeout, MAX_TIMER_MS) : 15000;
    const accept = 'application/json, application/ld+json;q=0.9, text/html;q=0.8';
    fetchText(src, { headers: { accept } }, { signal: controller.signal, timeoutMs: ms })
      .then((answer) => {
        if (controller !== this.controller) return;
        const problem = unusableAnswer(answer, ms);
        if (problem || !answer.ok) throw new Error(problem || 'no answer');
        const result = parseStoryText(answer.body, answer.response.headers.get('content-type') ?? undefined);
        const source = `attribute "src" ("${src}")`;
        this.report(result.problems, source);
        if (!result.story || !result.kind) throw new Error('the answer holds no story');
        this.controller = undefined;
        this.fetched = result.story;
        this.requestUpdate();
        const detail: NewsStoryLoadedDetail = { story: result.story, kind: result.kind };
        return this.updateComplete.then(() => {
          this.dispatchEvent(new CustomEvent('news-story-loaded', { bubbles: true, composed: true, detail }));
        });
      })
      .catch((error: unknown) => {
        if (controller !== this.controller) return;
        this.controller = undefined;
        this.failed = true;
        this.requestUpdate();
        const reason = error instanceof Error ? error.message : String(error);
        this.warn('src', `attribute "src" could not be loaded from "${src}" (${reason}); showing the link to the original.`);
        const detail: NewsStoryErrorDetail = { reason };
        this.dispatchEvent(new CustomEvent('news-story-error', { bubbles: true, composed: true, detail }));
      });
  }
}

/**
 * Gives every body image without alt text `alt=""` (an image without alt is announced by its file
 * name; the source said nothing about it) and returns their URLs, for one warning.
 */
function givesAlt(root: DocumentFragment): string[] {
  const urls: string[] = [];
  for (const img of root.querySelectorAll('img:not([alt])')) {
    urls.push(img.getAttribute('src') ?? '');
    img.setAttribute('alt', '');
  }
  return urls;
}

/** The slots of `<news-article>` a story fills, for its server render (`ssr-slots`). */
function slotsOf(s: Story, serverBody: boolean): string {
  return [s.image ? 'media' : '', s.credits.length ? 'byline' : '', serverBody || s.body.trim() ? 'body' : '', 'footer'].filter(Boolean).join(' ');
}

declare global {
  interface HTMLElementTagNameMap {
    'news-story': NewsStory;
  }
  interface GlobalEventHandlersEventMap {
    'news-story-loaded': CustomEvent<NewsStoryLoadedDetail>;
    'news-story-error': CustomEvent<NewsStoryErrorDetail>;
  }
}
