/**
 * Small readers the story adapters share: trimmed text, canonical URLs, language tags and their
 * direction, ISO dates, srcset checks. Pure: no DOM, never throw.
 */
import { parseIsoDate, safeHttpUrl } from '../format.js';
import type { Credit } from '../credits.js';
import { isRecord } from '../values.js';
import type { Story, StoryProblem, StoryPublisher } from './model.js';

export type Json = Record<string, unknown>;

/** A plain object, or `undefined`. */
export const obj = (value: unknown): Json | undefined => (isRecord(value) ? value : undefined);

/** A non-blank string, trimmed; `undefined` for anything else. */
export const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** What a value is, for a problem message ("a number", "an array"). */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${/^[aeiou]/.test(typeof value) ? 'an' : 'a'} ${typeof value}`;
}

/** Long hostile values are shortened in messages: a console line, not a dump. */
export function clip(value: string, max = 60): string {
  return value.length > max ? `${value.slice(0, max)}…` : value;
}

/** Collects problems; `add` returns `undefined` so a reader can `return add(…)`. */
export class Problems {
  readonly list: StoryProblem[] = [];
  add(field: string, message: string): undefined {
    this.list.push({ field, message });
    return undefined;
  }
}

/**
 * An absolute http(s) URL (the canonical link of a story, a publisher's home page), trimmed;
 * `null` for a relative URL, another scheme or no URL at all.
 */
export function absoluteHttpUrl(value: unknown): string | null {
  const raw = text(value);
  if (!raw) return null;
  try {
    const { protocol } = new URL(raw);
    return protocol === 'http:' || protocol === 'https:' ? raw : null;
  } catch {
    return null;
  }
}

/** An http(s) or relative URL, trimmed (`safeHttpUrl`); `null` otherwise. */
export function httpOrRelativeUrl(value: unknown): string | null {
  return typeof value === 'string' ? safeHttpUrl(value) : null;
}

// BCP 47, loosely: a 2–3 letter language, then subtags of 1–8 letters/digits. (5–8 letter language
// subtags are reserved and none is registered: "English" is a name, not a tag.)
const LANGUAGE_TAG = /^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/;

/**
 * A BCP 47 language tag in its canonical case ("EN-us" → "en-US"); `null` when it is not one.
 * `Intl.getCanonicalLocales` is pure (no DOM) and checks the subtags' grammar.
 */
export function languageTag(value: unknown): string | null {
  const raw = text(value)?.replace(/_/g, '-');
  if (!raw || !LANGUAGE_TAG.test(raw)) return null;
  try {
    return Intl.getCanonicalLocales(raw)[0] ?? null;
  } catch {
    return null;
  }
}

/** Languages written right to left in their usual script. */
export const RTL_LANGUAGES: readonly string[] = ['ar', 'fa', 'he', 'ur', 'ps', 'ckb', 'yi', 'dv', 'sd', 'ug'];
const RTL_SCRIPTS = ['arab', 'hebr', 'thaa', 'syrc', 'nkoo', 'adlm', 'rohg', 'mand', 'samr'];

/**
 * The direction of a language tag: `rtl` for the languages of `RTL_LANGUAGES` and for tags naming
 * a right-to-left script ("az-Arab"); a script subtag wins over the language ("sd-Deva" is `ltr`).
 */
export function directionOf(lang: string): 'ltr' | 'rtl' {
  const [language = '', ...subtags] = lang.toLowerCase().split('-');
  const script = subtags.find((subtag) => /^[a-z]{4}$/.test(subtag));
  if (script) return RTL_SCRIPTS.includes(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.includes(language) ? 'rtl' : 'ltr';
}

/** An ISO 8601 date or date-time that names a real day, trimmed; `null` otherwise. */
export function isoDate(value: unknown): string | null {
  const raw = text(value);
  return raw && parseIsoDate(raw) ? raw : null;
}

/** A whole number > 0 (a pixel size), from a number or digits; `null` otherwise. */
export function pixels(value: unknown): number | null {
  const number = typeof value === 'string' && /^\s*\d{1,7}\s*$/.test(value) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number > 0 && number < 1e7 ? number : null;
}

/**
 * Whether every candidate of a `srcset` is an http(s) or relative URL followed by an optional
 * `Nw` or `Nx` descriptor. (A URL with a comma in it must be percent-encoded in a srcset anyway.)
 */
export function isSafeSrcset(srcset: string): boolean {
  const candidates = srcsetCandidates(srcset);
  return (
    candidates.length > 0 &&
    candidates.every((candidate) => {
      const [url, descriptor, ...rest] = candidate.split(/\s+/);
      return rest.length === 0 && !!safeHttpUrl(url) && (descriptor === undefined || /^\d+(?:\.\d+)?[wx]$/.test(descriptor));
    })
  );
}

/**
 * The publisher a source did not name: the canonical URL's host as the name and its origin as
 * the home page (for "Read the original at news.example").
 */
export function publisherFromUrl(url: string): StoryPublisher {
  const { host, origin } = new URL(url);
  return { name: host, url: `${origin}/` };
}

/** Sets `lang` and `dir` on a story: `dir` as given when valid, else derived from `lang`. */
export function applyLanguage(story: Story, lang: string | null, dir: unknown, problems: Problems, dirField = 'dir'): void {
  if (lang) story.lang = lang;
  if (dir === 'ltr' || dir === 'rtl') story.dir = dir;
  else {
    if (dir !== undefined && dir !== null) problems.add(dirField, `must be "ltr" or "rtl", got ${JSON.stringify(dir)}; derived from the language instead`);
    if (lang) story.dir = directionOf(lang);
  }
}

/** A problem as one line: "field: message", or the message alone for the source as a whole. */
export function problemText(problem: StoryProblem): string {
  return problem.field ? `${problem.field}: ${problem.message}` : problem.message;
}

/** Removes `undefined` members, so stories compare and serialize as they were written. */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as Array<keyof T>) if (value[key] === undefined) delete value[key];
  return value;
}

/** `{ name, role, location?, url? }` as parseCredits takes it, without empty members. */
export function credit(name: string, role: string, location?: string, url?: string): Credit {
  return compact({ name, role, location, url });
}

/** The candidates of a `srcset` ("url 600w"), trimmed. */
function srcsetCandidates(srcset: string): string[] {
  return srcset
    .split(/,\s+|,(?=\S)/)
    .map((candidate) => candidate.trim())
    .filter(Boolean);
}

/** `url` made absolute against `base` (a story's canonical URL); `undefined` when there is none or it cannot be. */
export function absoluteUrl(url: string | undefined, base: string): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url, base).href;
  } catch {
    return undefined;
  }
}

/** `url` made absolute against `base`; unchanged when it cannot be. */
export function resolveUrl(url: string, base: string): string {
  return absoluteUrl(url, base) ?? url;
}

/** Every candidate URL of a `srcset` made absolute against `base`, descriptors kept. */
export function resolveSrcset(srcset: string, base: string): string {
  return srcsetCandidates(srcset)
    .map((candidate) => {
      const [url, ...descriptor] = candidate.split(/\s+/);
      return [resolveUrl(url ?? '', base), ...descriptor].join(' ');
    })
    .join(', ');
}

/**
 * The story with its relative URLs (hero image and srcset, credit links, related links and
 * images, the comment endpoint, the publisher's and `isPartOf` links and logo) made absolute
 * against its canonical URL, as its body's URLs are by the sanitizer: on a partner's page a
 * relative URL would otherwise point at the partner's site. A story whose `url` is not absolute
 * is returned as it is.
 */
export function resolveStoryUrls(story: Story): Story {
  const base = absoluteHttpUrl(story.url);
  if (!base) return story;
  const abs = (url: string | undefined) => (url === undefined ? undefined : resolveUrl(url, base));
  return compact({
    ...story,
    credits: story.credits.map((c) => (c.url === undefined ? c : { ...c, url: resolveUrl(c.url, base) })),
    image: story.image && compact({ ...story.image, src: resolveUrl(story.image.src, base), srcset: story.image.srcset && resolveSrcset(story.image.srcset, base) }),
    related: story.related.map((r) => (r.unsafe ? r : compact({ ...r, url: resolveUrl(r.url, base), image: abs(r.image) }))),
    publisher: compact({ ...story.publisher, url: abs(story.publisher.url), logo: abs(story.publisher.logo) }),
    isPartOf: story.isPartOf && compact({ ...story.isPartOf, url: abs(story.isPartOf.url) }),
    comments: story.comments && { ...story.comments, action: resolveUrl(story.comments.action, base) },
  });
}
