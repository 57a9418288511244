/**
 * Which adapter reads a source, told from its shape (a response rarely says it in its headers):
 * our story JSON, a WordPress REST post, or schema.org JSON-LD. Pure: no DOM.
 */
import { htmlToText } from '../text.js';
import { STORY_TYPE, type StoryProblem, type StoryResult } from './model.js';
import { extractJsonLd, storyFromJsonLd } from './jsonld.js';
import { storyFromJson } from './json.js';
import { clip, describe, obj, resolveStoryUrls, text, type Json } from './shared.js';
import { storyFromWordPress, type WordPressStoryOptions } from './wordpress.js';

/** Options for sources whose format does not say them (WordPress: the publisher and language). */
export type DetectStoryOptions = WordPressStoryOptions;

/** A WordPress REST post: `title.rendered` or `content.rendered`. */
function isWordPressPost(node: Json | undefined): boolean {
  return typeof obj(node?.title)?.rendered === 'string' || typeof obj(node?.content)?.rendered === 'string';
}

/** A WordPress REST error: `{ code, message, data: { status } }`. */
function isWordPressError(node: Json | undefined): boolean {
  return typeof node?.code === 'string' && typeof node.message === 'string' && obj(node.data) !== undefined;
}

/** schema.org JSON-LD: a schema.org `@context`, a `@graph`, or a `@type`. */
function isJsonLd(node: Json | undefined): boolean {
  if (!node) return false;
  const context = node['@context'];
  const contextText = typeof context === 'string' ? context : JSON.stringify(context ?? '');
  return /schema\.org/i.test(contextText) || Array.isArray(node['@graph']) || node['@type'] !== undefined;
}

const result = (problems: StoryProblem[], kind: StoryResult['kind'] = null): StoryResult => ({ story: null, kind, problems });

/** Runs an adapter on the first item of a list, saying so. */
function firstOfList(list: unknown[], what: string, read: (item: unknown) => StoryResult): StoryResult {
  const read0 = read(list[0]);
  const note = { field: '', message: `is a list of ${list.length} ${what}; showing the first` };
  return { ...read0, problems: list.length > 1 ? [note, ...read0.problems] : read0.problems };
}

/**
 * Reads a parsed source with the adapter its shape calls for, and never throws:
 * `{ "type": "news-story" }` → `storyFromJson`; `title.rendered` / `content.rendered` →
 * `storyFromWordPress` (a posts list, `/wp/v2/posts?_embed`: its first post, with a problem);
 * a schema.org `@context`, `@graph` or `@type` (or a list of such nodes) → `storyFromJsonLd`.
 * A string is read as `parseStoryText` reads a response. A WordPress error answer
 * (`{ code, message, data }`) and anything else give `story: null` and a problem.
 * The story's relative URLs come out absolute, against its canonical URL (`resolveStoryUrls`).
 */
export function detectStory(input: unknown, options: DetectStoryOptions = {}): StoryResult {
  return resolved(detect(input, options));
}

function resolved(read: StoryResult): StoryResult {
  return read.story ? { ...read, story: resolveStoryUrls(read.story) } : read;
}

function detect(input: unknown, options: DetectStoryOptions): StoryResult {
  if (typeof input === 'string') return parseStoryText(input, undefined, options);
  if (Array.isArray(input)) {
    if (input.length === 0) return result([{ field: '', message: 'is an empty list; no story in it' }]);
    const head = obj(input[0]);
    if (isWordPressPost(head)) return firstOfList(input, 'WordPress posts', (post) => storyFromWordPress(post, options));
    if (head?.type === STORY_TYPE) return firstOfList(input, 'stories', storyFromJson);
    if (input.some((item) => isJsonLd(obj(item)))) return storyFromJsonLd(input);
    return result([{ field: '', message: `is a list of ${describe(input[0])}s, not of stories, WordPress posts or JSON-LD nodes` }]);
  }
  const node = obj(input);
  if (!node) return result([{ field: '', message: `must be a story object, got ${describe(input)}` }]);
  if (node.type === STORY_TYPE) return storyFromJson(node);
  if (isWordPressPost(node)) return storyFromWordPress(node, options);
  if (isWordPressError(node)) {
    const status = obj(node.data)?.status;
    const message = text(htmlToText(String(node.message))) ?? '';
    return result(
      [{ field: '', message: `is an error from WordPress (${clip(String(node.code), 40)}${typeof status === 'number' ? `, ${status}` : ''}): ${clip(message)}` }],
      'wordpress',
    );
  }
  if (isJsonLd(node)) return storyFromJsonLd(node);
  // Our JSON with its `type` forgotten: let its reader say what is missing.
  if (node.version !== undefined && node.headline !== undefined) return storyFromJson(node);
  const keys = Object.keys(node).slice(0, 5).map((key) => JSON.stringify(clip(key, 20))).join(', ');
  return result([
    { field: '', message: `is not a story JSON ("type": "${STORY_TYPE}"), a WordPress post or schema.org JSON-LD${keys ? ` (fields ${keys})` : ''}` },
  ]);
}

/**
 * Reads a response's text: JSON (our story, a WordPress post, JSON-LD) or an HTML page, whose
 * `<script type="application/ld+json">` blocks are read as JSON-LD. `contentType` (the response's
 * `Content-Type`) decides when it names HTML or JSON; without it the text's first character does.
 * Malformed text gives `story: null` and a problem; never throws. Relative URLs come out
 * absolute, as from `detectStory`.
 */
export function parseStoryText(text: string, contentType?: string, options: DetectStoryOptions = {}): StoryResult {
  if (typeof text !== 'string') return result([{ field: '', message: `must be text, got ${describe(text)}` }]);
  const body = text.replace(/^\uFEFF/, '');
  const type = (contentType ?? '').toLowerCase();
  const looksHtml = /^\s*</.test(body);
  if (type.includes('html') || (!type.includes('json') && looksHtml)) return resolved(fromHtml(body));
  if (!body.trim()) return result([{ field: '', message: 'is empty; no story in it' }]);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    // A "JSON" URL that answered with a page (a login wall, an error page): it may still carry JSON-LD.
    if (looksHtml) return resolved(fromHtml(body));
    return result([{ field: '', message: `is not JSON (${clip(error instanceof Error ? error.message : String(error), 80)})` }]);
  }
  if (typeof value === 'string') return result([{ field: '', message: 'is a JSON string, not a story' }]);
  return detectStory(value, options);
}

function fromHtml(html: string): StoryResult {
  const problems: StoryProblem[] = [];
  const blocks = extractJsonLd(html, problems);
  if (blocks.length === 0) {
    return result([...problems, { field: '', message: 'is an HTML page without a usable <script type="application/ld+json">; no story in it' }], 'json-ld');
  }
  const read = storyFromJsonLd(blocks);
  return { ...read, problems: [...problems, ...read.problems] };
}
