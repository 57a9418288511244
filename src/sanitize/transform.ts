/**
 * Turns a sanitized story body (the fragment `sanitizeStoryBody` returns, in any `Document`,
 * jsdom's included) into news elements, in place:
 *
 * - **Photos.** WordPress's figures and a plain `figure > img + figcaption` become
 *   `<news-photo>`s wrapping the same light-DOM `<img>` (so the photo shows without JavaScript),
 *   with the caption's rich text in `<span slot="caption">`:
 *   - `figure.wp-block-image` (block editor): `img` + `figcaption.wp-element-caption`, caption optional;
 *   - `figure.wp-caption` / `div.wp-caption` (classic editor): `img` + `figcaption.wp-caption-text`
 *     or `p.wp-caption-text`;
 *   - any other `figure` with exactly one `img` and one `figcaption`.
 *   The `img` may be wrapped in a link to the image file (WordPress's "link to media file"): the
 *   photo then gets `expandable`, which does what that link did. A figure whose image links
 *   elsewhere, holds anything else (a `picture`, a table, a second image), or has no image is left
 *   as it is: it is still a valid, sanitized figure, and nothing is lost.
 *   The photo keeps the figure's `id`, `lang`, `dir` and WordPress alignment class (`alignleft`…).
 *   The `img` keeps its `src`, `srcset`, `sizes`, `alt`, `width`, `height`, and gets
 *   `loading="lazy"` `decoding="async"` unless it has its own. An `img` without `alt` keeps none
 *   (the sanitizer has already given `alt=""` to images their source marked decorative), so
 *   `<news-photo>` warns about it.
 *   **Credit.** When the caption's plain text *ends* with a credit, "… REUTERS/Maxim Shemetov" (a
 *   known agency, a slash, a name) or "… (Photo: Jane Doe)", that tail goes to
 *   `<span slot="credit">`: `<news-photo>` shows it apart and styles it (`part="credit"`) as it does
 *   every credit. Only a trailing text node is split, so rich text is never cut; anything else
 *   stays in the caption, which is never wrong, just less tidy.
 * - **Read also.** A `<p>` whose text is a known label ending with a colon followed by exactly one
 *   link and nothing else ("READ ALSO: <a>…</a>", "Read more: …", in the six languages of the
 *   messages, see {@link READ_ALSO_LABELS}) becomes
 *   `<news-related variant="inline" label="READ ALSO"><ul><li><a href="…">…</a></li></ul></news-related>`,
 *   the list `<news-related>` reads from its light DOM. Any other label ("Source:", "Photo:") or a
 *   paragraph with two links is left alone.
 *
 * Pure DOM work: no HTML is parsed, no string is assigned to a sink.
 *
 * @module
 */

/** What the transform did, for tests and logs. */
export interface StoryBodyTransformResult {
  /** Figures turned into `<news-photo>`s. */
  photos: number;
  /** Paragraphs turned into inline `<news-related>`s. */
  readAlso: number;
}

/**
 * Labels of a "read also" paragraph, compared without case, accents of Arabic script
 * (harakat), surrounding symbols or repeated spaces. English and the five other languages the
 * elements ship (each language's `related.read-also` message, plus the phrasing newsrooms commonly
 * use). Written out rather than imported from the messages, so the lazily loaded sanitizer shares
 * no module with the bundle; a test checks every `related.read-also` message is in the list.
 */
export const READ_ALSO_LABELS: readonly string[] = Object.freeze([
  ...new Set([
    'read also', 'also read', 'read more', 'see also', 'related', 'more on this', 'more on this story',
    'lea también', 'lee también', 'leer más', 'lea más', 'ver también',
    'lire aussi', 'à lire aussi', 'a lire aussi', 'voir aussi', 'lire également',
    'lesen sie auch', 'lesen sie mehr', 'mehr zum thema', 'auch interessant',
    'اقرأ أيضا', 'اقرأ ايضا', 'اقرأ المزيد', 'اقرأ كذلك',
    'بیشتر بخوانید', 'بخوانید', 'این را هم بخوانید', 'همچنین بخوانید',
  ].map(normalizeLabel)),
]);

