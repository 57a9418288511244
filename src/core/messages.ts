/**
 * Every visible string of news-elements, in every language it ships with.
 * English is the source; a missing translation falls back to it. `{name}` is a placeholder.
 * Pure data: no DOM, safe to import on a server.
 */
import type { Lang, MessageArea } from './messages/area.js';
import type { commentForm } from './messages/comment-form.js';
import type { related } from './messages/related.js';
import type { story } from './messages/story.js';

const baseEn = {
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

type BaseCatalog = Readonly<Record<keyof typeof baseEn, string>>;

const baseAr: BaseCatalog = {
  'photo.expand': 'عرض الصورة كاملة',
  'photo.close': 'إغلاق',
  'photo.unavailable': 'الصورة غير متاحة',
  'byline.group-separator': '؛ ',
  'byline.author': 'بقلم {names}',
  'byline.reporting': 'تغطية {names}',
  'byline.additional-reporting': 'شارك في التغطية {names}',
  'byline.writing': 'كتابة {names}',
  'byline.editing': 'تحرير {names}',
  'byline.photography': 'تصوير {names}',
  'byline.other': '{role}: {names}',
  'byline.in-place': '{names} في {place}',
  'article.published': 'نُشر في {date}',
  'article.updated': 'حُدّث في {date}',
};

const baseFa: BaseCatalog = {
  'photo.expand': 'نمایش تصویر کامل',
  'photo.close': 'بستن',
  'photo.unavailable': 'تصویر در دسترس نیست',
  'byline.group-separator': '؛ ',
  'byline.author': 'نوشتهٔ {names}',
  'byline.reporting': 'گزارش از {names}',
  'byline.additional-reporting': 'گزارش تکمیلی از {names}',
  'byline.writing': 'نگارش {names}',
  'byline.editing': 'ویرایش {names}',
  'byline.photography': 'عکس از {names}',
  'byline.other': '{role}: {names}',
  'byline.in-place': '{names} در {place}',
  'article.published': 'منتشرشده در {date}',
  'article.updated': 'به‌روزشده در {date}',
};

const baseEs: BaseCatalog = {
  'photo.expand': 'Ver imagen completa',
  'photo.close': 'Cerrar',
  'photo.unavailable': 'Imagen no disponible',
  'byline.group-separator': '; ',
  'byline.author': 'Por {names}',
  'byline.reporting': 'Información de {names}',
  'byline.additional-reporting': 'Información adicional de {names}',
  'byline.writing': 'Redacción de {names}',
  'byline.editing': 'Edición de {names}',
  'byline.photography': 'Fotografía de {names}',
  'byline.other': '{role}: {names}',
  'byline.in-place': '{names} en {place}',
  'article.published': 'Publicado el {date}',
  'article.updated': 'Actualizado el {date}',
};

const baseFr: BaseCatalog = {
  'photo.expand': "Voir l’image en entier",
  'photo.close': 'Fermer',
  'photo.unavailable': 'Image indisponible',
  'byline.group-separator': ' ; ',
  'byline.author': 'Par {names}',
  'byline.reporting': 'Reportage de {names}',
  'byline.additional-reporting': 'Reportage complémentaire de {names}',
  'byline.writing': 'Rédaction de {names}',
  'byline.editing': 'Édition de {names}',
  'byline.photography': 'Photographie de {names}',
  'byline.other': '{role} : {names}',
  'byline.in-place': '{names} à {place}',
  'article.published': 'Publié le {date}',
  'article.updated': 'Mis à jour le {date}',
};

const baseDe: BaseCatalog = {
  'photo.expand': 'Bild in voller Größe anzeigen',
  'photo.close': 'Schließen',
  'photo.unavailable': 'Bild nicht verfügbar',
  'byline.group-separator': '; ',
  'byline.author': 'Von {names}',
  'byline.reporting': 'Berichterstattung: {names}',
  'byline.additional-reporting': 'Zusätzliche Berichterstattung: {names}',
  'byline.writing': 'Text: {names}',
  'byline.editing': 'Redaktion: {names}',
  'byline.photography': 'Fotos: {names}',
  'byline.other': '{role}: {names}',
  'byline.in-place': '{names} in {place}',
  'article.published': 'Veröffentlicht am {date}',
  'article.updated': 'Aktualisiert am {date}',
};

// Each later element keeps its strings in its own file under messages/ and registers them when its
// module loads (`registerMessages`), so a page (or bundle) with only some elements carries only
// their strings. The keys of every area are known to the compiler here, as types only.
type AreaKey = keyof (typeof related)['en'] | keyof (typeof commentForm)['en'] | keyof (typeof story)['en'];

export type MessageKey = keyof typeof baseEn | AreaKey;
export type Catalog = Readonly<Record<MessageKey, string>>;

const live: Record<Lang, Record<string, string>> = {
  en: { ...baseEn },
  ar: { ...baseAr },
  fa: { ...baseFa },
  es: { ...baseEs },
  fr: { ...baseFr },
  de: { ...baseDe },
};

/** Adds an element's strings to every catalog (idempotent). Called by the element's module. */
export function registerMessages(area: MessageArea): void {
  for (const lang of Object.keys(live) as Lang[]) Object.assign(live[lang], area[lang]);
}

/** English: the source catalog. Holds an area's keys once that area is registered. */
export const en = live.en as Catalog;

/** The shipped catalogs, by primary language subtag. */
export const catalogs: Readonly<Record<string, Catalog>> = live as Record<Lang, Catalog>;
