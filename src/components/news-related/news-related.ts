import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { fetchText, MAX_TIMER_MS, unusableAnswer } from '../../core/fetch.js';
import { formatDate } from '../../core/format.js';
import { registerMessages } from '../../core/messages.js';
import { related } from '../../core/messages/related.js';
import { normalizeItems, type RelatedItem } from '../../core/related.js';
import { readJsonInput } from '../../core/values.js';
import { headingTemplate } from '../../internal/heading.js';
import { NewsElement } from '../../internal/news-element.js';
import { hostStyles, tokenStylesFor } from '../../styles/tokens.js';
import { styles } from './news-related.styles.js';

registerMessages(related, () => import('../../core/messages/related.i18n.js'));

export type { RelatedItem } from '../../core/related.js';

export type RelatedVariant = 'list' | 'cards' | 'inline';

/** Detail of `news-related-loaded`. */
export interface NewsRelatedLoadedDetail {
  /** Every item read from the answer (before `max`). */
  items: RelatedItem[];
}

/**
 * Links to related articles, in three shapes: `variant="list"` (default), `variant="cards"`
 * (image, section, headline, date, in a responsive grid) and `variant="inline"` (one line,
 * "Read also: <headline>", set between the paragraphs of an article).
 *
 * The items come from, in this order of preference: the `items` attribute (JSON) or property (an
 * array); the JSON that `src` answers, our list or a WordPress REST posts array
 * (`/wp-json/wp/v2/posts?_embed`: `title.rendered` reduced to text, `link`, `date_gmt`, the featured
 * image and first category from `_embedded`); a plain `<ul><li><a href>…</a></li></ul>` in the light
 * DOM (an `<img>` and a `<time datetime>` in an `<li>` are read too). The light-DOM list is what
 * readers see without JavaScript; once the element has items it draws its own list and the light
 * DOM is no longer rendered. With no items at all it renders the light DOM (usually nothing).
 *
 * `src` is fetched with a time-out (`timeout`); a change of `src` or leaving the page aborts the
 * request. While it loads, the element holds some space and is `aria-busy`. A failure (network
 * error, non-2xx, not JSON, not a list, time-out) keeps the fallback and warns once.
 * Relative URLs resolve against the page.
 *
 * Server rendering: on a server the element renders `items` (attribute or property) as in the
 * browser; with `src` it renders the loading state and the browser fetches; a light-DOM list
 * shows through the slot until the browser has taken the element over.
 *
 * Bad input never breaks the page: a URL that is not http(s) or relative (`javascript:`) is shown
 * as text, items without a headline or URL are skipped, one warning each.
 *
 * List and cards are a `section` labelled by its heading (`heading`, `heading-level`). A card is
 * clickable all over through its headline's link (one link, one tab stop); its image is decorative
 * (`alt=""`, the headline names the link) unless the item has `imageAlt`; it is lazy and its 16:9
 * box is reserved. The inline variant is a sentence of the article, not a landmark and without a
 * heading: a landmark per "Read also" line would flood a screen reader's landmark list.
 *
 * @summary Related-article links as a list, cards or an inline "Read also" line, from JSON, a
 * WordPress REST response or a plain light-DOM list.
 *
 * @slot - The fallback: a plain `<ul>` of links, read as the items and shown while there are none.
 *
 * @csspart heading - The heading of the list or cards.
 * @csspart list - The `ul`.
 * @csspart item - Each `li` (cards: also `card`).
 * @csspart card - Each card (`li`).
 * @csspart item-link - The headline link (in a card it covers the card).
 * @csspart image - A card's image.
 * @csspart section - A card's section label.
 * @csspart date - The date (`time`).
 * @csspart label - The "Read also" label of the inline variant.
 * @csspart inline - The line of the inline variant.
 *
 * @cssproperty --news-related-card-radius - Corner radius of a card and its image. [var(--news-radius, 4px)]
 * @cssproperty --news-related-card-min-size - Narrowest card before the grid drops a column. [14rem]
 * @cssproperty --news-related-label-color - "Read also" label, section label, rule above the heading. [var(--news-color-accent, #b3261e)]
 * @cssproperty --news-color-text - Headlines. [#1a1a1a]
 * @cssproperty --news-color-text-muted - Dates and summaries. [#555555]
 * @cssproperty --news-color-surface - Placeholder behind a card image. [#f1f1f1]
 * @cssproperty --news-color-border - Rules between list items. [#d4d4d4]
 * @cssproperty --news-color-link - The inline variant's link. [#0b57d0]
 * @cssproperty --news-color-focus - Keyboard focus ring. [#0b57d0]
 * @cssproperty --news-font-ui - Labels, dates, heading. [system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif]
 * @cssproperty --news-font-heading - Headlines. [Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif]
 * @cssproperty --news-font-size-small - Heading, dates, summaries. [0.875rem]
 * @cssproperty --news-space-1 - Gap inside a card. [0.25rem]
 * @cssproperty --news-space-2 - Padding of list items and the inline line. [0.5rem]
 * @cssproperty --news-space-3 - Gap below the heading, between cards. [1rem]
 * @cssproperty --news-space-4 - Gap between card rows, around the inline line. [1.5rem]
 *
 * @fires news-related-loaded - Items arrived from `src` and are shown; `detail.items` holds them.
 */
