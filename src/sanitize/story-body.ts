/**
 * The story-body sanitizer: HTML as a CMS sent it (WordPress `content.rendered`, schema.org
 * `articleBody`, our own JSON's `body`) in, a `DocumentFragment` of article content out, safe to
 * insert into a partner's page. Built on DOMPurify (one instance per window, created on first use)
 * with an allow-list written for news articles, plus the URL, link and embed rules below.
 * Works in the browser and on any `Window` (a same-origin iframe's, jsdom's on the server:
 * see `./node.ts`).
 *
 * ## What is kept, and why
 * - **Text blocks**: `p`, `h2`–`h6`, `blockquote`, `pre`, `hr`, `br`, `wbr`. An `h1` becomes an
 *   `h2`: the story has exactly one `h1`, its headline, drawn by `<news-story>`; a second one in
 *   the body would break the document outline a screen reader navigates by.
 * - **Inline text**: `a`, `strong`, `b`, `em`, `i`, `u`, `s`, `small`, `mark`, `sub`, `sup`,
 *   `abbr`, `cite`, `q`, `code`, `kbd`, `time`, `span`, plus `del`/`ins` (a published correction
 *   shows what changed) and `bdi`/`bdo` (a Latin name inside Persian or Arabic text keeps its
 *   direction). All of it only marks up text; none of it can run code or load anything.
 * - **Lists**: `ul`, `ol` (`start`, `reversed`, `type`), `li`, `dl`, `dt`, `dd`.
 * - **Photos**: `figure`, `figcaption`, `img`, `picture`, `source` (`src`, `srcset`, `sizes`,
 *   `alt`, `width`, `height`, `loading`, `decoding`; `media` and `type` so `<picture>` can pick
 *   its source). Body images get `loading="lazy"` and `decoding="async"` unless they say otherwise:
 *   they are below the hero, and a partner page should not pay for them before they are seen.
 * - **Tables**: `table`, `caption`, `colgroup`, `col` (`span`), `thead`, `tbody`, `tfoot`, `tr`,
 *   `th` (`scope`), `td` (`colspan`, `rowspan`): election results and budgets are tables.
 * - **Disclosure**: `details` (`open`), `summary`: FAQ boxes and "what we know" sections.
 * - **`div`**: WordPress wraps classic captions and embeds in one (`div.wp-caption`); it carries
 *   no meaning and no style once `class` and `style` are filtered. Elements that are not kept
 *   (`section`, `article`, `aside`, `header`, `font`, `center`…) are unwrapped, their text kept:
 *   a landmark per CMS box would flood a screen reader's landmark list.
 * - **Everywhere**: `title`, `lang`, `dir` (`ltr`, `rtl`, `auto`): Arabic and Persian passages
 *   keep their direction. `id` is kept, prefixed `user-content-` (DOMPurify's
 *   `SANITIZE_NAMED_PROPS`), and in-page links (`href="#note-1"`) are rewritten to match, so
 *   footnotes and tables of contents keep working. The prefix is there for when the body is not in
 *   a shadow root (server output pasted into a page, the light DOM of a custom build): an `id`
 *   becomes a property of `window` and `document` there ("DOM clobbering"), and no page code reads
 *   a `user-content-` name. Inside a shadow root ids do not reach `window` at all.
 * - **`class`**: only the tokens in {@link STORY_BODY_CLASSES} (the WordPress figure and caption
 *   classes the transform reads, and WordPress's alignment classes). The body shares a shadow root
 *   with the story's own markup: an author's `class="headline"` or `class="visually-hidden"`
 *   would otherwise pick up the story's styles and escape its box.
 * - `aria-*` and `data-*` are dropped: an `aria-labelledby` could point into the story's own
 *   markup and a `data-*` attribute means nothing without the CMS's scripts. An `img` without
 *   `alt` that its source marks decorative (`role="presentation"`/`"none"`, `aria-hidden="true"`)
 *   gets `alt=""` first; any other `img` without `alt` keeps none (`<news-photo>` warns).
 *
 * ## What goes, and why
 * - `script`, `noscript`, `template`, `style` elements and `style` attributes: code, and CSS that
 *   could cover the partner's page (`position: fixed`) or restyle the story.
 * - Every `on*` handler (not on the allow-list, like every other attribute not named above).
 * - Forms and every form control (`form`, `input`, `button`, `select`, `textarea`, `label`…), with
 *   their contents: a story body is not a place to ask for a password; newsletter and poll widgets
 *   need the CMS's scripts anyway.
 * - `object`, `embed`, `frame`, `frameset`, `base`, `meta`, `link`, `audio`, `video`, `canvas`, `dialog`.
 * - `svg` and `math`, with their contents (only the HTML namespace is allowed). News bodies carry
 *   charts and maps as images (`<img src="chart.svg">` is kept: an SVG *image* runs no script) or
 *   as embeds; inline SVG has no `alt`, can draw outside its box, and foreign content is where
 *   most mutation-XSS and namespace-confusion bypasses live. Keeping it out removes that class of
 *   attack rather than defending against it.
 * - `iframe`, except the players in {@link STORY_BODY_IFRAME_SOURCES} (YouTube, YouTube without
 *   cookies, Vimeo): video is the one embed a news story routinely needs, and those players are
 *   on their own origins. Every kept iframe is rewritten: `sandbox` set to
 *   {@link STORY_BODY_IFRAME_SANDBOX} (scripts and their *own* origin's storage, which the player
 *   needs, popups for "watch on YouTube"; no top navigation, forms or modals),
 *   `loading="lazy"`, `referrerpolicy="strict-origin-when-cross-origin"`,
 *   `allow="fullscreen; picture-in-picture"`, and a `title` (default "Embedded video") so
 *   screen readers can name the frame. Its `src` is rebuilt from the parsed URL.
 *
 * ## URLs
 * Every URL is read by the WHATWG URL parser, the one the browser will use, so obfuscation
 * (`java&#x09;script:`, `&#106;avascript:`, leading control characters, upper case) is seen as
 * the browser sees it.
 * - `href` (on `a` only): `http:`, `https:`, `mailto:`, `tel:`, relative, or `#fragment`.
 * - `src`, `srcset` (each candidate), `cite`: `http:`, `https:` or relative. No `data:`, `blob:`,
 *   `javascript:`. A `srcset` loses its bad candidates, the attribute goes when none is left.
 * - With `baseUrl` (the story's canonical URL), relative URLs are resolved against it, so a link to
 *   `/2024/other-story` goes to the publisher's site and not to the partner's. `#fragment` links
 *   stay in the page.
 * - Links to another origin than the story's (every absolute link when there is no `baseUrl`) get
 *   `rel="noopener noreferrer"`; an author's `nofollow`, `sponsored` and `ugc` are kept, any other
 *   `rel` token is dropped (`opener` would hand the partner's window to the target). `target` is
 *   kept only when it is `_blank` (and then `noopener` is always added).
 *
 * ## Trusted Types
 * We never assign a string to an HTML sink: DOMPurify parses the input with `DOMParser` through its
 * own Trusted Types policy, named **`dompurify`** ({@link TRUSTED_TYPES_POLICY_NAME}), and returns
 * nodes (`RETURN_DOM_FRAGMENT`), which are adopted into the target document. A page with
 * `require-trusted-types-for 'script'` needs nothing more; a page that also restricts policy names
 * (`trusted-types …`) must list `dompurify` there (and add `'allow-duplicates'` when the page
 * runs DOMPurify of its own, which creates a policy of the same name). When the policy is refused,
 * the sanitizer cannot parse anything and {@link sanitizeStoryBody} throws a
 * {@link StoryBodySanitizerError} saying so, rather than returning an empty body.
 *
 * @module
 */
