import { safeLocale } from './localize.js';

// ISO 8601 as CMSs send it: a date, or a date-time with optional seconds, fraction and zone.
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** Parses an ISO 8601 date or date-time; `null` for anything else (including impossible dates). */
export function parseIsoDate(value: string | null | undefined): Date | null {
  if (!value) return null;
  const text = value.trim();
  if (!ISO_8601.test(text)) return null;
  // `+0300` is ISO 8601 but not in ECMAScript's date format: give every engine `+03:00`.
  const normalized = text.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
  const date = new Date(text.length === 10 ? `${text}T00:00:00Z` : normalized);
  if (Number.isNaN(date.getTime())) return null;
  // `new Date('2024-02-31')` rolls over to March; a CMS typo must not become another day.
  const [y, m, d] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  const check = new Date(0);
  // setUTCFullYear, not Date.UTC: Date.UTC maps years 0–99 to 1900–1999 (0000-02-29 is a real day).
  check.setUTCFullYear(y, m - 1, d);
  if (check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return null;
  return date;
}

export interface FormattedDate {
  /** The machine-readable value for `<time datetime>`. */
  datetime: string;
  /** The date as a reader of `lang` reads it. */
  text: string;
}

/**
 * Formats an ISO 8601 value for `<time>`: date only when the value has no time, date and time
 * otherwise. A date-only value is shown as that calendar day whatever the reader's time zone.
 * A date-time names its zone ("April 8, 2024 at 10:00 AM UTC"): news is read across zones.
 * (`dateStyle`/`timeStyle` cannot be combined with `timeZoneName`, hence the explicit fields.)
 */
export function formatDate(value: string | null | undefined, lang: string, timeZone?: string): FormattedDate | null {
  const date = parseIsoDate(value);
  if (!date || !value) return null;
  const dateOnly = value.trim().length === 10;
  const options: Intl.DateTimeFormatOptions = dateOnly
    ? { dateStyle: 'long', timeZone: 'UTC' }
    : {
        year: 'numeric',
        month: 'long',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
        ...(timeZone ? { timeZone } : {}),
      };
  return { datetime: value.trim(), text: dateFormatter(safeLocale(lang), options).format(date) };
}

/** Formatters by locale and options: creating one costs far more than formatting (ICU data). */
const dateFormatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}\u0000${JSON.stringify(options)}`;
  let formatter = dateFormatters.get(key);
  if (!formatter) {
    try {
      formatter = new Intl.DateTimeFormat(locale, options);
    } catch {
      // An unknown time zone (a typo in a site's config) throws a RangeError: use the reader's zone.
      formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone: undefined });
    }
    if (dateFormatters.size > 100) dateFormatters.clear();
    dateFormatters.set(key, formatter);
  }
  return formatter;
}

const listFormats = new Map<string, Intl.ListFormat>();

/** One `Intl.ListFormat` per locale and type: a byline joins many small lists. */
function listFormat(lang: string, type: Intl.ListFormatType): Intl.ListFormat {
  const locale = safeLocale(lang);
  const key = `${locale}|${type}`;
  let format = listFormats.get(key);
  if (!format) {
    format = new Intl.ListFormat(locale, { style: 'long', type });
    listFormats.set(key, format);
  }
  return format;
}

/** Joins names as `lang` does ("A, B and C", "A، B و C"). */
export function formatList(items: readonly string[], lang: string, type: Intl.ListFormatType = 'conjunction'): string {
  return listFormat(lang, type).format(items);
}

/**
 * The same join, as parts: the items themselves (any value: a name segment, a link) with the
 * language's own separators between them, so a caller can render each item as an element.
 */
export function listParts<T>(items: readonly T[], lang: string, type: Intl.ListFormatType = 'conjunction'): Array<string | T> {
  let index = 0;
  return listFormat(lang, type)
    .formatToParts(items.map((_, i) => String(i)))
    .map((part) => (part.type === 'element' ? (items[index++] as T) : part.value));
}

/** Only http(s) URLs (absolute or relative to the page) may become links. */
export function safeHttpUrl(value: string | null | undefined, base = 'https://example.invalid/'): string | null {
  if (!value) return null;
  try {
    const url = new URL(value.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? value.trim() : null;
  } catch {
    return null;
  }
}
