import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { NewsElement } from '../../internal/news-element.js';
import { hostStyles, tokenStylesFor } from '../../styles/tokens.js';
import { styles } from './news-photo.styles.js';

type Loading = 'lazy' | 'eager';

/** What the element shows, from its attributes or from the light-DOM `<img>` it wraps. */
interface ImageInfo {
  src?: string;
  srcset?: string;
  /** `null` when the alt text is missing (not the same as `""`, a decorative image). */
  alt: string | null;
  width?: number;
  height?: number;
}

/** A positive, finite number of pixels, else undefined. */
function dimension(value: unknown): number | undefined {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? n : undefined;
}

/** An element slotted into `name` that has something to show. */
function hasSlotted(host: Element, name: string): boolean {
  for (const child of host.children) {
    if (child.getAttribute('slot') === name && (child.textContent?.trim() || child.children.length > 0)) return true;
  }
  return false;
}

function slottedText(host: Element, name: string): string {
  return [...host.children]
    .filter((child) => child.getAttribute('slot') === name)
    .map((child) => child.textContent ?? '')
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const brokenIcon = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="1.5"
  stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
  <rect x="3" y="4" width="18" height="16" rx="2"></rect>
  <circle cx="9" cy="10" r="1.75"></circle>
  <path d="M21 16l-5-5-9 9"></path>
  <path d="M3 3l18 18"></path>
</svg>`;

const expandIcon = html`<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2"
  stroke-linecap="round" stroke-linejoin="round" aria-hidden="true" focusable="false">
  <path d="M14 4h6v6"></path>
  <path d="M10 20H4v-6"></path>
  <path d="M20 4l-7 7"></path>
  <path d="M4 20l7-7"></path>
</svg>`;

/**
 * Give it `src` (and `srcset`/`sizes`), `alt`, `width` and `height`, a `caption` and a
 * `credit`:
 *
 * `<news-photo src="crocus-1200.jpg" alt="Firefighters at the concert hall" width="1200"
 * height="675" caption="Rescuers work to extinguish fire…" credit="REUTERS/Maxim Shemetov"></news-photo>`
 *
 * Or wrap a plain `<img>` so the photo shows without JavaScript: the `<img>` stays in the light DOM
 * (slotted into the frame, styled by the page as any image) and its `src`, `srcset`, `alt`,
 * `width` and `height` are used for the fallback and the dialog. An `<img>` without `alt` gets the
 * element's `alt` (kept in sync); one without `loading` or `fetchpriority` gets them from the
 * element's `priority` or `loading`. Attributes the page wrote on the `<img>` always win.
 *
 * With `width` and `height` the frame has its final aspect ratio at any width, so nothing below it
 * moves when the image loads (also in server-rendered HTML, before any script runs: the ratio is
 * held by markup, not by an inline style). The image scales to the width of its container.
 *
 * Server rendering: on a server the element sees its attributes only. A wrapped `<img>` is shown
 * through the frame's slot all the same; a slotted caption or credit appears when the browser has
 * taken the element over, so a server renderer should use the `caption` and `credit` attributes.
 *
 * A missing `alt` warns once (`alt=""` is the valid choice for a decorative image). An image that
 * fails to load (or had already failed when the element saw it) is replaced by a fallback that
 * keeps the box, says "Image unavailable" in the reader's language and shows the alt text; one
 * warning names the URL. Setting a new `src` retries.
 *
 * @summary A news photo with its caption and credit, in a real `figure`, that reserves its box
 * before the image arrives, shows a designed fallback when the image fails, and can open the full
 * image in a modal dialog.
 *
 * @slot - An `<img>` to show instead of `src` (kept in the light DOM).
 * @slot caption - Rich-text caption; takes the place of the `caption` attribute.
 * @slot credit - Rich-text credit; takes the place of the `credit` attribute.
 *
 * @csspart figure - The `figure` holding the frame and the caption.
 * @csspart frame - The box of the image: aspect ratio, radius, placeholder colour.
 * @csspart image - The `img` rendered from `src` (a slotted light-DOM `<img>` is styled directly).
 * @csspart fallback - What replaces an image that failed to load.
 * @csspart figcaption - The `figcaption` (only rendered when there is a caption or a credit).
 * @csspart caption - The caption text.
 * @csspart credit - The credit ("REUTERS/Maxim Shemetov").
 * @csspart expand-button - The button that opens the full image (with `expandable`).
 * @csspart dialog - The modal `dialog` showing the full image.
 * @csspart dialog-image - The image in the dialog.
 * @csspart dialog-caption - The caption and credit in the dialog.
 * @csspart close-button - The dialog's Close button.
 *
 * @cssproperty --news-photo-radius - Corner radius of the photo. [var(--news-radius, 4px)]
 * @cssproperty --news-photo-caption-color - Caption text colour. [var(--news-color-text-muted, #555555)]
 * @cssproperty --news-photo-backdrop - Backdrop behind the expanded photo. [rgb(0 0 0 / 0.85)]
 * @cssproperty --news-color-text - Text of the dialog and the fallback. [#1a1a1a]
 * @cssproperty --news-color-text-muted - Fallback text. [#555555]
 * @cssproperty --news-color-background - Dialog surface and the expand button ring. [#ffffff]
 * @cssproperty --news-color-surface - Placeholder behind the image and the broken-image fallback. [#f1f1f1]
 * @cssproperty --news-color-border - Outline of the fallback and dialog. [#d4d4d4]
 * @cssproperty --news-color-focus - Keyboard focus ring. [#0b57d0]
 * @cssproperty --news-font-ui - Caption, credit, buttons. [system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans Arabic', sans-serif]
 * @cssproperty --news-font-size-small - Caption and credit size. [0.875rem]
 * @cssproperty --news-radius - Corner radius of buttons and the dialog. [4px]
 * @cssproperty --news-space-1 - Gap between caption and credit. [0.25rem]
 * @cssproperty --news-space-2 - Gap above the caption; button inset. [0.5rem]
 * @cssproperty --news-space-3 - Padding of the dialog and the fallback. [1rem]
 */
export class NewsPhoto extends NewsElement {
  static override styles = [tokenStylesFor(styles), hostStyles, styles];

  /** URL of the image. Ignored when a light-DOM `<img>` is slotted. */
  @property() src?: string;

  /** Candidate images for responsive loading, as the `img` attribute. */
  @property() srcset?: string;

  /** Display sizes for `srcset`, as the `img` attribute. */
  @property() sizes?: string;

  /**
   * Text alternative of the image: its accessible name. Set `alt=""` for a decorative image;
   * leaving it out warns once.
   */
  @property() alt: string | null = null;

  /** Intrinsic width in pixels: with `height`, reserves the box's aspect ratio before loading. */
  @property({ type: Number }) width?: number;

  /** Intrinsic height in pixels: with `width`, reserves the box's aspect ratio before loading. */
  @property({ type: Number }) height?: number;

  /** Caption text (plain text; use the `caption` slot for rich text). */
  @property() caption?: string;

  /** Credit of the photo, e.g. "REUTERS/Maxim Shemetov" (use the `credit` slot for rich text). */
  @property() credit?: string;

  /**
   * Loading strategy of the image: `lazy` (default) or `eager`. Set on a light-DOM `<img>` that
   * has no `loading` of its own (see `priority` for the first fetch).
   */
  @property() loading: Loading = 'lazy';

  /**
   * The hero photo: loads eagerly with `fetchpriority="high"` (overrides `loading`). A light-DOM
   * `<img>` without its own `loading`/`fetchpriority` gets them too, but the element upgrades after
   * the parser has started that image's fetch: for the very first fetch, also write
   * `loading="eager" fetchpriority="high"` on the `<img>` itself.
   */
  @property({ type: Boolean }) priority = false;

  /** Shows a button that opens the full image with its caption in a modal dialog. */
  @property({ type: Boolean }) expandable = false;

  /** The image failed to load. */
  @state() private broken = false;

  /** The dialog is open (its image is only rendered, and fetched, while it is). */
  @state() private expanded = false;

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot?.querySelector?.('dialog') ?? null;
  }
  private get expandButton(): HTMLButtonElement | null {
    return this.renderRoot?.querySelector?.('.expand-button') ?? null;
  }

  /** The `<img>` child the page wrote, if any. */
  private lightImg: HTMLImageElement | null = null;
  private hasCaptionSlot = false;
  private hasCreditSlot = false;
  /** src + srcset of the image last rendered: a change means a new load, so forget the failure. */
  private imageKey = '';
  private checkLightImg = false;
  private observer?: MutationObserver;
  /** Attributes this element wrote on light-DOM images, with the value written (the rest is the page's). */
  private written = new WeakMap<HTMLImageElement, Map<string, string>>();
  /** Set while the dialog is closed because the element left the page: no focus to restore then. */
  private closingDetached = false;

  constructor() {
    super();
    // Load and error do not bubble, but a capture listener on the host sees them on the light-DOM img.
    this.addEventListener('error', this.onLightImageEvent, true);
    this.addEventListener('load', this.onLightImageEvent, true);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (typeof MutationObserver === 'undefined') return;
    this.observer ??= new MutationObserver(() => this.requestUpdate());
    this.observer.observe(this, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['slot', 'src', 'srcset', 'alt', 'width', 'height'],
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
    // A removed modal dialog leaves the top layer but stays open: it would come back non-modal.
    const dialog = this.dialog;
    if (dialog?.open) {
      this.closingDetached = true;
      dialog.close();
    }
    this.expanded = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // A server cannot see the children: render from the attributes there, and while taking its
    // HTML over (the next render reads the light DOM).
    const light = !this.serverState;
    const img = light ? this.querySelector<HTMLImageElement>(':scope > img') : null;
    this.lightImg = img;
    this.hasCaptionSlot = light && hasSlotted(this, 'caption');
    this.hasCreditSlot = light && hasSlotted(this, 'credit');
    if (img) this.syncLightImg(img);

    const info = this.imageInfo();
    const key = `${img ? 'light' : 'attr'}|${info.src ?? ''}|${info.srcset ?? ''}`;
    if (key !== this.imageKey) {
      this.imageKey = key;
      this.broken = false;
      this.checkLightImg = !!img;
    }

    if ((info.src || info.srcset) && info.alt === null) {
      this.warn('alt', 'attribute "alt" is missing; describe the photo, or set alt="" if it is decorative.');
    }
    if (changed.has('loading') && this.loading !== 'lazy' && this.loading !== 'eager' && this.loading != null) {
      this.warn('loading', `attribute "loading" must be "lazy" or "eager", not "${String(this.loading)}"; using "lazy".`);
    }
    for (const name of ['width', 'height'] as const) {
      if (changed.has(name) && this[name] != null && dimension(this[name]) === undefined) {
        this.warn(name, `attribute "${name}" must be a positive number of pixels; ignoring it.`);
      }
    }
  }

  protected override updated(): void {
    if (!this.checkLightImg) return;
    this.checkLightImg = false;
    const img = this.lightImg;
    // An image that failed before we were listening fires no more error events: look at its state.
    if (!img || !img.complete || img.naturalWidth > 0 || !(img.getAttribute('src') || img.getAttribute('srcset'))) return;
    // naturalWidth is also 0 for an SVG without intrinsic size; decode() rejects only when broken.
    img.decode().then(
      () => undefined,
      () => {
        if (this.lightImg === img && img.complete && img.naturalWidth === 0) this.fail(img);
      },
    );
  }

  override render(): TemplateResult {
    const info = this.imageInfo();
    const hasImage = !!(this.lightImg || info.src || info.srcset);
    const ratio = !!(info.width && info.height);
    // The box's ratio is held by an in-flow SVG of that ratio, not an inline style: a server's
    // HTML has it before any script runs, and a strict CSP has nothing to block.
    return html`
      <figure part="figure">
        <div part="frame" class="frame${ratio ? ' ratio' : ''}${this.broken ? ' broken' : ''}">
          ${ratio
            ? html`<svg class="ratio-box" viewBox="0 0 ${info.width} ${info.height}" aria-hidden="true" focusable="false"></svg>`
            : nothing}
          ${this.lightImg || !hasImage ? html`<slot></slot>` : this.renderImage(info)}
          ${this.broken ? this.renderFallback(info) : nothing}
          ${this.expandable && hasImage && !this.broken
            ? html`<button
                part="expand-button"
                class="expand-button"
                type="button"
                aria-label=${this.t('photo.expand')}
                title=${this.t('photo.expand')}
                aria-haspopup="dialog"
                @click=${this.openDialog}
              >
                ${expandIcon}
              </button>`
            : nothing}
        </div>
        ${this.renderCaption()}
      </figure>
      ${this.expandable ? this.renderDialog(info) : nothing}
    `;
  }

  private renderImage(info: ImageInfo): TemplateResult {
    const loading: Loading = this.priority ? 'eager' : this.loading === 'eager' ? 'eager' : 'lazy';
    return html`<img
      part="image"
      class="image"
      src=${ifDefined(info.src)}
      srcset=${ifDefined(info.srcset)}
      sizes=${ifDefined(this.sizes || undefined)}
      alt=${ifDefined(info.alt ?? undefined)}
      width=${ifDefined(info.width)}
      height=${ifDefined(info.height)}
      loading=${loading}
      fetchpriority=${ifDefined(this.priority ? 'high' : undefined)}
      decoding="async"
      @error=${this.onImageError}
      @load=${this.onImageLoad}
    />`;
  }

  private renderFallback(info: ImageInfo): TemplateResult {
    const decorative = info.alt === '';
    return html`<div part="fallback" class="fallback" aria-hidden=${ifDefined(decorative ? 'true' : undefined)}>
      ${brokenIcon}
      <span class="fallback-status">${this.t('photo.unavailable')}</span>
      ${info.alt ? html`<span class="fallback-alt">${info.alt}</span>` : nothing}
    </div>`;
  }

  private renderCaption(): TemplateResult | typeof nothing {
    const hasCaption = this.hasCaptionSlot || !!this.caption?.trim();
    const hasCredit = this.hasCreditSlot || !!this.credit?.trim();
    if (!hasCaption && !hasCredit) return nothing;
    return html`<figcaption part="figcaption">${hasCaption
        ? html`<span part="caption" class="caption"><slot name="caption">${this.caption?.trim()}</slot></span>`
        : nothing}${hasCaption && hasCredit ? ' ' : nothing}${hasCredit
        ? html`<span part="credit" class="credit"><slot name="credit">${this.credit?.trim()}</slot></span>`
        : nothing}</figcaption>`;
  }

  private renderDialog(info: ImageInfo): TemplateResult {
    const caption = this.hasCaptionSlot ? slottedText(this, 'caption') : (this.caption?.trim() ?? '');
    const credit = this.hasCreditSlot ? slottedText(this, 'credit') : (this.credit?.trim() ?? '');
    const label = caption ? undefined : info.alt || this.t('photo.expand');
    return html`<dialog
      part="dialog"
      aria-labelledby=${ifDefined(caption ? 'dialog-caption' : undefined)}
      aria-label=${ifDefined(label)}
      @close=${this.onDialogClose}
      @click=${this.onDialogClick}
    >
      ${this.expanded
        ? html`<div class="dialog-body">
            <button part="close-button" class="close-button" type="button" autofocus @click=${this.closeDialog}>
              ${this.t('photo.close')}
            </button>
            <figure>
              <img
                part="dialog-image"
                class="dialog-image"
                src=${ifDefined(info.src)}
                srcset=${ifDefined(info.srcset)}
                sizes=${ifDefined(info.srcset ? '100vw' : undefined)}
                alt=${ifDefined(info.alt ?? undefined)}
                width=${ifDefined(info.width)}
                height=${ifDefined(info.height)}
              />
              ${caption || credit
                ? html`<figcaption part="dialog-caption" class="dialog-caption">${caption
                      ? html`<span id="dialog-caption">${caption}</span>`
                      : nothing}${caption && credit ? ' ' : nothing}${credit
                      ? html`<span class="credit">${credit}</span>`
                      : nothing}</figcaption>`
                : nothing}
            </figure>
          </div>`
        : nothing}
    </dialog>`;
  }

  /** The image to show: the light-DOM `<img>`'s attributes first, then the element's. */
  private imageInfo(): ImageInfo {
    const img = this.lightImg;
    const width = dimension(img?.getAttribute('width')) ?? dimension(this.width);
    const height = dimension(img?.getAttribute('height')) ?? dimension(this.height);
    if (img) {
      return {
        src: img.getAttribute('src') ? img.src : undefined,
        srcset: img.getAttribute('srcset') || undefined,
        // syncLightImg has given it the element's alt when it had none.
        alt: img.getAttribute('alt'),
        width,
        height,
      };
    }
    return { src: this.src || undefined, srcset: this.srcset || undefined, alt: this.alt, width, height };
  }

  /** Gives the light-DOM img the element's alt, loading and fetchpriority where the page wrote none. */
  private syncLightImg(img: HTMLImageElement): void {
    const explicit = this.priority || this.hasAttribute('loading') || this.loading !== 'lazy';
    const loading: Loading | null = this.priority || this.loading === 'eager' ? 'eager' : explicit ? 'lazy' : null;
    this.writeAttribute(img, 'alt', this.alt);
    this.writeAttribute(img, 'loading', loading);
    this.writeAttribute(img, 'fetchpriority', this.priority ? 'high' : null);
  }

  /** Sets (or, with null, removes) an attribute this element owns on `img`; never touches the page's own. */
  private writeAttribute(img: HTMLImageElement, name: string, value: string | null): void {
    let written = this.written.get(img);
    const current = img.getAttribute(name);
    const ours = written?.get(name);
    if (current !== null && current !== ours) {
      written?.delete(name); // The page's value (or changed since): leave it.
      return;
    }
    if (value === null) {
      if (current !== null) img.removeAttribute(name);
      written?.delete(name);
      return;
    }
    if (current !== value) img.setAttribute(name, value);
    if (!written) this.written.set(img, (written = new Map()));
    written.set(name, value);
  }

  private fail(img: HTMLImageElement): void {
    const url = img.currentSrc || img.getAttribute('src') || img.getAttribute('srcset') || '';
    this.broken = true;
    // One warning per URL: a different bad URL later warns again.
    this.warn(`src ${url}`, `image "${url}" failed to load; showing the fallback. Check the "src" attribute.`);
  }

  private onImageError = (event: Event): void => {
    this.fail(event.currentTarget as HTMLImageElement);
  };

  private onImageLoad = (): void => {
    this.broken = false;
  };

  private onLightImageEvent = (event: Event): void => {
    if (!this.lightImg || event.target !== this.lightImg) return;
    if (event.type === 'error') this.fail(this.lightImg);
    else this.broken = false;
  };

  private openDialog = async (): Promise<void> => {
    this.expanded = true;
    await this.updateComplete;
    const dialog = this.dialog;
    if (!dialog || dialog.open) return;
    try {
      dialog.showModal();
    } catch {
      // Not connected or already open elsewhere: nothing sensible to show.
      this.expanded = false;
    }
  };

  private closeDialog = (): void => {
    this.dialog?.close();
  };

  /** A click on the backdrop (the dialog itself, outside its content) closes it. */
  private onDialogClick = (event: MouseEvent): void => {
    if (event.target === this.dialog) this.closeDialog();
  };

  private onDialogClose = (): void => {
    this.expanded = false;
    if (this.closingDetached) {
      this.closingDetached = false;
      return;
    }
    // Browsers differ in where focus goes when a modal closes: put it back on the button.
    this.expandButton?.focus();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'news-photo': NewsPhoto;
  }
}