import createDOMPurify, { type Config, type DOMPurify, type UponSanitizeAttributeHookEvent } from 'dompurify';

/** Any window the sanitizer can work in: the page's, a same-origin iframe's, jsdom's. */
export type StoryBodyWindow = Window & typeof globalThis;

export interface SanitizeStoryBodyOptions {
  /** Window whose document owns the result (default: the global `window`). */
  window?: StoryBodyWindow;
  /**
   * The story's canonical URL (http or https): relative URLs in the body are resolved against it,
   * and links to its origin are not "other origin" links. Anything else is ignored.
   */
  baseUrl?: string;
}

/** Thrown when the sanitizer cannot run in a window (Trusted Types refused its policy, no DOM). */
export class StoryBodySanitizerError extends Error {
  override name = 'StoryBodySanitizerError';
}

/** Name of the Trusted Types policy the sanitizer (DOMPurify) creates: list it in `trusted-types`. */
export const TRUSTED_TYPES_POLICY_NAME = 'dompurify';

/** Prefix of every kept `id` (and of the `#fragment` of in-page links). */
export const STORY_BODY_ID_PREFIX = 'user-content-';

/** Elements kept in a story body (an `h1` is kept as an `h2`). The reasons are in the module's doc. */
export const STORY_BODY_TAGS = Object.freeze([
  // text blocks
  'p', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'pre', 'hr', 'br', 'wbr', 'div',
  // inline text
  'a', 'strong', 'b', 'em', 'i', 'u', 's', 'small', 'mark', 'sub', 'sup', 'abbr', 'cite', 'q',
  'code', 'kbd', 'time', 'span', 'del', 'ins', 'bdi', 'bdo',
  // lists
  'ul', 'ol', 'li', 'dl', 'dt', 'dd',
  // photos
  'figure', 'figcaption', 'img', 'picture', 'source',
  // tables
  'table', 'caption', 'colgroup', 'col', 'thead', 'tbody', 'tfoot', 'tr', 'th', 'td',
  // disclosure
  'details', 'summary',
  // video players from STORY_BODY_IFRAME_SOURCES only
  'iframe',
] as const);

