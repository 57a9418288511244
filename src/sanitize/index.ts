/**
 * `news-elements/sanitize`: the story-body sanitizer (DOMPurify with an allow-list for article
 * content) and the transform that turns WordPress figures and "read also" paragraphs into news
 * elements. Browser code (and any `Window`); on a server use `news-elements/sanitize/node`.
 * `<news-story>` loads this module only when a story has a body.
 */
export {
  sanitizeStoryBody,
  sanitizeStoryBodyToHtml,
  safeStoryUrl,
  safeSrcset,
  iframeSrc,
  StoryBodySanitizerError,
  TRUSTED_TYPES_POLICY_NAME,
  STORY_BODY_ID_PREFIX,
  STORY_BODY_TAGS,
  STORY_BODY_ATTRIBUTES,
  STORY_BODY_CLASSES,
  STORY_BODY_IFRAME_SOURCES,
  STORY_BODY_IFRAME_SANDBOX,
  STORY_BODY_IFRAME_ALLOW,
  STORY_BODY_IFRAME_TITLE,
  type SanitizeStoryBodyOptions,
  type StoryBodyWindow,
} from './story-body.js';
export { transformStoryBody, READ_ALSO_LABELS, type StoryBodyTransformResult } from './transform.js';
