import { html, isServer, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { formatDate, parseIsoDate, type FormattedDate } from '../../core/format.js';
import type { MessageKey } from '../../core/localize.js';
import { NewsElement } from '../../internal/news-element.js';
import { resetWarning } from '../../internal/warn.js';
import { hostStyles, tokenStylesFor } from '../../styles/tokens.js';
import { adoptBodyStyles, bodyCss } from './news-article.body.styles.js';
import { styles } from './news-article.styles.js';

/** Which light-DOM pieces the article has; an empty piece renders nothing. */
interface Slotted {
  /** `heading`: a slotted h1–h6 (or an element holding one); `inline`: other headline content. */
  headline: 'none' | 'heading' | 'inline';
  media: boolean;
  byline: boolean;
  footer: boolean;
  body: boolean;
}

const HEADING = 'h1, h2, h3, h4, h5, h6, [role="heading"]';

/**
 * The slots a server renderer says are filled (`ssr-slots="byline media body"`): on the server the
 * element cannot see its children. Without the attribute, only the body is assumed: an empty body
 * box takes no room, while a hidden body would hide the story until the browser takes over.
 */
function statedSlots(value: string | null): Slotted {
  if (value === null) return { headline: 'none', media: false, byline: false, footer: false, body: true };
  const tokens = new Set(value.trim().split(/\s+/));
  return {
    headline: tokens.has('headline-heading') ? 'heading' : tokens.has('headline') ? 'inline' : 'none',
    media: tokens.has('media'),
    byline: tokens.has('byline'),
    footer: tokens.has('footer'),
    body: tokens.has('body'),
  };
}

/** The `ssr-slots` value that states `slotted`. */
function slotTokens(slotted: Slotted): string {
  const tokens = slotted.headline === 'heading' ? ['headline-heading'] : slotted.headline === 'inline' ? ['headline'] : [];
  for (const key of ['media', 'byline', 'body', 'footer'] as const) if (slotted[key]) tokens.push(key);
  return tokens.join(' ');
}

/**
 * The level assistive technology announces for a heading: a valid `aria-level` wins, then the
 * tag's number; `role="heading"` without a level is level 2 (the ARIA default).
 */
function headingLevel(heading: Element): number {
  const aria = Number.parseInt(heading.getAttribute('aria-level') ?? '', 10);
  if (Number.isInteger(aria) && aria >= 1) return aria;
  const match = /^h([1-6])$/.exec(heading.localName);
  return match ? Number(match[1]) : 2;
}

/** A removed attribute (`null`) or a non-string set from script reads as empty text. */
const asText = { fromAttribute: (value: string | null) => value ?? '' };

/** The trimmed text of a property a script may have set to anything. */
function textOf(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * @summary A news story: section, kicker, headline, dek, byline and dates in a header, then the
 * hero media, the body and a footer, with the article's typography.
 *
 * @description The body is the element's own children (paragraphs, `h2`/`h3` subheads, links,
 * `blockquote`, lists, `figure`/`figcaption`, `hr`): it stays in the light DOM, so crawlers and
 * readers without JavaScript get the story. It is styled by one shared constructable stylesheet
 * that the element adopts into its root node (the document, or the shadow root it lives in) and
 * whose every selector starts at `news-article >` a child without `slot`, so nothing outside an
 * article body is touched. Its rules have a low specificity, (0,0,2) (`news-article > p`): a page
 * reset such as `p { margin: 0 }` or `* { margin: 0 }` does not undo them, while any page rule
 * with a class or an id, such as `.site news-article > p`, overrides them, as do the tokens below.
 * (A page rule of the same specificity, `news-article > p`, loses: the adopted sheet comes last.)
 *
 * The headline is the page's `h1`. `headline="…"` renders `<h1 part="headline">`. Content in the
 * `headline` slot replaces that text: a slotted heading (`<h1 slot="headline">`) is shown as it
 * is, outside any heading of the element's own, so headings never nest; it should be an `h1`
 * (a slotted `h2`, or `role="heading"` of another level, is shown but warned about once, since
 * the page would have no `h1`); other slotted content (a `<span>`, a link) is shown inside the
 * element's `h1`.
 *
 * `published` and `updated` are ISO 8601 dates or date-times ("2024-04-08", "2024-04-08T10:00Z"),
 * shown as `<time datetime>` in the language of the element or its nearest ancestor with `lang`
 * (date-times in the reader's time zone, named: "April 8, 2024 at 10:00 AM UTC"). An invalid
 * value is left out with one console warning.
 * "Updated …" is shown only when `updated` is valid and differs from `published`.
 *
 * Server rendering: on a server (`@lit-labs/ssr`) the element cannot see its children, so a server
 * renderer states which slots it fills with `ssr-slots`, a space-separated list of `headline`
 * (inline content in the `headline` slot), `headline-heading` (a heading element there), `media`,
 * `byline`, `body` (the default slot) and `footer`: `<news-article ssr-slots="byline media body">`.
 * Without it the server shows the body box only. In the browser the attribute is used for the
 * render that takes over the server's HTML, then ignored: the children decide (and one warning
 * names a list that did not match them). Dates with a time are rendered in UTC on the server and
 * in the reader's time zone once the browser has taken over.
 *
 * @slot - The body of the story (paragraphs, subheads, quotes, lists, figures).
 * @slot headline - Replaces the `headline` attribute: a heading element (kept as it is) or inline
 *   content (placed inside the element's `h1`).
 * @slot media - The hero photo or video, e.g. a `<news-photo>`.
 * @slot byline - The credits, e.g. a `<news-byline>`; shown above the dates.
 * @slot footer - Notes after the body: corrections, credits, tags.
 *
 * @csspart header - The `<header>`: labels, headline, dek and meta.
 * @csspart section - The section label ("World").
 * @csspart kicker - The kicker ("Exclusive").
 * @csspart headline - The headline: the `h1`, or the box around a slotted heading.
 * @csspart dek - The summary under the headline.
 * @csspart meta - The byline and the dates.
 * @csspart dates - The published and updated dates.
 * @csspart media - The box around the `media` slot.
 * @csspart body - The box around the body; sets its font, size, line height and colour.
 * @csspart footer - The `<footer>` around the `footer` slot.
 *
 * @cssproperty --news-font-body - Body text and dek. [Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif]
 * @cssproperty --news-font-heading - Headline and subheads. [Charter, 'Bitstream Charter', 'Sitka Text', Cambria, Georgia, serif]
 * @cssproperty --news-font-ui - Labels, dates, captions and the footer. [system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif]
 * @cssproperty --news-font-size-body - Body text size. [1.125rem]
 * @cssproperty --news-font-size-small - Labels, dates, captions and the footer. [0.875rem]
 * @cssproperty --news-line-height-body - Body line height. [1.65]
 * @cssproperty --news-color-text - Headline and body text. [#1a1a1a]
 * @cssproperty --news-color-text-muted - Dek, dates, captions, footer. [#555555]
 * @cssproperty --news-color-border - Rules above the meta and the footer, `hr`. [#d4d4d4]
 * @cssproperty --news-color-accent - Section, kicker and the quote rule. [#b3261e]
 * @cssproperty --news-color-link - Links in the body. [#0b57d0]
 * @cssproperty --news-color-focus - Focus ring of links in the body. [#0b57d0]
 * @cssproperty --news-space-1 - Gap between the meta lines. [0.25rem]
 * @cssproperty --news-space-2 - Gap between labels, list items. [0.5rem]
 * @cssproperty --news-space-3 - Gap above the meta, under subheads, quote indent. [1rem]
 * @cssproperty --news-space-4 - Gap after paragraphs, the header and the media. [1.5rem]
 * @cssproperty --news-space-5 - Gap above subheads and the footer. [2.5rem]
 * @cssproperty --news-article-measure - Maximum line length of the article. [42rem]
 * @cssproperty --news-article-headline-size - Headline size. [clamp(1.75rem, 1.2rem + 2.4vw, 2.75rem)]
 */
export class NewsArticle extends NewsElement {
  static override styles = [tokenStylesFor(styles, bodyCss), hostStyles, styles];

  /** The headline, rendered as the page's `h1`. Content in the `headline` slot replaces it. */
  @property({ converter: asText }) headline = '';

  /** A label above the headline that marks the kind of story, e.g. "Exclusive", "Analysis". */
  @property({ converter: asText }) kicker = '';

  /** The section the story belongs to, e.g. "World". */
  @property({ converter: asText }) section = '';

  /** The summary under the headline (the "dek" or standfirst). */
  @property({ converter: asText }) dek = '';

  /** When the story was published: an ISO 8601 date or date-time (`2024-04-08T10:00Z`). */
  @property({ attribute: 'published', converter: asText }) publishedDate = '';

  /**
   * When the story was last updated: an ISO 8601 date or date-time. Shown only when it is valid
   * and differs from `published`. (The property is `updatedDate`: `updated` is Lit's lifecycle.)
   */
  @property({ attribute: 'updated', converter: asText }) updatedDate = '';

  /** Which slots have content, read from the light DOM and kept current on `slotchange`. */
  @state() private slotted: Slotted = { headline: 'none', media: false, byline: false, footer: false, body: false };

  /** `slotted` has been read from the light DOM (not only stated by `ssr-slots`). */
  private slotsRead = false;

  override connectedCallback(): void {
    super.connectedCallback();
    // Each root the article is connected to (the document, a host element's shadow root) gets
    // the body sheet once.
    if (!isServer) adoptBodyStyles(this.getRootNode());
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (this.serverState) {
      this.slotted = statedSlots(this.getAttribute('ssr-slots'));
    } else if (!this.slotsRead) {
      this.slotsRead = true;
      const next = this.readSlotted();
      // Taking over server HTML: the server's view came from ssr-slots; say when it was wrong in a
      // way a reader sees (an empty body box takes no room, so a body stated or assumed is no error).
      const seen = { ...next, body: next.body || this.slotted.body };
      if (this.hasUpdated && slotTokens(seen) !== slotTokens(this.slotted)) {
        const stated = this.getAttribute('ssr-slots');
        this.warn(
          'ssr-slots',
          `attribute "ssr-slots" (${stated === null ? 'missing: "body"' : `"${stated}"`}) does not match the content ` +
            `("${slotTokens(next)}"); the server's HTML was rendered again. Give the server renderer the slots it fills.`,
        );
      }
      this.slotted = next;
      this.checkHeadlineLevel();
    }
    if (changed.has('publishedDate')) this.checkDate('published', this.publishedDate);
    if (changed.has('updatedDate')) this.checkDate('updated', this.updatedDate);
  }

  override render(): TemplateResult {
    const { slotted } = this;
    return html`
      <article @slotchange=${this.onSlotChange}>
        <header part="header">
          ${this.renderLabels()} ${this.renderHeadline()} ${this.renderDek()} ${this.renderMeta()}
        </header>
        <div part="media" ?hidden=${!slotted.media}><slot name="media"></slot></div>
        <div part="body" ?hidden=${!slotted.body}><slot></slot></div>
        <footer part="footer" ?hidden=${!slotted.footer}><slot name="footer"></slot></footer>
      </article>
    `;
  }

  private renderLabels(): TemplateResult | typeof nothing {
    const section = textOf(this.section);
    const kicker = textOf(this.kicker);
    if (!section && !kicker) return nothing;
    return html`<p class="labels">
      ${section ? html`<span part="section">${section}</span>` : nothing}
      ${kicker ? html`<span part="kicker">${kicker}</span>` : nothing}
    </p>`;
  }

  private renderDek(): TemplateResult | typeof nothing {
    const dek = textOf(this.dek);
    return dek ? html`<p part="dek">${dek}</p>` : nothing;
  }

  private renderHeadline(): TemplateResult {
    const mode = this.slotted.headline;
    // A slotted heading stays the document's heading: wrapping it in our h1 would nest headings.
    if (mode === 'heading') {
      return html`<div part="headline" class="headline"><slot name="headline"></slot></div>`;
    }
    const text = textOf(this.headline);
    if (mode === 'inline' || text) {
      return html`<h1 part="headline" class="headline"><slot name="headline">${text}</slot></h1>`;
    }
    // Nothing to show, but the slot stays so that headline content added later is noticed.
    return html`<slot name="headline"></slot>`;
  }

  private renderMeta(): TemplateResult {
    const dates = this.renderDates();
    return html`<div part="meta" ?hidden=${!this.slotted.byline && dates === nothing}>
      <slot name="byline"></slot>
      ${dates}
    </div>`;
  }

  private renderDates(): TemplateResult | typeof nothing {
    const lang = this.locale;
    // A server does not know the reader's time zone: UTC there, and while taking its HTML over.
    const timeZone = this.serverState ? 'UTC' : undefined;
    const publishedValue = textOf(this.publishedDate);
    const updatedValue = textOf(this.updatedDate);
    const published = this.safeFormat(publishedValue, lang, timeZone);
    let updated = this.safeFormat(updatedValue, lang, timeZone);
    if (updated && published && parseIsoDate(updatedValue)?.getTime() === parseIsoDate(publishedValue)?.getTime()) {
      updated = null;
    }
    if (!published && !updated) return nothing;
    return html`<p part="dates">
      ${published ? this.renderDate('article.published', published, 'published') : nothing}
      ${updated ? this.renderDate('article.updated', updated, 'updated') : nothing}
    </p>`;
  }

  private renderDate(key: MessageKey, date: FormattedDate, kind: string): TemplateResult {
    const time = html`<time datetime=${date.datetime}>${date.text}</time>`;
    return html`<span class=${kind}>${this.tParts(key, { date: time })}</span>`;
  }

  /** `formatDate`, but never throwing from render (an engine's Intl quirks must not break the page). */
  private safeFormat(value: string, lang: string, timeZone?: string): FormattedDate | null {
    try {
      return formatDate(value, lang, timeZone);
    } catch {
      return null;
    }
  }

  /** Warns once per attribute about a value that is set but not an ISO 8601 date. */
  private checkDate(attribute: 'published' | 'updated', value: unknown): void {
    // A new value gets its own verdict: a later, different mistake warns again.
    resetWarning(this, attribute);
    const text = textOf(value);
    if (!text || parseIsoDate(text)) return;
    const shown = text.length > 80 ? `${text.slice(0, 80)}…` : text;
    this.warn(
      attribute,
      `attribute "${attribute}" is not an ISO 8601 date: ${JSON.stringify(shown)}; ` +
        'it is left out. Use a date such as "2024-04-08" or a date-time such as "2024-04-08T10:00Z".',
    );
  }

  private onSlotChange = (): void => {
    this.checkHeadlineLevel();
    const next = this.readSlotted();
    const current = this.slotted;
    if ((Object.keys(next) as Array<keyof Slotted>).some((key) => next[key] !== current[key])) {
      this.slotted = next;
    }
  };

  /**
   * Warns once when the heading in the `headline` slot is not a level-1 heading: it is shown as it
   * is, so the page would have no `h1`. Forgotten once the headline is fixed, so a later mistake warns.
   */
  private checkHeadlineLevel(): void {
    for (const node of Array.from(this.children)) {
      if (node.getAttribute('slot') !== 'headline') continue;
      const heading = node.matches(HEADING) ? node : node.querySelector(HEADING);
      if (!heading) continue;
      const level = headingLevel(heading);
      if (level === 1) break;
      const what =
        heading.localName === `h${level}`
          ? `an <${heading.localName}>`
          : `a <${heading.localName}> announced as a level-${level} heading`;
      this.warn(
        'headline-level',
        `slot "headline" holds ${what}; the headline should be the page's <h1>. ` +
          'Use <h1 slot="headline">, or inline content (a <span>) that the element puts in its own h1.',
      );
      return;
    }
    resetWarning(this, 'headline-level');
  }

  /** Reads which slots have content from the light DOM (before the first render, too). */
  private readSlotted(): Slotted {
    const result: Slotted = { headline: 'none', media: false, byline: false, footer: false, body: false };
    for (const node of Array.from(this.childNodes)) {
      if (node.nodeType === Node.TEXT_NODE) {
        if (node.textContent?.trim()) result.body = true;
        continue;
      }
      if (!(node instanceof Element)) continue; // comments, processing instructions
      const slot = node.getAttribute('slot');
      if (slot === null || slot === '') result.body = true;
      else if (slot === 'media' || slot === 'byline' || slot === 'footer') result[slot] = true;
      else if (slot === 'headline') {
        const isHeading = node.matches(HEADING) || node.querySelector(HEADING) !== null;
        if (isHeading) result.headline = 'heading';
        else if (result.headline === 'none') result.headline = 'inline';
      }
    }
    return result;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'news-article': NewsArticle;
  }
}