export class NewsRelated extends NewsElement {
  static override styles = [tokenStylesFor(styles), hostStyles, styles];

  /** `list` (default), `cards` or `inline` (the first item as one "Read also" line). */
  @property() variant: RelatedVariant = 'list';

  /**
   * The items: a JSON array as attribute, or an array as property (assign a new array to update),
   * of `{ headline, url, image?, imageAlt?, section?, published?, dek? }` or WordPress REST posts.
   */
  @property() items?: string | readonly unknown[] | null;

  /** URL of a JSON list of items or of a WordPress REST posts array (`/wp-json/wp/v2/posts?_embed`). */
  @property() src?: string;

  /** Milliseconds to wait for `src` before giving up and keeping the fallback. */
  @property({ type: Number }) timeout = 10000;

  /** Heading of the list and cards; default the localized "Related articles". */
  @property() heading?: string;

  /** Level of the heading, 2 to 6. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Label of the inline variant; default the localized "Read also". */
  @property() label?: string;

  /** Shows at most this many items (a positive whole number). */
  @property({ type: Number }) max?: number;

  /** Items read from `src`. */
  @state() private loaded?: RelatedItem[];

  /** `src` is being fetched. */
  @state() private loading = false;

  /** Image URLs that failed: their cards are shown without them. */
  @state() private failed = new Set<string>();

