import { LitElement, type PropertyValues } from 'lit';
import { translate, translateParts, type MessageKey } from '../core/localize.js';
import { resolveLang } from './locale.js';
import { warnOnce } from './warn.js';

const connected = new Set<NewsElement>();
let langObserver: MutationObserver | undefined;

/**
 * Re-render every connected element when any `lang` attribute on the page changes, so a page that
 * switches language (or a host framework that sets `lang` late) is followed without a reload.
 */
function observeLang(): void {
  if (langObserver || typeof MutationObserver === 'undefined') return;
  langObserver = new MutationObserver(() => {
    for (const el of connected) el.requestUpdate();
  });
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
}

/**
 * Base class of every news element: language resolution, localized strings and warn-once.
 * Not an element of its own.
 */
export class NewsElement extends LitElement {
  /** The language of the last render: a render while detached has only English to go on. */
  private renderedLang?: string;

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    observeLang();
    // Moved into a part of the page in another language, or rendered while detached: render again.
    if (this.hasUpdated && this.renderedLang !== this.locale) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }

  protected override update(changed: PropertyValues): void {
    this.renderedLang = this.locale;
    super.update(changed);
  }

  /** The language this element renders in: its own `lang`, else the nearest ancestor's. */
  protected get locale(): string {
    return resolveLang(this);
  }

  /** A localized string. */
  protected t(key: MessageKey, params?: Record<string, string>): string {
    return translate(this.locale, key, params);
  }

  /** A localized string split around placeholders whose values are templates (links, times). */
  protected tParts<T>(key: MessageKey, params: Record<string, T>): Array<string | T> {
    return translateParts(this.locale, key, params);
  }

  /** Warns once per element, `key` (usually the attribute name) and message; never throws. */
  protected warn(key: string, message: string): void {
    warnOnce(this, key, message);
  }
}
