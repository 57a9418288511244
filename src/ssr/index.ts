/**
 * Server rendering of a story (Node only): `renderStory(source)` returns the `<news-story>` element
 * with its content in declarative shadow DOM, so the story paints before any script runs; the
 * elements then take that markup over (Lit hydration) without rendering it again.
 *
 * ```js
 * import { renderStory } from 'news-elements/ssr';
 * const html = await renderStory(await (await fetch(url)).json(), { jsonld: true });
 * ```
 *
 * The body is sanitized on the server with the same allow-list as in the browser (DOMPurify on
 * jsdom). The output holds `<style>` elements inside the shadow roots: a page with a strict
 * `style-src` allows them by hash (`styleHashes(html)`), or the elements' constructable
 * stylesheets style them once the script runs.
 */
import { createHash, randomUUID } from 'node:crypto';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { JSDOM } from 'jsdom';
import { detectStory, parseStoryText } from '../core/story/detect.js';
import type { Story, StoryProblem } from '../core/story/model.js';
import { storyToJson } from '../core/story/json.js';
import { storyToJsonLd } from '../core/story/jsonld.js';
import { problemText } from '../core/story/shared.js';
import '../components/news-story/define.js';
// A server renders in one pass: every language's strings up front.
import '../core/messages/all.js';
import { setServerBody } from '../components/news-story/server-body.js';
import { sanitizeStoryBodyHtmlNode } from '../sanitize/node.js';

/** A source problem as one line ("field: message"), as the CLI prints it. */
export { problemText };

export interface RenderStoryOptions {
  /** Language of the story when the source does not say (BCP 47). */
  lang?: string;
  /** The publisher's name to show, when the source does not carry it (a WordPress post names only its host). */
  publisher?: string;
  /** Adds `comments`: the element shows the comment form once its script runs (if the source has an endpoint). */
  comments?: boolean;
  /** Also outputs a `<script type="application/ld+json">` NewsArticle after the element, with the canonical URL. */
  jsonld?: boolean;
}

/** What `renderStoryDetailed` returns. */
export interface RenderedStory {
  html: string;
  story: Story;
  problems: StoryProblem[];
}

/** Thrown when the source holds no story. `problems` says what was wrong. */
export class StorySourceError extends Error {
  constructor(
    message: string,
    readonly problems: StoryProblem[],
  ) {
    super(message);
    this.name = 'StorySourceError';
  }
}

/**
 * Renders a story to HTML: `source` is our story JSON, a WordPress REST post (`?_embed`),
 * schema.org JSON-LD (an object, or JSON text, or an HTML page holding it).
 */
export async function renderStory(source: unknown, options: RenderStoryOptions = {}): Promise<string> {
  return (await renderStoryDetailed(source, options)).html;
}

export async function renderStoryDetailed(source: unknown, options: RenderStoryOptions = {}): Promise<RenderedStory> {
  const result = typeof source === 'string' ? parseStoryText(source) : detectStory(source);
  if (!result.story) {
    const why = result.problems.map(problemText).join('; ');
    throw new StorySourceError(`No story found in the source${why ? ` (${why})` : ''}.`, result.problems);
  }
  const story: Story = { ...result.story };
  if (!story.lang && options.lang) story.lang = options.lang;
  if (options.publisher?.trim()) story.publisher = { ...story.publisher, name: options.publisher.trim() };
  const lang = story.lang || 'en';

  const body = story.body.trim() ? await serverRenderBody(sanitizeStoryBodyHtmlNode(story.body, { baseUrl: story.url }), lang) : '';
  const token = `news-story-body-${randomUUID()}`;
  setServerBody(story, { token, html: body });

  const element = await collectResult(
    render(html`<news-story lang=${lang} href=${story.url} ?comments=${!!options.comments} .story=${story}></news-story>`),
  );
  // What the page reads back to take the markup over: the story without its body (already rendered).
  const embedded = `<script type="application/json" data-news-story>${jsonForScript(storyToJson({ ...story, body: '' }))}</script>`;
  let out = stripOuterMarkers(element).replace(token, () => body);
  const end = out.lastIndexOf('</news-story>');
  out = `${out.slice(0, end)}${embedded}${out.slice(end)}`;
  if (options.jsonld) out += `\n<script type="application/ld+json">${jsonForScript(storyToJsonLd(story))}</script>`;
  return { html: out, story, problems: result.problems };
}