/**
 * Attributes kept, by element (`*`: on every kept element). Values are checked too: URLs as the
 * module's doc says, numbers as numbers, enumerations against their values.
 */
export const STORY_BODY_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = Object.freeze({
  '*': ['id', 'class', 'title', 'lang', 'dir'],
  a: ['href', 'target', 'rel'],
  img: ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'],
  source: ['src', 'srcset', 'sizes', 'media', 'type', 'width', 'height'],
  iframe: ['src', 'width', 'height', 'title'],
  blockquote: ['cite'],
  q: ['cite'],
  del: ['cite', 'datetime'],
  ins: ['cite', 'datetime'],
  time: ['datetime'],
  ol: ['start', 'reversed', 'type'],
  td: ['colspan', 'rowspan'],
  th: ['colspan', 'rowspan', 'scope'],
  col: ['span'],
  colgroup: ['span'],
  details: ['open'],
});

/**
 * The only `class` tokens kept: WordPress's figure and caption classes (read by
 * `transformStoryBody`) and its alignment classes (a story stylesheet may float an aligned image).
 */
export const STORY_BODY_CLASSES = Object.freeze([
  'wp-block-image', 'wp-element-caption', 'wp-caption', 'wp-caption-text',
  'alignleft', 'alignright', 'aligncenter', 'alignwide', 'alignfull', 'alignnone',
] as const);

/** The iframes kept: https only, these hosts (no port, no user), a path of this shape; any query. */
export const STORY_BODY_IFRAME_SOURCES: ReadonlyArray<{ readonly host: string; readonly path: RegExp }> = Object.freeze([
  { host: 'www.youtube-nocookie.com', path: /^\/embed\/[\w-]+$/ },
  { host: 'www.youtube.com', path: /^\/embed\/[\w-]+$/ },
  { host: 'player.vimeo.com', path: /^\/video\/\d+$/ },
]);

