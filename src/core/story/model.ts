/**
 * The story model, version 1: what `<news-story>` and `renderStory()` render, whatever the source
 * (our own story JSON, a WordPress REST post, schema.org `NewsArticle` JSON-LD). Pure types and
 * constants: no DOM, safe on a server. The JSON form of this model is our own story format,
 * described by `schema/story-v1.schema.json` and the README.
 *
 * Every string is plain text except `body`, which is HTML *as the source sent it*: it is never
 * trusted and goes through the sanitizer (`src/sanitize/`) before it reaches a DOM.
 */
import type { Credit } from '../credits.js';
import type { RelatedItem } from '../related.js';

/** The model version this code writes and reads. A JSON story with another `version` is refused. */
export const STORY_MODEL_VERSION = 1;

/** The `$schema`/`type` marker of our own JSON: `{"type": "news-story", "version": 1, …}`. */
export const STORY_TYPE = 'news-story';

/** The hero photo (or a body photo once the sanitizer has read it). */
export interface StoryImage {
  /** http(s) or relative URL. */
  src: string;
  /** `img` srcset, e.g. from WordPress's `media_details.sizes`. */
  srcset?: string;
  /** `img` sizes for `srcset`. */
  sizes?: string;
  width?: number;
  height?: number;
  /** Text alternative; `''` for a decorative image; `null` when the source gave none. */
  alt: string | null;
  /** Caption, plain text. */
  caption?: string;
  /** Credit, plain text ("REUTERS/Maxim Shemetov"). */
  credit?: string;
}

/** Who publishes the story: always shown, with "Read the original at <publisher>". */
export interface StoryPublisher {
  name: string;
  /** Home page, http(s). */
  url?: string;
  /** Logo URL, http(s) or relative. */
  logo?: string;
}

/** Where readers can comment, when the source has an endpoint. */
export interface StoryComments {
  /** Endpoint for `<news-comment-form action>`. */
  action: string;
  format: 'wordpress' | 'wordpress-form' | 'json';
  /** The post commented on (WordPress post id). */
  postId?: string;
  /** `false` when the source says comments are closed. */
  open: boolean;
}

/** One story, ready to render. */
export interface Story {
  version: typeof STORY_MODEL_VERSION;
  /** Canonical URL of the original (http(s)): the "Read the original" link. Required. */
  url: string;
  /** Plain text. Required (a story without a headline is refused). */
  headline: string;
  /** Publisher's own id of the story, if any. */
  id?: string;
  /** BCP 47 language of the story ("en", "fa"). */
  lang?: string;
  /** Text direction; derived from `lang` when absent. */
  dir?: 'ltr' | 'rtl';
  section?: string;
  kicker?: string;
  /** Summary under the headline, plain text. */
  dek?: string;
  /** ISO 8601. */
  published?: string;
  /** ISO 8601. */
  updated?: string;
  /** Credits, as `<news-byline>` takes them (`role`: author, reporting, writing, editing…). */
  credits: Credit[];
  image?: StoryImage;
  /** HTML as the source sent it (unsanitized); `''` when there is none. */
  body: string;
  related: RelatedItem[];
  publisher: StoryPublisher;
  /** The series or publication the story is part of (schema.org `isPartOf`). */
  isPartOf?: { name: string; url?: string };
  comments?: StoryComments;
}

/** Which adapter produced a story. */
export type StorySourceKind = 'news-story' | 'wordpress' | 'json-ld';

/** Something the adapter had to drop or guess, for the element to warn about once. */
export interface StoryProblem {
  /** The field of the source, e.g. "title.rendered", "_embedded.author", "image". */
  field: string;
  message: string;
}

/** What an adapter returns: a story (or null when nothing usable was found) and what was wrong. */
export interface StoryResult {
  story: Story | null;
  kind: StorySourceKind | null;
  problems: StoryProblem[];
}
