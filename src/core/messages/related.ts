import { messageArea } from './area.js';

/**
 * Strings of <news-related>. Keys start with `related.`.
 * `related.inline` is the inline line: `{label}` ("Read also") and `{link}` (the headline), in the
 * language's own punctuation (French sets a space before the colon).
 */
export const related = messageArea(
  {
    'related.heading': 'Related articles',
    'related.read-also': 'Read also',
    'related.inline': '{label}: {link}',
  },
  {
    ar: { 'related.heading': 'مقالات ذات صلة', 'related.read-also': 'اقرأ أيضاً', 'related.inline': '{label}: {link}' },
    fa: { 'related.heading': 'مطالب مرتبط', 'related.read-also': 'این را هم بخوانید', 'related.inline': '{label}: {link}' },
    es: { 'related.heading': 'Artículos relacionados', 'related.read-also': 'Lea también', 'related.inline': '{label}: {link}' },
    fr: { 'related.heading': 'Articles liés', 'related.read-also': 'À lire aussi', 'related.inline': '{label}\u00a0: {link}' },
    de: { 'related.heading': 'Verwandte Artikel', 'related.read-also': 'Lesen Sie auch', 'related.inline': '{label}: {link}' },
  },
);