/** News agencies whose "AGENCY/Name" credit ends a caption. */
const AGENCIES = [
  'REUTERS', 'AP', 'AFP', 'EPA', 'EPA-EFE', 'EFE', 'GETTY IMAGES', 'GETTY', 'ANADOLU', 'ANADOLU AGENCY', 'XINHUA', 'TASS',
  'SPUTNIK', 'RIA NOVOSTI', 'UPI', 'ANSA', 'DPA', 'KYODO', 'YONHAP', 'PA', 'PA IMAGES', 'SIPA', 'ABACA', 'ZUMA', 'WANA',
  'IRNA', 'ISNA', 'BELGA', 'KEYSTONE', 'NTB', 'TT', 'LUSA', 'PAP', 'CTK', 'AAP', 'CP', 'POOL', 'HANDOUT',
];
const agencyCredit = new RegExp(
  `^([\\s\\S]*?)(?:^|[\\s\\u00a0]+)((?:${AGENCIES.map((a) => a.replace(/[-\s]/g, (c) => (c === '-' ? '\\-' : '[\\s\\u00a0]'))).join('|')})(?:\\s+via\\s+\\S+)?\\s*\\/\\s*[^\\s/][^/]*?)\\s*$`,
);
const labelledCredit = /^([\s\S]*?)[\s\u00a0]*\(((?:photo|photograph|picture|image|credit|photo credit|foto)s?\s*:\s*[^()]+?)\)\s*$/i;