/** The `sandbox` every kept iframe gets (any `sandbox`, `allow`, `referrerpolicy` of its own is replaced). */
export const STORY_BODY_IFRAME_SANDBOX = 'allow-scripts allow-same-origin allow-presentation allow-popups';

/** The `allow` every kept iframe gets. */
export const STORY_BODY_IFRAME_ALLOW = 'fullscreen; picture-in-picture';

/** The `title` of a kept iframe that has none. */
export const STORY_BODY_IFRAME_TITLE = 'Embedded video';

/** Elements removed *with* their content (DOMPurify already drops script, style, svg, math, iframe, … whole). */
const DROP_WITH_CONTENT = [
  'form', 'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'label', 'fieldset',
  'legend', 'output', 'meter', 'progress', 'object', 'embed', 'applet', 'canvas', 'dialog', 'frameset', 'frame',
];

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const RESOURCE_PROTOCOLS = new Set(['http:', 'https:']);
/** Base for checking a relative URL's protocol when no `baseUrl` was given (never written out). */
const PROBE_BASE = 'https://story.invalid/';
const KEPT_REL = new Set(['nofollow', 'sponsored', 'ugc', 'noopener', 'noreferrer']);
const DIGITS = /^\d{1,5}$/;

const ENUMS: Record<string, ReadonlySet<string>> = {
  dir: new Set(['ltr', 'rtl', 'auto']),
  loading: new Set(['lazy', 'eager']),
  decoding: new Set(['async', 'sync', 'auto']),
  scope: new Set(['row', 'col', 'rowgroup', 'colgroup']),
};

const allAttributes = [...new Set(Object.values(STORY_BODY_ATTRIBUTES).flat())];
const classSet: ReadonlySet<string> = new Set(STORY_BODY_CLASSES);

const CONFIG = {
  // `body` is the root DOMPurify walks from, never part of the result: without it DOMPurify treats
  // the root as disallowed and hoists unsanitized copies of the whole body into its parsing document.
  ALLOWED_TAGS: [...STORY_BODY_TAGS, 'body'],
  ALLOWED_ATTR: allAttributes,
  // Foreign content (svg, math) is not article content here: see the module's doc.
  ALLOWED_NAMESPACES: ['http://www.w3.org/1999/xhtml'],
  ADD_FORBID_CONTENTS: DROP_WITH_CONTENT,
  FORBID_ATTR: ['style'],
  ALLOW_ARIA_ATTR: false,
  ALLOW_DATA_ATTR: false,
  ALLOW_UNKNOWN_PROTOCOLS: false,
  // A second gate behind our own URL checks (which run first and are stricter).
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  SANITIZE_NAMED_PROPS: true,
  RETURN_DOM_FRAGMENT: true as const,
} satisfies Config;

/** The state of the call in progress: hooks run synchronously inside `sanitize()`. */
let current: { base?: URL } = {};

const instances = new WeakMap<object, { purify: DOMPurify; works: boolean }>();

/** The DOMPurify of `win`, with our hooks: one per window, checked once that it can parse. */
function instanceFor(win: StoryBodyWindow): DOMPurify {
  let entry = instances.get(win);
  if (!entry) {
    const purify = createDOMPurify(win);
    if (!purify.isSupported) {
      throw new StoryBodySanitizerError('the story-body sanitizer needs a window with a DOM (DOMParser, NodeIterator).');
    }
    purify.addHook('beforeSanitizeAttributes', markDecorativeImage);
    purify.addHook('uponSanitizeElement', (node) => {
      if (isElement(node) && node.localName === 'iframe' && !iframeSrc(node.getAttribute('src'))) node.remove();
    });
    purify.addHook('uponSanitizeAttribute', checkAttribute);
    purify.addHook('afterSanitizeAttributes', finishElement);
    // Under Trusted Types with the `dompurify` policy refused, DOMParser rejects every string and
    // DOMPurify returns nothing: find out once, here, instead of rendering empty bodies.
    const probe = purify.sanitize('<b>x</b>', CONFIG) as DocumentFragment | null;
    entry = { purify, works: !!probe && probe.childNodes.length > 0 };
    instances.set(win, entry);
  }
  if (!entry.works) {
    throw new StoryBodySanitizerError(
      `the story-body sanitizer cannot parse HTML on this page: its Trusted Types policy "${TRUSTED_TYPES_POLICY_NAME}" was refused. ` +
        `Add ${TRUSTED_TYPES_POLICY_NAME} to the page's "trusted-types" CSP directive.`,
    );
  }
  return entry.purify;
}

