/**
 * Our own story JSON: `{ "type": "news-story", "version": 1, "url": …, "headline": …, … }`, the
 * story model written as JSON (described by `schema/story-v1.schema.json`). `storyFromJson`
 * validates it field by field; `storyToJson` writes it (what `renderStory` embeds). Pure: no DOM.
 */
import { parseCredits, type Credit } from '../credits.js';
import { normalizeItems, type RelatedItem } from '../related.js';
import { readJsonInput } from '../values.js';
import {
  STORY_MODEL_VERSION,
  STORY_TYPE,
  type Story,
  type StoryComments,
  type StoryImage,
  type StoryPublisher,
  type StoryResult,
} from './model.js';
import {
  Problems,
  absoluteHttpUrl,
  applyLanguage,
  clip,
  compact,
  describe,
  httpOrRelativeUrl,
  isSafeSrcset,
  isoDate,
  languageTag,
  obj,
  pixels,
  publisherFromUrl,
  text,
  type Json,
} from './shared.js';

/** Our story JSON: the model plus its `type` marker. */
export type StoryJson = { type: typeof STORY_TYPE } & Story;

/** One key per member, so the compiler says when the model gains a field these lists miss. */
type Every<T> = { [K in keyof Required<T>]: true };
const keysOf = <T>(every: Every<T>) => Object.keys(every) as Array<keyof T>;

/** The members of a story, in the order `storyToJson` writes them (the body last: it is the long one). */
export const STORY_FIELDS = keysOf<Story>({
  version: true,
  url: true,
  id: true,
  lang: true,
  dir: true,
  publisher: true,
  isPartOf: true,
  section: true,
  kicker: true,
  headline: true,
  dek: true,
  published: true,
  updated: true,
  credits: true,
  image: true,
  related: true,
  comments: true,
  body: true,
});

/** The members of `image`, `publisher`, `comments` and `isPartOf`. */
export const STORY_IMAGE_FIELDS = keysOf<StoryImage>({
  src: true,
  srcset: true,
  sizes: true,
  width: true,
  height: true,
  alt: true,
  caption: true,
  credit: true,
});
export const STORY_PUBLISHER_FIELDS = keysOf<StoryPublisher>({ name: true, url: true, logo: true });
export const STORY_COMMENTS_FIELDS = keysOf<StoryComments>({ action: true, format: true, postId: true, open: true });
export const STORY_IS_PART_OF_FIELDS = keysOf<NonNullable<Story['isPartOf']>>({ name: true, url: true });

/**
 * What a story JSON must have to be read without a problem (the schema's `required`). Without
 * `version` 1, an http(s) `url` or a `headline` it is refused; without `type` or `publisher` it is
 * read with a problem (the publisher is then named after the URL's host).
 */
export const STORY_REQUIRED_FIELDS = ['type', 'version', 'url', 'headline', 'publisher'] as const;

const COMMENT_FORMATS: ReadonlyArray<StoryComments['format']> = ['wordpress', 'wordpress-form', 'json'];

/** Reports the members of `source` that are not in `known` (typos, fields of another version). */
function unknownFields(source: Json, known: readonly string[], field: string, problems: Problems): void {
  const extra = Object.keys(source).filter((key) => !known.includes(key));
  if (extra.length) {
    const list = extra.slice(0, 5).map((key) => JSON.stringify(clip(key, 30))).join(', ');
    problems.add(field, `has unknown ${extra.length === 1 ? 'field' : 'fields'} ${list}${extra.length > 5 ? ', …' : ''}; ignored`);
  }
}

