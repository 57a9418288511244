// The translations of related.ts's strings, loaded on first use by a page in one of these languages.
import type { Translations } from './area.js';
import type { related } from './related.js';

export const translations: Translations<typeof related> = {
    ar: { 'related.heading': 'مقالات ذات صلة', 'related.read-also': 'اقرأ أيضاً', 'related.inline': '{label}: {link}' },
    fa: { 'related.heading': 'مطالب مرتبط', 'related.read-also': 'این را هم بخوانید', 'related.inline': '{label}: {link}' },
    es: { 'related.heading': 'Artículos relacionados', 'related.read-also': 'Lea también', 'related.inline': '{label}: {link}' },
    fr: { 'related.heading': 'Articles liés', 'related.read-also': 'À lire aussi', 'related.inline': '{label}\u00a0: {link}' },
    de: { 'related.heading': 'Verwandte Artikel', 'related.read-also': 'Lesen Sie auch', 'related.inline': '{label}: {link}' },
  };