function defaultWindow(): StoryBodyWindow {
  if (typeof window === 'undefined') {
    throw new StoryBodySanitizerError('no window: pass options.window, or use sanitizeStoryBodyHtmlNode() from news-elements/sanitize/node on a server.');
  }
  return window;
}

/** A base URL we accept: http(s) only. */
function parseBase(baseUrl: string | undefined): URL | undefined {
  if (!baseUrl) return undefined;
  try {
    const url = new URL(baseUrl);
    return RESOURCE_PROTOCOLS.has(url.protocol) ? url : undefined;
  } catch {
    return undefined;
  }
}

/** Sanitizes in the window's inert parsing document (nothing loads there), `h1`s made `h2`s. */
function sanitizeInert(html: string, win: StoryBodyWindow, baseUrl: string | undefined): DocumentFragment {
  const purify = instanceFor(win);
  current = { base: parseBase(baseUrl) };
  let fragment: DocumentFragment | null;
  try {
    fragment = purify.sanitize(String(html ?? ''), CONFIG) as DocumentFragment | null;
  } finally {
    current = {};
  }
  // No body at all (the input was a <frameset>): nothing to keep.
  if (!fragment) return win.document.createDocumentFragment();
  // New nodes come from the window's own document, never from the parsing document, whose
  // methods the input's named elements could shadow (DOM clobbering).
  for (const h1 of [...fragment.querySelectorAll('h1')]) {
    const h2 = win.document.createElement('h2');
    for (const { name, value } of [...h1.attributes]) h2.setAttribute(name, value);
    h2.append(...h1.childNodes);
    h1.replaceWith(h2);
  }
  return fragment;
}

/**
 * Sanitizes a story body: returns a `DocumentFragment` owned by `options.window`'s document (the
 * global `document` by default), ready to be inserted. Pass the story's canonical URL as
 * `baseUrl`. Throws {@link StoryBodySanitizerError} when the window cannot run the sanitizer
 * (see "Trusted Types" in the module's doc).
 */
export function sanitizeStoryBody(html: string, options: SanitizeStoryBodyOptions = {}): DocumentFragment {
  const win = options.window ?? defaultWindow();
  const fragment = sanitizeInert(html, win, options.baseUrl);
  return win.document.adoptNode(fragment);
}

/** {@link sanitizeStoryBody}, serialized: the sanitized body as an HTML string. */
export function sanitizeStoryBodyToHtml(html: string, options: SanitizeStoryBodyOptions = {}): string {
  const win = options.window ?? defaultWindow();
  // A template's content is inert: images in it load nothing while it is serialized.
  const template = win.document.createElement('template');
  template.content.append(sanitizeInert(html, win, options.baseUrl));
  return template.innerHTML;
}

// ---------------------------------------------------------------------------------------------
// URL rules (exported for the tests and for the transform)

/**
 * A URL the body may link to (`kind: 'link'`) or load (`'resource'`), as it should be written
 * (resolved against `base` when relative and a base is given), or `null` when it is not allowed.
 */
