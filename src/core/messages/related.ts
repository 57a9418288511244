
/**
 * Strings of <news-related>. Keys start with `related.`.
 * `related.inline` is the inline line: `{label}` ("Read also") and `{link}` (the headline), in the
 * language's own punctuation (French sets a space before the colon).
 */
export const related = {
    'related.heading': 'Related articles',
    'related.read-also': 'Read also',
    'related.inline': '{label}: {link}',
  } as const;

