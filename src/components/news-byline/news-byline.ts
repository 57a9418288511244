import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  bylineGroups,
  groupSeparator,
  parseCredits,
  type BylineSegment,
  type BylineVariant,
  type Credit,
  type CreditProblem,
} from '../../core/credits.js';
import { NewsElement } from '../../internal/news-element.js';
import { hostStyles, tokenStylesFor } from '../../styles/tokens.js';
import { styles } from './news-byline.styles.js';

const VARIANTS: readonly BylineVariant[] = ['full', 'compact'];

/**
 * @summary The credits of a story, grouped by role and place and joined the way the reader's
 * language joins lists: "Additional reporting by A in Dushanbe, B and C in Washington; Writing by D".
 *
 * @description Set `credits` (a JSON attribute or an array property) to a list of
 * `{ name, role?, location?, url? }`. Roles are `author` (the default), `reporting`,
 * `additional-reporting`, `writing`, `editing` and `photography`, shown in that order; any other
 * role is still shown as "role: names" (and warns once). People of one role in the same place are
 * listed before "in <place>"; people without a place come first. A `url` that is http(s) or
 * relative makes the name a link; any other (`javascript:`, `data:`) is ignored with a warning.
 * The language is the element's `lang` or the nearest ancestor's (rendered on a server: its own
 * `lang`, else English; the nearest ancestor's once the browser has taken it over).
 *
 * Without usable credits (none, malformed JSON, no valid entry) the light-DOM content is shown as
 * it is. With credits, the light DOM stays in the page for crawlers and no-JS readers, and the
 * rendered byline takes its place on screen.
 *
 * `variant="compact"` shows only the authors' names ("By A, B, and C"), without places; when no one
 * has the `author` role it shows the first role present, with that role's label
 * ("Writing by D"), so a compact byline is never empty while there are credits.
 *
 * @slot - The byline as plain HTML, shown when there are no usable `credits`; kept in the light DOM
 *   either way.
 *
 * @csspart byline - The paragraph holding every group.
 * @csspart group - One role's credits ("Editing by A and B").
 * @csspart label - A role's words ("Editing by ") or an unknown role's name.
 * @csspart name - A person's name.
 * @csspart link - The link around a name that has a `url`.
 * @csspart place - A place ("Washington").
 *
 * @cssproperty --news-byline-color - Byline text. [var(--news-color-text-muted, #555555)]
 * @cssproperty --news-color-link - Linked names. [#0b57d0]
 * @cssproperty --news-font-ui - Byline font. [system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif]
 * @cssproperty --news-font-size-small - Byline size. [0.875rem]
 */
export class NewsByline extends NewsElement {
  static override styles = [tokenStylesFor(styles), hostStyles, styles];

  /**
   * The people credited: an array of `{ name, role?, location?, url? }`, or the same list as a
   * JSON string (the `credits` attribute; the property then holds that string). Entries without a
   * string `name`, or with a non-string field, are skipped with one warning.
   */
  @property({ attribute: 'credits', converter: { fromAttribute: (value: string | null) => value ?? undefined } })
  credits?: Credit[] | string;

  /** `full` (default): every role and place. `compact`: the authors' names only. */
  @property({ reflect: true }) variant: BylineVariant = 'full';

  /** The validated credits, recomputed only when `credits` changes. */
  private parsed: Credit[] = [];

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('credits')) {
      const { credits, problems } = parseCredits(this.credits);
      this.parsed = credits;
      this.report(problems);
    }
    if (changed.has('variant') && !VARIANTS.includes(this.variant)) {
      this.warn('variant', `attribute "variant" must be "full" or "compact", got "${String(this.variant)}"; using "full"`);
    }
  }

  override render(): TemplateResult {
    const lang = this.locale;
    const variant = this.variant === 'compact' ? 'compact' : 'full';
    const groups = this.parsed.length > 0 ? bylineGroups(this.parsed, lang, variant) : [];
    if (groups.length === 0) return html`<slot></slot>`;
    const separator = groupSeparator(lang);
    // One line on purpose: whitespace between the spans would become part of the byline's text.
    return html`<p part="byline">${groups.map(
      (group, i) => html`${i > 0 ? separator : nothing}<span part="group">${group.segments.map(renderSegment)}</span>`,
    )}</p>`;
  }

  private report(problems: readonly CreditProblem[]): void {
    const fallback = 'showing the light-DOM content instead';
    const skipped: string[] = [];
    const urls: string[] = [];
    for (const problem of problems) {
      switch (problem.kind) {
        case 'json':
          this.warn('credits', `attribute "credits" is not valid JSON: ${problem.message}; ${fallback}`);
          break;
        case 'not-array':
          this.warn('credits', `attribute "credits" ${problem.message}; ${fallback}`);
          break;
        case 'entry':
          skipped.push(problem.message);
          break;
        case 'url':
          urls.push(problem.message);
          break;
        case 'role':
          this.warn(`credits-role:${problem.role}`, `attribute "credits": ${problem.message}`);
          break;
      }
    }
    if (skipped.length > 0) {
      this.warn('credits-entries', `attribute "credits": skipped ${summarize(skipped, 'entry', 'entries')}`);
    }
    if (urls.length > 0) {
      this.warn('credits-url', `attribute "credits": ${summarize(urls, 'url', 'urls')}`);
    }
  }
}

function renderSegment(segment: BylineSegment): TemplateResult | string {
  switch (segment.type) {
    case 'label':
      return html`<span part="label">${segment.text}</span>`;
    case 'name':
      return segment.url
        ? html`<span part="name"><a part="link" href=${segment.url}>${segment.text}</a></span>`
        : html`<span part="name">${segment.text}</span>`;
    case 'place':
      return html`<span part="place">${segment.text}</span>`;
    default:
      return segment.text;
  }
}

/** "2 entries: entry 0 …; entry 3 … (and 5 more)": one console line however many problems. */
function summarize(messages: readonly string[], one: string, many: string): string {
  const shown = messages.slice(0, 3).join('; ');
  const more = messages.length > 3 ? ` (and ${messages.length - 3} more)` : '';
  return `${messages.length} ${messages.length === 1 ? one : many}: ${shown}${more}`;
}

declare global {
  interface HTMLElementTagNameMap {
    'news-byline': NewsByline;
  }
}