/** An optional text member: trimmed, blank → absent, another type → a problem. */
function optionalText(source: Json, key: string, field: string, problems: Problems): string | undefined {
  const value = source[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') return problems.add(field, `must be a string, got ${describe(value)}; ignored`);
  return text(value);
}

function readImage(value: unknown, problems: Problems): StoryImage | undefined {
  if (value === undefined || value === null) return undefined;
  const source = obj(value);
  if (!source) return problems.add('image', `must be an object { src, alt, … }, got ${describe(value)}; no image`);
  unknownFields(source, STORY_IMAGE_FIELDS, 'image', problems);
  const rawSrc = source.src;
  const src = httpOrRelativeUrl(rawSrc);
  if (!src) {
    return problems.add(
      'image.src',
      typeof rawSrc === 'string' && rawSrc.trim()
        ? `is not an http(s) or relative URL (${clip(rawSrc.trim(), 40)}); no image`
        : 'is missing; no image',
    );
  }
  let alt: string | null = null;
  if (typeof source.alt === 'string') alt = source.alt.trim();
  else if (source.alt !== undefined && source.alt !== null) problems.add('image.alt', `must be a string, got ${describe(source.alt)}; ignored`);
  const image: StoryImage = { src, alt };
  const srcset = optionalText(source, 'srcset', 'image.srcset', problems);
  if (srcset) {
    if (isSafeSrcset(srcset)) image.srcset = srcset;
    else problems.add('image.srcset', `has a candidate that is not an http(s) or relative URL with a w/x descriptor (${clip(srcset, 40)}); ignored`);
  }
  image.sizes = optionalText(source, 'sizes', 'image.sizes', problems);
  for (const key of ['width', 'height'] as const) {
    const raw = source[key];
    if (raw === undefined || raw === null) continue;
    // Our JSON says numbers: a string "1200" is a mistake worth a warning, not a size.
    const size = typeof raw === 'number' ? pixels(raw) : null;
    if (size) image[key] = size;
    else problems.add(`image.${key}`, `must be a whole number of pixels > 0, got ${JSON.stringify(raw) ?? describe(raw)}; ignored`);
  }
  image.caption = optionalText(source, 'caption', 'image.caption', problems);
  image.credit = optionalText(source, 'credit', 'image.credit', problems);
  return compact(image);
}

function readPublisher(value: unknown, url: string, problems: Problems): StoryPublisher {
  const fallback = (reason: string) => {
    const publisher = publisherFromUrl(url);
    problems.add('publisher', `${reason}; named after the story's host (${publisher.name})`);
    return publisher;
  };
  if (value === undefined || value === null) return fallback('is missing');
  const source = obj(value);
  if (!source) return fallback(`must be an object { name, url?, logo? }, got ${describe(value)}`);
  unknownFields(source, STORY_PUBLISHER_FIELDS, 'publisher', problems);
  const name = optionalText(source, 'name', 'publisher.name', problems);
  const publisher: StoryPublisher = name ? { name } : fallback('has no "name"');
  if (source.url !== undefined && source.url !== null) {
    const home = absoluteHttpUrl(source.url);
    if (home) publisher.url = home;
    else problems.add('publisher.url', `is not an absolute http(s) URL (${clip(String(source.url), 40)}); ignored`);
  }
  if (source.logo !== undefined && source.logo !== null) {
    const logo = httpOrRelativeUrl(source.logo);
    if (logo) publisher.logo = logo;
    else problems.add('publisher.logo', `is not an http(s) or relative URL (${clip(String(source.logo), 40)}); ignored`);
  }
  return publisher;
}

function readIsPartOf(value: unknown, problems: Problems): Story['isPartOf'] {
  if (value === undefined || value === null) return undefined;
  const source = obj(value);
  if (!source) return problems.add('isPartOf', `must be an object { name, url? }, got ${describe(value)}; ignored`);
  unknownFields(source, STORY_IS_PART_OF_FIELDS, 'isPartOf', problems);
  const name = optionalText(source, 'name', 'isPartOf.name', problems);
  if (!name) return problems.add('isPartOf.name', 'is missing; isPartOf ignored');
  const part: NonNullable<Story['isPartOf']> = { name };
  if (source.url !== undefined && source.url !== null) {
    const url = httpOrRelativeUrl(source.url);
    if (url) part.url = url;
    else problems.add('isPartOf.url', `is not an http(s) or relative URL (${clip(String(source.url), 40)}); ignored`);
  }
  return part;
}

function readComments(value: unknown, problems: Problems): StoryComments | undefined {
  if (value === undefined || value === null) return undefined;
  const source = obj(value);
  if (!source) return problems.add('comments', `must be an object { action, format, postId?, open? }, got ${describe(value)}; no comment form`);
  unknownFields(source, STORY_COMMENTS_FIELDS, 'comments', problems);
  const action = httpOrRelativeUrl(source.action);
  if (!action) return problems.add('comments.action', 'is missing or not an http(s) or relative URL; no comment form');
  const format = source.format as StoryComments['format'];
  if (!COMMENT_FORMATS.includes(format)) {
    return problems.add('comments.format', `must be one of ${COMMENT_FORMATS.join(', ')}, got ${JSON.stringify(source.format) ?? 'nothing'}; no comment form`);
  }
  const comments: StoryComments = { action, format, open: true };
  if (typeof source.postId === 'number' && Number.isFinite(source.postId)) comments.postId = String(source.postId);
  else if (text(source.postId)) comments.postId = text(source.postId);
  else if (source.postId !== undefined && source.postId !== null) problems.add('comments.postId', `must be a string or a number, got ${describe(source.postId)}; ignored`);
  if (typeof source.open === 'boolean') comments.open = source.open;
  else if (source.open !== undefined && source.open !== null) problems.add('comments.open', `must be true or false, got ${describe(source.open)}; taken as open`);
  return comments;
}

function readCredits(value: unknown, problems: Problems): Credit[] {
  if (value === undefined || value === null) return [];
  // parseCredits reads an array or its JSON text, and says what else it got.
  const parsed = parseCredits(value);
  for (const problem of parsed.problems) problems.add('credits', problem.message);
  return parsed.credits;
}

function readRelated(value: unknown, problems: Problems): RelatedItem[] {
  if (value === undefined || value === null) return [];
  const { items, problems: found } = normalizeItems(value);
  for (const message of found) problems.add('related', message);
  return items;
}

function readDate(source: Json, key: 'published' | 'updated', problems: Problems): string | undefined {
  const value = source[key];
  if (value === undefined || value === null) return undefined;
  const date = isoDate(value);
  if (date) return date;
  return problems.add(key, `is not an ISO 8601 date (${clip(String(value), 40)}); ignored`);
}

/**
 * Reads our own story JSON (an object, or its JSON text). Never throws.
 *
 * Refused (`story: null`) when it is not an object, its `type` is another string, its `version`
 * is not `STORY_MODEL_VERSION`, or it has no `headline` or no absolute http(s) `url`. Otherwise
 * every field is validated on its own and a bad one is dropped with a problem (`field` +
 * `message`): text is trimmed (blank → absent); URLs must be http(s) (the canonical `url` and
 * `publisher.url` absolute, the others may be relative); dates ISO 8601; `lang` a BCP 47 tag
 * (canonical case); `dir` derived from `lang` when absent; `credits` through `parseCredits`;
 * `related` through `normalizeItems`. `body` is kept exactly as written (HTML, sanitized later).
 */
export function storyFromJson(input: unknown): StoryResult {
  const problems = new Problems();
  const refuse = (field: string, message: string): StoryResult => {
    problems.add(field, message);
    return { story: null, kind: 'news-story', problems: problems.list };
  };
  const read = readJsonInput(input);
  if (read.error !== undefined) return refuse('', `is not JSON: ${read.error}`);
  const source = obj(read.value);
  if (!source) return refuse('', `must be a story object, got ${describe(read.value)}`);
  try {
    if (source.type === undefined || source.type === null) problems.add('type', `is missing; expected "${STORY_TYPE}"`);
    else if (source.type !== STORY_TYPE) return refuse('type', `must be "${STORY_TYPE}", got ${clip(JSON.stringify(source.type) ?? '', 40)}`);
    if (source.version !== STORY_MODEL_VERSION) {
      return refuse('version', `must be ${STORY_MODEL_VERSION}, got ${clip(JSON.stringify(source.version) ?? 'nothing', 20)}; this code reads version ${STORY_MODEL_VERSION} only`);
    }
    const headline = text(source.headline);
    if (!headline) return refuse('headline', `is missing or blank; a story needs a headline`);
    const url = absoluteHttpUrl(source.url);
    if (!url) {
      return refuse('url', typeof source.url === 'string' && source.url.trim()
        ? `is not an absolute http(s) URL (${clip(source.url.trim(), 40)}); a story needs its canonical URL`
        : 'is missing; a story needs its canonical URL');
    }
    unknownFields(source, ['type', '$schema', ...STORY_FIELDS], '', problems);

    let body = '';
    if (typeof source.body === 'string') body = source.body;
    else if (source.body !== undefined && source.body !== null) problems.add('body', `must be an HTML string, got ${describe(source.body)}; no body`);

    const story: Story = {
      version: STORY_MODEL_VERSION,
      url,
      headline,
      credits: readCredits(source.credits, problems),
      body,
      related: readRelated(source.related, problems),
      publisher: readPublisher(source.publisher, url, problems),
    };
    if (typeof source.id === 'number' && Number.isFinite(source.id)) story.id = String(source.id);
    else story.id = optionalText(source, 'id', 'id', problems);

    let lang: string | null = null;
    if (source.lang !== undefined && source.lang !== null) {
      lang = languageTag(source.lang);
      if (!lang) problems.add('lang', `is not a BCP 47 language tag (${clip(String(source.lang), 30)}); ignored`);
    }
    applyLanguage(story, lang, source.dir, problems);

    story.section = optionalText(source, 'section', 'section', problems);
    story.kicker = optionalText(source, 'kicker', 'kicker', problems);
    story.dek = optionalText(source, 'dek', 'dek', problems);
    story.published = readDate(source, 'published', problems);
    story.updated = readDate(source, 'updated', problems);
    story.image = readImage(source.image, problems);
    story.isPartOf = readIsPartOf(source.isPartOf, problems);
    story.comments = readComments(source.comments, problems);
    return { story: compact(story), kind: 'news-story', problems: problems.list };
  } catch (error) {
    // A getter or proxy that throws: nothing of it can be trusted.
    return refuse('', `could not be read (${clip(String(error), 80)})`);
  }
}

/** Our JSON of a related item: its fields, without the `unsafe` mark (the reader sets it again). */
function relatedToJson(item: RelatedItem): RelatedItem {
  const { unsafe: _unsafe, ...rest } = item;
  return rest;
}

/** A copy of `value` with the members of `order` first, in that order (JSON stays diffable). */
function ordered<T extends object>(value: T | undefined, order: ReadonlyArray<keyof T>): T | undefined {
  if (value === undefined) return undefined;
  const out: Partial<T> = {};
  for (const key of order) if (value[key] !== undefined) out[key] = value[key];
  for (const key of Object.keys(value) as Array<keyof T>) if (!(key in out) && value[key] !== undefined) out[key] = value[key];
  return out as T;
}

/**
 * Writes a story as our own JSON, `{ "type": "news-story", "version": 1, … }`, members in
 * `STORY_FIELDS` order (and the members of `image`, `publisher`, `comments`, `isPartOf` in theirs),
 * absent ones left out: `storyFromJson(storyToJson(story))` gives the same story back. A copy:
 * changing the result leaves the story alone.
 */
export function storyToJson(story: Story): StoryJson {
  const copy = JSON.parse(JSON.stringify(story)) as Story;
  const members: { [K in keyof Story]?: unknown } = {
    ...copy,
    version: STORY_MODEL_VERSION,
    publisher: ordered(copy.publisher, STORY_PUBLISHER_FIELDS),
    isPartOf: ordered(copy.isPartOf, STORY_IS_PART_OF_FIELDS),
    image: ordered(copy.image, STORY_IMAGE_FIELDS),
    comments: ordered(copy.comments, STORY_COMMENTS_FIELDS),
    related: copy.related.map(relatedToJson),
  };
  const out: Record<string, unknown> = { type: STORY_TYPE };
  for (const key of STORY_FIELDS) if (members[key] !== undefined) out[key] = members[key];
  return out as unknown as StoryJson;
}