  private own: RelatedItem[] = [];
  private light: RelatedItem[] = [];
  private controller?: AbortController;
  private observer?: MutationObserver;

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof MutationObserver !== 'undefined') {
      // A framework that renders the fallback list after the element: read it again.
      this.observer ??= new MutationObserver(() => this.requestUpdate());
      this.observer.observe(this, { childList: true, subtree: true, characterData: true, attributes: true });
    }
    // Put back on the page after a load was cut short: load again.
    if (this.loading && !this.controller) this.load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    this.controller?.abort();
    this.controller = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('items')) this.own = this.read(this.items, 'attribute "items"');
    if (changed.has('src')) this.load();
    // A server cannot see the light-DOM list (it shows through the slot): read it in the browser,
    // after the render that takes over the server's HTML.
    this.light = this.serverState ? [] : this.read(
      [...this.querySelectorAll(':scope > :is(ul, ol) > li')].map((li) => {
        const a = li.querySelector('a[href]');
        const img = li.querySelector('img');
        return {
          headline: a?.textContent,
          url: a?.getAttribute('href'),
          image: img?.getAttribute('src'),
          imageAlt: img?.alt,
          published: li.querySelector('time')?.dateTime,
        };
      }),
      'the light-DOM list',
    );
    if (!['list', 'cards', 'inline'].includes(this.variant)) {
      this.warn('variant', `attribute "variant" must be "list", "cards" or "inline", not "${this.variant}"; using "list".`);
    }
    if (this.max != null && !(this.max > 0 && Number.isInteger(this.max))) {
      this.warn('max', `attribute "max" must be a positive whole number, not "${this.getAttribute('max') ?? this.max}"; showing every item.`);
    }
    if (!(this.headingLevel >= 2 && this.headingLevel <= 6 && Number.isInteger(this.headingLevel))) {
      this.warn('heading-level', `attribute "heading-level" must be 2, 3, 4, 5 or 6, not "${this.getAttribute('heading-level')}"; using 2.`);
    }
  }

  override render(): TemplateResult {
    const max = this.max != null && this.max > 0 && Number.isInteger(this.max) ? this.max : undefined;
    const items = [this.own, this.loaded ?? [], this.light].find((list) => list.length)?.slice(0, max) ?? [];
    const variant = this.variant === 'cards' || this.variant === 'inline' ? this.variant : 'list';
    const busy = this.loading ? 'true' : nothing;
    if (!items[0]) {
      return html`<div class=${variant === 'inline' ? 'line' : ''} aria-busy=${busy}><slot></slot></div>`;
    }
    if (variant === 'inline') {
      const label = html`<span part="label" class="label">${this.label?.trim() || this.t('related.read-also')}</span>`;
      return html`<p part="inline" class="inline" aria-busy=${busy}>
        ${this.tParts('related.inline', { label, link: this.link(items[0]) })}
      </p>`;
    }
    const cards = variant === 'cards';
    return html`<section class=${variant} aria-labelledby="heading" aria-busy=${busy}>
      ${headingTemplate(this.headingLevel, this.heading?.trim() || this.t('related.heading'), 'heading', 'heading', 'heading')}
      <ul part="list" role="list">
        ${items.map((item) => {
          const image = cards && item.image && !this.failed.has(item.image) ? item.image : '';
          return html`<li part=${cards ? 'item card' : 'item'} class=${cards ? 'card' : ''}>
            ${image
              ? html`<div class="frame">
                  <img part="image" src=${image} alt=${item.imageAlt ?? ''} loading="lazy" decoding="async" @error=${this.onImageError} />
                </div>`
              : nothing}
            ${cards && item.section ? html`<span part="section" class="section">${item.section}</span>` : nothing}
            ${this.link(item)} ${cards && item.dek ? html`<span class="dek">${item.dek}</span>` : nothing}
            ${this.renderDate(item.published)}
          </li>`;
        })}
      </ul>
    </section>`;
  }

  /** The headline: a link, or plain text when its URL is not one we may link to. */
  private link(item: RelatedItem): TemplateResult {
    return item.unsafe
      ? html`<span class="headline">${item.headline}</span>`
      : html`<a part="item-link" class="headline" href=${item.url}>${item.headline}</a>`;
  }

  /** The day of publication as the reader's language writes it; the full value stays in `datetime`. */
  private renderDate(published?: string): TemplateResult | typeof nothing {
    const full = formatDate(published, this.locale);
    const day = full && formatDate(full.datetime.slice(0, 10), this.locale);
    return full && day ? html`<time part="date" datetime=${full.datetime}>${day.text}</time>` : nothing;
  }

  /** Items from JSON text or an array; problems warn once, naming where they came from. */
  private read(input: unknown, source: string): RelatedItem[] {
    const { value, error } = readJsonInput(input);
    if (error !== undefined) {
      this.warn(source, `${source} is not valid JSON: ${error}; showing the fallback.`);
      return [];
    }
    if (value == null) return [];
    const { items, problems } = normalizeItems(value);
    for (const problem of problems) this.warn(`${source} ${problem}`, `${source} ${problem}.`);
    return items;
  }

  /** Fetches `src` (aborting any earlier request), with a time-out. */
  private load(): void {
    this.controller?.abort();
    this.controller = undefined;
    this.loaded = undefined;
    const src = this.src;
    this.loading = !!src;
    // A server renders the loading state (the fallback, aria-busy); the browser fetches.
    if (!src || isServer) return;
    const controller = (this.controller = new AbortController());
    // fetchText clamps its timer the same way; clamped here too so the warning names the real wait.
    const ms = this.timeout > 0 ? Math.min(this.timeout, MAX_TIMER_MS) : 10000;
    fetchText(src, { headers: { accept: 'application/json' } }, { signal: controller.signal, timeoutMs: ms })
      .then(async (answer) => {
        // Superseded by another src, or the element left the page (the 'aborted' answer): nothing to do.
        if (controller !== this.controller) return;
        const problem = unusableAnswer(answer, ms);
        if (problem || !answer.ok) throw new Error(problem);
        let data: unknown;
        try {
          data = JSON.parse(answer.body);
        } catch {
          throw new Error('the answer is not JSON');
        }
        if (!Array.isArray(data)) throw new Error('the answer is not a list of items');
        const items = this.read(data, `attribute "src" ("${src}")`);
        this.controller = undefined;
        this.loading = false;
        this.loaded = items;
        await this.updateComplete;
        this.dispatchEvent(new CustomEvent('news-related-loaded', { bubbles: true, composed: true, detail: { items } }));
      })
      .catch((error: unknown) => {
        // Superseded by another src, or the element left the page: not a failure.
        if (controller !== this.controller) return;
        this.controller = undefined;
        this.loading = false;
        const reason = error instanceof Error ? error.message : String(error);
        this.warn('src', `attribute "src" could not be loaded from "${src}" (${reason}); showing the fallback.`);
      });
  }

  private onImageError = (event: Event): void => {
    const src = (event.target as HTMLImageElement).getAttribute('src') ?? '';
    this.failed = new Set(this.failed).add(src);
    this.warn(`image ${src}`, `image "${src}" failed to load; showing its card without it.`);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'news-related': NewsRelated;
  }
  interface GlobalEventHandlersEventMap {
    'news-related-loaded': CustomEvent<NewsRelatedLoadedDetail>;
  }
}
