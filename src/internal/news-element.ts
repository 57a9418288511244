import { isServer, LitElement, supportsAdoptingStyleSheets, type CSSResultOrNative, type PropertyValues } from 'lit';
import { translate, translateParts, type MessageKey } from '../core/localize.js';
import { translationsPending } from '../core/messages.js';
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
 * Adds the element's styles to a shadow root that already existed (declarative shadow DOM from a
 * server): Lit's hydration support reuses such a root without adopting anything, so under a
 * Content-Security-Policy that blocked the server's `<style>` nothing would style the element.
 * Sheets others adopted into the root (an article body's sheet in a host's root) are kept, before
 * ours, as Lit's own order would have them. Idempotent.
 */
function adoptInto(root: ShadowRoot, kept: readonly CSSStyleSheet[], styles: readonly CSSResultOrNative[]): void {
  if (!supportsAdoptingStyleSheets) return; // the server's <style> is all an old engine gets
  try {
    const ours = styles.map((s) => (s instanceof CSSStyleSheet ? s : s.styleSheet)).filter((s): s is CSSStyleSheet => !!s);
    const others = [...kept, ...root.adoptedStyleSheets].filter((s, i, all) => !ours.includes(s) && all.indexOf(s) === i);
    root.adoptedStyleSheets = [...others, ...ours];
  } catch {
    /* a sheet from another document: the server's <style> still applies where allowed */
  }
}

/**
 * Base class of every news element: language resolution, localized strings, warn-once, and what
 * server rendering needs. Not an element of its own.
 *
 * Server rendering (`@lit-labs/ssr`) and hydration (`@lit-labs/ssr-client`): on the server an
 * element has only its attributes and properties (no children, no ancestors, no time zone of the
 * reader), and the browser's first render of server HTML must produce exactly what the server did,
 * or Lit's hydration keeps the server's values while believing its own. So a render with
 * `serverState` true (on the server, and for that first render in the browser) depends on
 * attributes and properties only; its language is the element's own `lang` attribute, else
 * English (a server renderer sets `lang` on each element). Right after hydration the element
 * renders again with everything the browser knows; Lit then changes only what differs, so the
 * server's nodes stay in place.
 */
export class NewsElement extends LitElement {
  /** The language of the last render: a render while detached has only English to go on. */
  private renderedLang?: string;

  /** This element's next render takes over server-rendered HTML (see `serverState`). */
  private hydrating = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (isServer) return;
    connected.add(this);
    observeLang();
    // Moved into a part of the page in another language, or rendered while detached: render again.
    if (this.hasUpdated && this.renderedLang !== this.locale) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
  }

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    if (isServer) return super.createRenderRoot();
    const existing = this.shadowRoot;
    const kept = existing && supportsAdoptingStyleSheets ? [...existing.adoptedStyleSheets] : [];
    const root = super.createRenderRoot();
    if (!existing || root !== existing) return root;
    // A declarative shadow root from a server: hydrated when Lit's hydration support was loaded
    // before Lit. It adds `defer-hydration` to every LitElement's observed attributes, which tells
    // without reading its private flag (whose name differs between Lit's dev and minified builds).
    this.hydrating = ((this.constructor as typeof LitElement).observedAttributes ?? []).includes('defer-hydration');
    // Without hydration support Lit would render after the server's nodes: start from an empty root.
    if (!this.hydrating) {
      existing.replaceChildren();
      this.renderOptions.renderBefore = null; // LitElement pointed it at the server's first node
    }
    adoptInto(existing, kept, (this.constructor as typeof LitElement).elementStyles);
    return root;
  }

  /**
   * Renders once the strings of the element's language are in: a page in a language other than
   * English fetches its translations first (one small file per area), so nothing flashes English.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = isServer ? undefined : [this.locale, ...this.contentLanguages()].map((lang) => lang && translationsPending(lang)).find(Boolean);
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Languages the element shows besides its own (a story in its own language): their strings are awaited too. */
  protected contentLanguages(): Array<string | undefined> {
    return [];
  }

  protected override update(changed: PropertyValues): void {
    this.renderedLang = this.locale;
    const hydrating = this.hydrating;
    try {
      super.update(changed);
    } finally {
      this.hydrating = false;
    }
    // Hydrated with the server's view: now render what the browser knows (children, the nearest
    // `lang`, the reader's time zone). In a microtask, after this update has completed.
    if (hydrating) queueMicrotask(() => this.requestUpdate());
  }

  /**
   * True on the server, and for the first render of an element taking over server-rendered HTML:
   * the render must then depend on attributes and properties only (not on children, ancestors or
   * the reader's time zone), so that it matches the server's HTML.
   */
  protected get serverState(): boolean {
    return isServer || this.hydrating;
  }

  /**
   * The language this element renders in: its own `lang`, else the nearest ancestor's. On the
   * server (and while taking over server HTML) only its own `lang` is known, else English.
   */
  protected get locale(): string {
    if (this.serverState) return this.getAttribute('lang') || 'en';
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