export function safeStoryUrl(value: string, kind: 'link' | 'resource', base?: URL): string | null {
  const trimmed = value.trim();
  if (kind === 'link' && trimmed.startsWith('#')) return fragmentLink(trimmed);
  let url: URL;
  try {
    url = new URL(trimmed, base ?? PROBE_BASE);
  } catch {
    return null;
  }
  if (!(kind === 'link' ? LINK_PROTOCOLS : RESOURCE_PROTOCOLS).has(url.protocol)) return null;
  if (base || isAbsolute(trimmed)) return url.href;
  // Relative, no base: written as the source wrote it, resolved later against the page.
  return trimmed;
}

/** Whether `value` parses as a URL on its own (has a scheme). */
function isAbsolute(value: string): boolean {
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** `#note-1` → `#user-content-note-1`, matching the prefixed ids. */
function fragmentLink(value: string): string {
  const name = value.slice(1);
  return !name || name.startsWith(STORY_BODY_ID_PREFIX) ? value : `#${STORY_BODY_ID_PREFIX}${name}`;
}

/** The iframe `src` as it should be written, or `null` when the player is not on the allow-list. */
export function iframeSrc(value: string | null): string | null {
  if (!value) return null;
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return null;
  }
  const allowed =
    url.protocol === 'https:' &&
    !url.port &&
    !url.username &&
    !url.password &&
    STORY_BODY_IFRAME_SOURCES.some(({ host, path }) => url.hostname === host && path.test(url.pathname));
  return allowed ? url.href : null;
}

/**
 * A `srcset` with only http(s) or relative candidates (resolved against `base`), or `null` when
 * none is left. Parsed as the HTML standard parses it (a URL never contains whitespace; commas
 * inside a URL are kept, descriptors may contain parentheses).
 */
export function safeSrcset(value: string, base?: URL): string | null {
  const candidates: string[] = [];
  let i = 0;
  const n = value.length;
  const space = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\f' || c === '\r';
  while (i < n) {
    while (i < n && (space(value[i]) || value[i] === ',')) i++;
    if (i >= n) break;
    let start = i;
    while (i < n && !space(value[i])) i++;
    let url = value.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      while (i < n && space(value[i])) i++;
      start = i;
      let depth = 0;
      while (i < n && (value[i] !== ',' || depth > 0)) {
        if (value[i] === '(') depth++;
        else if (value[i] === ')') depth = Math.max(0, depth - 1);
        i++;
      }
      descriptor = value.slice(start, i).trim();
    }
    const safe = url ? safeStoryUrl(url, 'resource', base) : null;
    if (safe && !/[\s,]$/.test(safe) && /^[\w.\s-]*$/.test(descriptor)) {
      candidates.push(descriptor ? `${safe} ${descriptor}` : safe);
    }
  }
  return candidates.length ? candidates.join(', ') : null;
}

// ---------------------------------------------------------------------------------------------
// DOMPurify hooks

function isElement(node: Node): node is Element {
  return node.nodeType === 1;
}

/** Before the attributes are filtered (role and aria-* go): an image its source marks decorative. */
function markDecorativeImage(node: Element): void {
  if (!isElement(node) || node.localName !== 'img' || node.hasAttribute('alt')) return;
  const role = (node.getAttribute('role') ?? '').trim().toLowerCase().split(/\s+/)[0];
  if (role === 'presentation' || role === 'none' || node.getAttribute('aria-hidden')?.trim().toLowerCase() === 'true') {
    node.setAttribute('alt', '');
  }
}

