/**
 * The related-article model and the adapters that produce it: our own list (`{ headline, url, … }`)
 * and a WordPress REST posts array (`/wp/v2/posts?_embed`). Pure: no DOM, safe on a server.
 */
import { safeHttpUrl } from './format.js';
import { htmlToText } from './text.js';
import { isRecord } from './values.js';

/** One related article, as `<news-related>` shows it. All text is plain text, never HTML. */
export interface RelatedItem {
  headline: string;
  /** http(s) or relative to the page. */
  url: string;
  /** Image URL (http(s) or relative); other schemes are dropped. */
  image?: string;
  /** Text alternative of the image; without it the image is decorative (`alt=""`). */
  imageAlt?: string;
  /** Section label ("Business"). */
  section?: string;
  /** ISO 8601 date or date-time. */
  published?: string;
  /** One-line summary. */
  dek?: string;
  /** `url` is neither http(s) nor relative (`javascript:`, `data:`): show the headline as text, never as a link. */
  unsafe?: boolean;
}

export interface NormalizedItems {
  items: RelatedItem[];
  /** What was wrong with the input, as fragments of a console warning ("is not a list of items"); empty when nothing was. */
  problems: string[];
}

type Json = Record<string, unknown>;

const obj = (value: unknown): Json | undefined => (isRecord(value) ? value : undefined);

/** A non-blank string, trimmed. */
const str = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** WordPress's `{ rendered: "<p>Caf&eacute;</p>" }` as plain text. */
const rendered = (value: unknown): string | undefined => str(htmlToText(str(obj(value)?.rendered) ?? ''));

/** A WordPress REST post: it has `title.rendered` (our list has `headline`). */
function isWordPressPost(value: Json): boolean {
  return typeof obj(value.title)?.rendered === 'string';
}

function fromWordPress(post: Json): Partial<RelatedItem> {
  const embedded = obj(post._embedded);
  const mediaList = embedded?.['wp:featuredmedia'];
  // An embedded media the reader may not see is an error object ({ code, message }): no source_url.
  const media = obj(Array.isArray(mediaList) ? mediaList[0] : undefined);
  const sizes = obj(obj(media?.media_details)?.sizes);
  const size = (name: string) => str(obj(sizes?.[name])?.source_url);
  const terms = embedded?.['wp:term'];
  const category = (Array.isArray(terms) ? terms.flat() : []).map(obj).find((term) => term?.taxonomy === 'category');
  // date_gmt is UTC written without a zone; `date` is the site's local time, zone unknown.
  const gmt = str(post.date_gmt);
  return {
    headline: rendered(post.title),
    url: str(post.link),
    // A card is a few hundred pixels wide: medium_large (768 px) is sharp at 2x without the full upload.
    image: size('medium_large') ?? size('large') ?? size('medium') ?? str(media?.source_url),
    imageAlt: str(media?.alt_text),
    section: str(htmlToText(str(category?.name) ?? '')),
    published: gmt ? (/(?:Z|[+-]\d\d:?\d\d)$/i.test(gmt) ? gmt : `${gmt}Z`) : str(post.date),
    dek: rendered(post.excerpt),
  };
}

function fromList(item: Json): Partial<RelatedItem> {
  return {
    headline: str(item.headline),
    url: str(item.url),
    image: str(item.image),
    imageAlt: str(item.imageAlt),
    section: str(item.section),
    published: str(item.published),
    dek: str(item.dek),
  };
}

/**
 * Reads a list of related items, in our shape or as a WordPress REST posts array (detected per
 * item). Items without a headline or a URL are skipped; a URL that is not http(s) or relative is
 * kept but marked `unsafe`; an image URL that is not is dropped. Each kind of problem is one entry
 * of `problems`, however many items have it.
 */
export function normalizeItems(input: unknown): NormalizedItems {
  if (!Array.isArray(input)) return { items: [], problems: ['is not a list of items'] };
  const items: RelatedItem[] = [];
  const unsafe: string[] = [];
  const images: string[] = [];
  let skipped = 0;
  for (const entry of input) {
    const source = obj(entry);
    const raw = source ? (isWordPressPost(source) ? fromWordPress(source) : fromList(source)) : {};
    if (!raw.headline || !raw.url) {
      skipped++;
      continue;
    }
    if (raw.image && !safeHttpUrl(raw.image)) {
      images.push(raw.image);
      delete raw.image;
    }
    if (!safeHttpUrl(raw.url)) {
      unsafe.push(raw.url);
      raw.unsafe = true;
    }
    // No `undefined` members: items compare and serialize as they were written.
    for (const key of Object.keys(raw) as Array<keyof RelatedItem>) if (raw[key] === undefined) delete raw[key];
    items.push(raw as RelatedItem);
  }
  const example = (values: string[]) => JSON.stringify(values[0]!.length > 60 ? `${values[0]!.slice(0, 60)}…` : values[0]);
  const count = (n: number) => `has ${n} ${n === 1 ? 'item' : 'items'}`;
  const problems: string[] = [];
  if (skipped) problems.push(`${count(skipped)} without a headline or a url; skipping them`);
  if (unsafe.length) {
    problems.push(`${count(unsafe.length)} whose url is not http(s) or relative (${example(unsafe)}); showing the headline as text, not as a link`);
  }
  if (images.length) problems.push(`${count(images.length)} whose image is not http(s) or relative (${example(images)}); leaving the image out`);
  return { items, problems };
}