/** `'sha256-…'` sources for every `<style>` block of `html`, for a `style-src` directive. */
export function styleHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const match of html.matchAll(/<style>([\s\S]*?)<\/style>/g)) {
    hashes.add(`'sha256-${createHash('sha256').update(match[1] ?? '', 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/** JSON that is safe inside a `<script>` element: no `</script>`, no `<!--`, no line separators. */
function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Removes the template-part markers Lit writes around a top-level render (nothing hydrates them). */
function stripOuterMarkers(out: string): string {
  return out
    .replace(/^<!--lit-part[^>]*-->/, '')
    .replace(/^<!--lit-node \d+-->/, '')
    .replace(/<!--\/lit-part-->$/, '');
}

function escapeAttr(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

let dom: JSDOM | undefined;

/**
 * The sanitized body with its `<news-photo>`s and inline `<news-related>`s rendered in declarative
 * shadow DOM. On the server an element cannot see its light DOM, so each is rewritten to the
 * attribute form it renders the same from in the browser (a photo's caption becomes plain text).
 */
async function serverRenderBody(sanitized: string, lang: string): Promise<string> {
  dom ??= new JSDOM('');
  // A whole document, not `div.innerHTML`: jsdom's fragment parsing moves the parsed nodes one by
  // one and recomputes sibling indexes on each move, which is quadratic in the paragraphs.
  const doc = new dom.window.DOMParser().parseFromString(`<!doctype html><html><head></head><body>${sanitized}`, 'text/html');
  const box = doc.body;
  // As in the browser: an image the source gave no alt text is shown as decorative.
  for (const img of box.querySelectorAll('img:not([alt])')) img.setAttribute('alt', '');
  const rendered: string[] = [];
  for (const el of [...box.querySelectorAll('news-photo, news-related')]) {
    const attrs = el.localName === 'news-photo' ? photoAttributes(el) : relatedAttributes(el);
    if (!attrs.lang) attrs.lang = lang;
    const attrText = Object.entries(attrs)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => (v === '' && k !== 'alt' ? ` ${k}` : ` ${k}="${escapeAttr(v as string)}"`))
      .join('');
    const tag = unsafeStatic(el.localName);
    const out = await collectResult(render(staticHtml`<${tag}${unsafeStatic(attrText)}></${tag}>`));
    rendered.push(stripOuterMarkers(out));
    el.replaceWith(doc.createComment(`news-ssr-${rendered.length - 1}`));
  }
  return box.innerHTML.replace(/<!--news-ssr-(\d+)-->/g, (_, i: string) => rendered[Number(i)] ?? '');
}

type Attrs = Record<string, string | undefined>;

function photoAttributes(el: Element): Attrs {
  const img = el.querySelector('img');
  const text = (slot: string) =>
    [...el.children]
      .filter((c) => c.getAttribute('slot') === slot)
      .map((c) => c.textContent ?? '')
      .join(' ')
      .replace(/\s+/g, ' ')
      .trim() || undefined;
  const own = (name: string) => el.getAttribute(name) ?? img?.getAttribute(name) ?? undefined;
  return {
    src: own('src'),
    srcset: own('srcset'),
    sizes: own('sizes'),
    alt: own('alt'),
    width: own('width'),
    height: own('height'),
    caption: el.getAttribute('caption') ?? text('caption'),
    credit: el.getAttribute('credit') ?? text('credit'),
    lang: el.getAttribute('lang') ?? undefined,
  };
}

function relatedAttributes(el: Element): Attrs {
  const items = [...el.querySelectorAll(':scope > :is(ul, ol) > li')].flatMap((li) => {
    const a = li.querySelector('a[href]');
    return a ? [{ headline: (a.textContent ?? '').trim(), url: a.getAttribute('href') ?? '' }] : [];
  });
  const attrs: Attrs = {};
  for (const { name, value } of [...el.attributes]) attrs[name] = value;
  if (items.length) attrs.items = JSON.stringify(items);
  return attrs;
}

