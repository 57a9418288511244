/** The languages news-elements ships. */
export type Lang = 'en' | 'ar' | 'fa' | 'es' | 'fr' | 'de';

/**
 * One area's strings (an element's), in every shipped language. English is written first and
 * its keys are the contract: the compiler rejects a translation that misses or adds a key.
 */
export function messageArea<const E extends Record<string, string>>(
  en: E,
  translations: Record<Exclude<Lang, 'en'>, Record<keyof E, string>>,
): { readonly en: E } & Record<Exclude<Lang, 'en'>, Readonly<Record<keyof E, string>>> {
  return { en, ...translations };
}

/** Any area's strings, as `registerMessages` takes them. */
export type MessageArea = { readonly en: Readonly<Record<string, string>> } & Record<Exclude<Lang, 'en'>, Readonly<Record<string, string>>>;