const IMAGE_FILE = /\.(?:jpe?g|png|gif|webp|avif|svg)(?:[?#]|$)/i;

/**
 * Turns WordPress and plain figures into `<news-photo>`s and "read also" paragraphs into inline
 * `<news-related>`s, in place. `root` is the sanitized body (a fragment or an element).
 */
export function transformStoryBody(root: DocumentFragment | Element): StoryBodyTransformResult {
  const doc = root.ownerDocument;
  if (!doc) return { photos: 0, readAlso: 0 };
  let photos = 0;
  let readAlso = 0;
  for (const figure of [...root.querySelectorAll('figure, div.wp-caption')]) {
    if (toPhoto(doc, figure)) photos++;
  }
  for (const p of [...root.querySelectorAll('p')]) {
    if (toReadAlso(doc, p)) readAlso++;
  }
  return { photos, readAlso };
}

// ---------------------------------------------------------------------------------------------
// Photos

interface PhotoParts {
  img: HTMLImageElement;
  caption: Element | null;
  expandable: boolean;
}

/** The parts of a figure we know how to turn into a `<news-photo>`, or null. */
function photoParts(figure: Element): PhotoParts | null {
  const wordpress = figure.classList.contains('wp-block-image') || figure.classList.contains('wp-caption');
  if (!wordpress && figure.localName !== 'figure') return null;
  let img: HTMLImageElement | null = null;
  let link: Element | null = null;
  let caption: Element | null = null;
  for (const node of figure.childNodes) {
    if (node.nodeType === 3) {
      if (node.textContent?.trim()) return null;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const child = node as Element;
    const name = child.localName;
    if (name === 'img' && !img) img = child as HTMLImageElement;
    else if (name === 'a' && !img && isLinkedImage(child)) {
      link = child;
      img = child.querySelector('img');
    } else if (!caption && (name === 'figcaption' || (name === 'p' && child.classList.contains('wp-caption-text')))) {
      caption = child;
    } else if (name === 'br') continue;
    else return null;
  }
  if (!img) return null;
  if (!wordpress && !caption) return null;
  if (link && !IMAGE_FILE.test(link.getAttribute('href') ?? '')) return null;
  return { img, caption, expandable: !!link };
}

/** An `a` holding exactly one `img` and no text. */
function isLinkedImage(a: Element): boolean {
  return a.children.length === 1 && a.firstElementChild?.localName === 'img' && !a.textContent?.trim();
}

function toPhoto(doc: Document, figure: Element): boolean {
  const parts = photoParts(figure);
  if (!parts) return false;
  const { img, caption, expandable } = parts;
  const photo = doc.createElement('news-photo');
  for (const name of ['id', 'lang', 'dir']) {
    const value = figure.getAttribute(name);
    if (value !== null) photo.setAttribute(name, value);
  }
  // WordPress's alignment (already limited to the sanitizer's class list) stays for the story's CSS.
  const align = [...figure.classList].filter((token) => token.startsWith('align')).join(' ');
  if (align) photo.setAttribute('class', align);
  if (expandable) photo.setAttribute('expandable', '');
  if (!img.hasAttribute('loading')) img.setAttribute('loading', 'lazy');
  if (!img.hasAttribute('decoding')) img.setAttribute('decoding', 'async');
  photo.append(img);
  if (caption) {
    const span = doc.createElement('span');
    span.setAttribute('slot', 'caption');
    for (const name of ['lang', 'dir']) {
      const value = caption.getAttribute(name);
      if (value !== null) span.setAttribute(name, value);
    }
    appendInline(doc, span, caption);
    const credit = splitCredit(doc, span);
    if (span.textContent?.trim() || span.querySelector('img')) photo.append(span);
    if (credit) photo.append(credit);
  }
  figure.replaceWith(photo);
  return true;
}

/** Moves `from`'s content into `to`, unwrapping blocks (a `p` in a `figcaption`) into inline text. */
function appendInline(doc: Document, to: Element, from: Element): void {
  for (const node of [...from.childNodes]) {
    if (node.nodeType === 1 && ['p', 'div'].includes((node as Element).localName)) {
      if (to.childNodes.length && to.textContent?.trim()) to.append(doc.createTextNode(' '));
      appendInline(doc, to, node as Element);
    } else {
      to.append(node);
    }
  }
}

/** Cuts a trailing credit off the caption's last text node, as a `<span slot="credit">`. */
function splitCredit(doc: Document, caption: Element): Element | null {
  const blank: ChildNode[] = [];
  let last = caption.lastChild;
  while (last && last.nodeType === 3 && !last.textContent?.trim()) {
    blank.push(last);
    last = last.previousSibling;
  }
  if (!last || last.nodeType !== 3) return null;
  const match = agencyCredit.exec(last.textContent ?? '') ?? labelledCredit.exec(last.textContent ?? '');
  if (!match) return null;
  if (match[1]) last.textContent = match[1];
  else last.remove();
  for (const node of blank) node.remove();
  const credit = doc.createElement('span');
  credit.setAttribute('slot', 'credit');
  credit.textContent = match[2]!.replace(/\s+/g, ' ').trim();
  return credit;
}

// ---------------------------------------------------------------------------------------------
// Read also

/** Lower case, no Arabic-script harakat or tatweel, no symbols around, single spaces. */
function normalizeLabel(label: string): string {
  return label
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[\s\u00a0\u202f\u200c\u200f\u200e]+/g, ' ')
    .replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
}

function toReadAlso(doc: Document, p: Element): boolean {
  // One walk, no selectors: a long body has thousands of paragraphs, and jsdom's selector engine
  // is slow enough on a server to matter.
  const shape = paragraphShape(p);
  if (!shape) return false;
  const { a, before, after } = shape;
  const href = a.getAttribute('href');
  if (!href || after.trim()) return false;
  const match = /^([\s\S]*?)[\s\u00a0\u202f]*[:：]\s*$/.exec(before);
  if (!match) return false;
  const written = match[1]!.replace(/[\s\u00a0]+/g, ' ').replace(/^[^\p{L}]+/u, '').trim();
  if (!written || !READ_ALSO_LABELS.includes(normalizeLabel(written))) return false;
  const headline = (a.textContent ?? '').replace(/\s+/g, ' ').trim();
  if (!headline) return false;

  const relatedEl = doc.createElement('news-related');
  relatedEl.setAttribute('variant', 'inline');
  relatedEl.setAttribute('label', written);
  for (const name of ['id', 'lang', 'dir']) {
    const value = p.getAttribute(name);
    if (value !== null) relatedEl.setAttribute(name, value);
  }
  const ul = doc.createElement('ul');
  const li = doc.createElement('li');
  const link = doc.createElement('a');
  link.setAttribute('href', href);
  link.textContent = headline;
  li.append(link);
  ul.append(li);
  relatedEl.append(ul);
  p.replaceWith(relatedEl);
  return true;
}

const NOT_IN_READ_ALSO = new Set(['img', 'picture', 'iframe', 'news-photo', 'news-related', 'table', 'ul', 'ol']);

/**
 * A paragraph with exactly one link and nothing but text and inline markup around it: the link,
 * and the text before and after it (the link's own text in neither). Null for anything else.
 */
function paragraphShape(p: Element): { a: Element; before: string; after: string } | null {
  let a: Element | null = null;
  let before = '';
  let after = '';
  let ok = true;
  const walk = (node: Node): void => {
    for (let child = node.firstChild; child && ok; child = child.nextSibling) {
      if (child.nodeType === 3) {
        if (a) after += child.textContent;
        else before += child.textContent;
      } else if (child.nodeType === 1) {
        const name = (child as Element).localName;
        if (name === 'a') {
          if (a) ok = false;
          a = child as Element;
          const inside = child as Element;
          if (inside.getElementsByTagName('a').length || inside.getElementsByTagName('img').length || inside.getElementsByTagName('iframe').length) ok = false;
        } else if (NOT_IN_READ_ALSO.has(name)) {
          ok = false;
        } else {
          walk(child);
        }
      }
    }
  };
  walk(p);
  return ok && a ? { a, before, after } : null;
}
