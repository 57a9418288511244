
/**
 * Strings of <news-story>. Keys start with `story.`.
 * `story.original` is the canonical link's sentence: `{publisher}` is the link.
 */
export const story = {
    'story.original': 'Read the original at {publisher}',
    'story.loading': 'Loading the story…',
    'story.error': 'This story could not be loaded here.',
    'story.error-link': 'Read it on the publisher’s site',
    'story.publisher': 'Published by {publisher}',
  } as const;

