/**
 * The story model and its adapters (`news-elements/core`): our story JSON, WordPress REST posts,
 * schema.org JSON-LD, and `detectStory` / `parseStoryText`, which pick the adapter from the
 * source's shape. Pure: no DOM, safe on a server.
 */
export * from './model.js';
export { STORY_COMMENTS_FIELDS, STORY_FIELDS, STORY_IMAGE_FIELDS, STORY_IS_PART_OF_FIELDS, STORY_PUBLISHER_FIELDS, STORY_REQUIRED_FIELDS, storyFromJson, storyToJson, type StoryJson } from './json.js';
export { WORDPRESS_IMAGE_SIZES, splitCaptionCredit, storyFromWordPress, type WordPressStoryOptions } from './wordpress.js';
export { articleBodyToHtml, escapeHtml, extractJsonLd, serializeJsonLd, storyFromJsonLd, storyToJsonLd } from './jsonld.js';
export { detectStory, parseStoryText, type DetectStoryOptions } from './detect.js';
export { RTL_LANGUAGES, directionOf, languageTag } from './shared.js';
