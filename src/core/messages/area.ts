/** The languages news-elements ships. */
export type Lang = 'en' | 'ar' | 'fa' | 'es' | 'fr' | 'de';

/**
 * An area's translations: for each language but English, every key of the English strings `E`.
 * The compiler rejects a translation that misses or adds a key.
 */
export type Translations<E extends Record<string, string>> = Record<Exclude<Lang, 'en'>, Readonly<Record<keyof E, string>>>;
