/**
 * Every visible string of news-elements. English is the source, shipped with the elements; the
 * other languages (`Lang`) are loaded on first use, one file per area (`messages/<area>.i18n.ts`),
 * so an English page downloads none of them and a Persian page fetches them before its elements
 * first render (NewsElement waits: no English flash). A missing translation falls back to English.
 * `{name}` is a placeholder. Pure data: no DOM, safe to import on a server (which loads every
 * translation up front: messages/all.ts).
 */
import type { Lang, Translations } from './messages/area.js';
import type { commentForm } from './messages/comment-form.js';
import type { related } from './messages/related.js';
import type { story } from './messages/story.js';

export const baseEn = {
  'photo.expand': 'View full image',
  'photo.close': 'Close',
  'photo.unavailable': 'Image unavailable',
  'byline.group-separator': '; ',
  'byline.author': 'By {names}',
  'byline.reporting': 'Reporting by {names}',
  'byline.additional-reporting': 'Additional reporting by {names}',
  'byline.writing': 'Writing by {names}',
  'byline.editing': 'Editing by {names}',
  'byline.photography': 'Photography by {names}',
  'byline.other': '{role}: {names}',
  'byline.in-place': '{names} in {place}',
  'article.published': 'Published {date}',
  'article.updated': 'Updated {date}',
} as const;

// Each later element keeps its strings in its own file under messages/ and registers them when its
// module loads (`registerMessages`), so a page (or bundle) with only some elements carries only
// their strings. The keys of every area are known to the compiler here, as types only.
type AreaKey = keyof typeof related | keyof typeof commentForm | keyof typeof story;

export type MessageKey = keyof typeof baseEn | AreaKey;
export type Catalog = Readonly<Record<MessageKey, string>>;

type Loader = () => Promise<{ translations: Translations<Record<string, string>> }>;

const live: Record<Lang, Record<string, string>> = { en: { ...baseEn }, ar: {}, fa: {}, es: {}, fr: {}, de: {} };
/** Translation files registered and not loaded yet. */
const pending = new Set<Loader>([() => import('./messages/base.i18n.js')]);
let loading = 0;
let loaded: Promise<void> = Promise.resolve();

/** Adds loaded translations to the catalogs (idempotent). */
export function addTranslations(translations: Partial<Translations<Record<string, string>>>): void {
  for (const [lang, strings] of Object.entries(translations)) if (lang in live && strings) Object.assign(live[lang as Lang], strings);
}

/**
 * Adds an element's English strings, and the loader of their translations (a dynamic import of
 * its `.i18n` file), fetched once a page needs another language. Called by the element's module.
 */
export function registerMessages(en: Readonly<Record<string, string>>, translations?: Loader): void {
  Object.assign(live.en, en);
  if (translations) pending.add(translations);
}

/**
 * Loads every registered translation not loaded yet; resolves when they are in the catalogs
 * (never rejects: a file that cannot be fetched leaves its strings in English, with one warning).
 */
export function loadTranslations(): Promise<void> {
  if (pending.size === 0) return loaded;
  const batch = [...pending];
  pending.clear();
  loading++;
  const done = Promise.all(
    batch.map((load) =>
      load().then(
        (module) => addTranslations(module.translations),
        (error: unknown) => {
          try {
            console.warn(`[news-elements] translations could not be loaded (${String(error)}); showing English.`);
          } catch {
            /* a console that throws must not break the page */
          }
        },
      ),
    ),
  ).then(() => {
    loading--;
  });
  loaded = Promise.all([loaded, done]).then(() => undefined);
  return loaded;
}

/**
 * For an element about to render in `lang`: a promise while that language's strings are still to
 * load (it starts loading them), else `undefined` (English, an unshipped language, or loaded).
 */
export function translationsPending(lang: string): Promise<void> | undefined {
  const primary = lang.toLowerCase().split(/[-_]/)[0] ?? 'en';
  if (primary === 'en' || !(primary in live)) return undefined;
  if (pending.size === 0 && loading === 0) return undefined;
  return loadTranslations();
}

/** English: the source catalog. Holds an area's keys once that area is registered. */
export const en = live.en as Catalog;

/** The catalogs, by primary language subtag: English at once, the others once loaded (`loadTranslations`). */
export const catalogs: Readonly<Record<string, Catalog>> = live as Record<Lang, Catalog>;
