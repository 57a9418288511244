import { catalogs, en, type Catalog, type MessageKey } from './messages.js';

export type { MessageKey } from './messages.js';

/** The catalog for a BCP 47 tag (`fa-IR` → `fa`), English when the language is not shipped. */
export function catalogFor(lang: string): Catalog {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? 'en';
  return catalogs[primary] ?? en;
}

/** An Intl-valid locale for `lang`: a malformed tag falls back to English instead of throwing. */
export function safeLocale(lang: string): string {
  try {
    return Intl.getCanonicalLocales(lang)[0] ?? 'en';
  } catch {
    return 'en';
  }
}

/**
 * Looks up `key` for `lang` and returns it split around its `{placeholders}`, each replaced by
 * its value from `params`. Values may be anything (a Lit template, a link): the caller renders the
 * array, so translated word order is kept while names stay elements.
 */
export function translateParts<T>(lang: string, key: MessageKey, params: Record<string, T>): Array<string | T> {
  const template = catalogFor(lang)[key] ?? en[key];
  const out: Array<string | T> = [];
  let last = 0;
  for (const match of template.matchAll(/\{(\w+)\}/g)) {
    const name = match[1] as string;
    if (!(name in params)) continue;
    if (match.index > last) out.push(template.slice(last, match.index));
    out.push(params[name] as T);
    last = match.index + match[0].length;
  }
  if (last < template.length) out.push(template.slice(last));
  return out;
}

/** Looks up `key` for `lang` and fills `{placeholders}` from `params`, as one string. */
export function translate(lang: string, key: MessageKey, params: Record<string, string> = {}): string {
  return translateParts(lang, key, params).join('');
}
