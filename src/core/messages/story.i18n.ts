// The translations of story.ts's strings, loaded on first use by a page in one of these languages.
import type { Translations } from './area.js';
import type { story } from './story.js';

export const translations: Translations<typeof story> = {
    ar: {
      'story.original': 'اقرأ الأصل على {publisher}',
      'story.loading': 'جارٍ تحميل القصة…',
      'story.error': 'تعذّر تحميل هذه القصة هنا.',
      'story.error-link': 'اقرأها على موقع الناشر',
      'story.publisher': 'نشرتها {publisher}',
    },
    fa: {
      'story.original': 'اصل مطلب را در {publisher} بخوانید',
      'story.loading': 'در حال بارگذاری مطلب…',
      'story.error': 'این مطلب اینجا بارگذاری نشد.',
      'story.error-link': 'آن را در وب‌سایت ناشر بخوانید',
      'story.publisher': 'منتشرشده در {publisher}',
    },
    es: {
      'story.original': 'Lea el original en {publisher}',
      'story.loading': 'Cargando la noticia…',
      'story.error': 'No se pudo cargar esta noticia aquí.',
      'story.error-link': 'Léala en el sitio del editor',
      'story.publisher': 'Publicado por {publisher}',
    },
    fr: {
      'story.original': 'Lire l’original sur {publisher}',
      'story.loading': 'Chargement de l’article…',
      'story.error': 'Cet article n’a pas pu être chargé ici.',
      'story.error-link': 'Le lire sur le site de l’éditeur',
      'story.publisher': 'Publié par {publisher}',
    },
    de: {
      'story.original': 'Original lesen bei {publisher}',
      'story.loading': 'Artikel wird geladen …',
      'story.error': 'Dieser Artikel konnte hier nicht geladen werden.',
      'story.error-link': 'Auf der Website des Verlags lesen',
      'story.publisher': 'Veröffentlicht von {publisher}',
    },
  };