/** Per-attribute rules: where it may appear, and what its value may be. */
function checkAttribute(node: Element, event: UponSanitizeAttributeHookEvent): void {
  const tag = node.localName;
  const name = event.attrName;
  const allowed = STORY_BODY_ATTRIBUTES['*']!.includes(name) || !!STORY_BODY_ATTRIBUTES[tag]?.includes(name);
  if (!allowed) {
    event.keepAttr = false;
    return;
  }
  const value = event.attrValue;
  let next: string | null = value;
  const base = current.base;
  switch (name) {
    case 'href':
      next = safeStoryUrl(value, 'link', base);
      break;
    case 'src':
      next = tag === 'iframe' ? iframeSrc(value) : safeStoryUrl(value, 'resource', base);
      break;
    case 'cite':
      next = safeStoryUrl(value, 'resource', base);
      break;
    case 'srcset':
      next = safeSrcset(value, base);
      break;
    case 'class':
      next = value.split(/\s+/).filter((token) => classSet.has(token)).join(' ') || null;
      break;
    case 'dir':
    case 'loading':
    case 'decoding':
    case 'scope':
      next = value.toLowerCase();
      if (!ENUMS[name]!.has(next)) next = null;
      break;
    case 'width':
    case 'height':
    case 'colspan':
    case 'rowspan':
    case 'span':
      next = DIGITS.test(value) ? value : null;
      break;
    case 'start':
      next = /^-?\d{1,9}$/.test(value) ? value : null;
      break;
    case 'type':
      next = tag === 'ol' ? (/^[1aAiI]$/.test(value) ? value : null) : /^[a-z]+\/[\w.+-]+$/i.test(value) ? value : null;
      break;
    case 'target':
      next = value.toLowerCase() === '_blank' ? '_blank' : null;
      break;
    case 'rel':
      next = value.toLowerCase().split(/\s+/).filter((token) => KEPT_REL.has(token)).join(' ') || null;
      break;
  }
  if (next === null) event.keepAttr = false;
  else event.attrValue = next;
}

/** After the attributes: what depends on several of them (links, images, iframes). */
function finishElement(node: Element): void {
  if (!isElement(node)) return;
  switch (node.localName) {
    case 'a':
      finishLink(node);
      break;
    case 'img':
      if (!node.hasAttribute('loading')) node.setAttribute('loading', 'lazy');
      if (!node.hasAttribute('decoding')) node.setAttribute('decoding', 'async');
      break;
    case 'iframe':
      finishIframe(node);
      break;
  }
}

function finishLink(a: Element): void {
  const href = a.getAttribute('href');
  const rel = new Set((a.getAttribute('rel') ?? '').split(/\s+/).filter(Boolean));
  // Rewritten at the end every time, so sanitizing the output again writes the same markup.
  a.removeAttribute('rel');
  if (href === null) {
    a.removeAttribute('target');
    return;
  }
  if (isOtherOrigin(href)) {
    rel.add('noopener');
    rel.add('noreferrer');
  }
  if (a.getAttribute('target') === '_blank') rel.add('noopener');
  if (rel.size) a.setAttribute('rel', [...rel].join(' '));
}

/** An absolute http(s) link to another origin than the story's (any, without a base). */
function isOtherOrigin(href: string): boolean {
  if (!isAbsolute(href)) return false;
  const url = new URL(href);
  if (!RESOURCE_PROTOCOLS.has(url.protocol)) return false;
  return !current.base || url.origin !== current.base.origin;
}

function finishIframe(iframe: Element): void {
  if (!iframe.hasAttribute('src')) {
    iframe.remove();
    return;
  }
  const title = iframe.getAttribute('title')?.trim() || STORY_BODY_IFRAME_TITLE;
  // Fallback content of an iframe is never shown; raw text inside one is only a liability.
  iframe.replaceChildren();
  // Removed and written again in one order, so sanitizing the output again writes the same markup.
  for (const name of ['title', 'loading', 'referrerpolicy', 'sandbox', 'allow']) iframe.removeAttribute(name);
  iframe.setAttribute('title', title);
  iframe.setAttribute('loading', 'lazy');
  iframe.setAttribute('referrerpolicy', 'strict-origin-when-cross-origin');
  iframe.setAttribute('sandbox', STORY_BODY_IFRAME_SANDBOX);
  iframe.setAttribute('allow', STORY_BODY_IFRAME_ALLOW);
}
