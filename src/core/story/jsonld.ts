/**
 * schema.org JSON-LD (`NewsArticle`, `Article`, `ReportageNewsArticle`, …) as a story, and a story
 * as `NewsArticle` JSON-LD for publishers' pages. Pure: no DOM (script blocks are found in HTML
 * text with a regular expression, never parsed into elements).
 */
import { parseCredits, type Credit, type CreditRole } from '../credits.js';
import { htmlToText } from '../text.js';
import { readJsonInput } from '../values.js';
import { STORY_MODEL_VERSION, type Story, type StoryImage, type StoryProblem, type StoryPublisher, type StoryResult } from './model.js';
import {
  Problems,
  absoluteHttpUrl,
  absoluteUrl,
  applyLanguage,
  clip,
  compact,
  credit,
  describe,
  httpOrRelativeUrl,
  isoDate,
  languageTag,
  obj,
  pixels,
  publisherFromUrl,
  text,
  type Json,
} from './shared.js';

/** A type's local name: `NewsArticle` for `NewsArticle`, `schema:NewsArticle`, `https://schema.org/NewsArticle`. */
const localName = (type: string): string => type.replace(/^.*[/#:]/, '');

function typesOf(node: Json | undefined): string[] {
  const type = node?.['@type'];
  return (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string').map(localName);
}

/** `Article` and its kinds (`NewsArticle`, `ReportageNewsArticle`, `AnalysisNewsArticle`, …), and blog posts. */
const isArticleType = (type: string): boolean => /Article$/.test(type) || ['BlogPosting', 'LiveBlogPosting', 'Report'].includes(type);

const isArticle = (node: Json | undefined): boolean => typesOf(node).some(isArticleType);

/** The first value of a property that may be a value or a list of them. */
const first = (value: unknown): unknown => (Array.isArray(value) ? value[0] : value);

/** The nodes of a JSON-LD document: a node, a list of nodes, `{ "@graph": [...] }`, or lists of those. */
function collectNodes(value: unknown, out: Json[], depth = 0): Json[] {
  if (depth > 4) return out;
  if (Array.isArray(value)) {
    for (const item of value) collectNodes(item, out, depth + 1);
    return out;
  }
  const node = obj(value);
  if (!node) return out;
  out.push(node);
  if (node['@graph'] !== undefined) collectNodes(node['@graph'], out, depth + 1);
  return out;
}

/**
 * Reads node references: `{ "@id": "…#author" }` (what Yoast and other generators put in `@graph`)
 * becomes the node with that id, its own members first. One level, so cycles cannot loop.
 */
class Graph {
  private readonly byId = new Map<string, Json>();
  constructor(nodes: readonly Json[]) {
    for (const node of nodes) {
      const id = node['@id'];
      if (typeof id === 'string' && !this.byId.has(id)) this.byId.set(id, node);
    }
  }
  resolve(value: unknown): unknown {
    const node = obj(value);
    const id = node?.['@id'];
    if (!node || typeof id !== 'string') return value;
    const target = this.byId.get(id);
    return target && target !== node ? { ...target, ...node } : node;
  }
  node(value: unknown): Json | undefined {
    return obj(this.resolve(value));
  }
  /** A property's values as a list, references resolved. */
  list(value: unknown): unknown[] {
    if (value === undefined || value === null) return [];
    return (Array.isArray(value) ? value : [value]).map((item) => this.resolve(item));
  }
}

/** Text of a property: a string (or the first string of a list), tags dropped and entities decoded. */
const plain = (value: unknown): string | undefined => {
  const raw = first(value);
  return typeof raw === 'string' ? text(htmlToText(raw)) : undefined;
};

/** A URL property: a string, `{ "@id" }`, `{ url }` or a list of them. */
function urlOf(value: unknown): string | undefined {
  const raw = first(value);
  if (typeof raw === 'string') return text(raw);
  const node = obj(raw);
  return text(node?.url) ?? text(node?.['@id']);
}

/** A size: `1200`, `"1200"`, `"1200 px"` or `{ "@type": "QuantitativeValue", "value": 1200 }`. */
function sizeOf(value: unknown): number | undefined {
  const raw = obj(value)?.value ?? value;
  return pixels(typeof raw === 'string' ? raw.replace(/\s*px$/i, '') : raw) ?? undefined;
}

/** A person's or organization's name: `name`, or `givenName familyName`, or the string itself. */
function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return text(htmlToText(value));
  const node = obj(value);
  if (!node) return undefined;
  return plain(node.name) ?? text([plain(node.givenName), plain(node.familyName)].filter(Boolean).join(' '));
}

/** Names of the credit roles as schema.org `roleName`s say them, normalized (lower case, single spaces). */
const ROLE_NAMES: Readonly<Record<string, CreditRole>> = {
  author: 'author',
  editor: 'editing',
  editing: 'editing',
  'edited by': 'editing',
  reporter: 'reporting',
  reporting: 'reporting',
  correspondent: 'reporting',
  writer: 'writing',
  writing: 'writing',
  'written by': 'writing',
  photographer: 'photography',
  photography: 'photography',
  photos: 'photography',
  'additional reporting': 'additional-reporting',
  'additional reporter': 'additional-reporting',
};

const normalizeRoleName = (name: string): string => name.toLowerCase().replace(/[\s_-]+/g, ' ').trim();

/** The property a credit list comes from, and the role a person there has without a `Role`. */
const PEOPLE_PROPERTIES = [
  ['author', 'author'],
  ['creator', 'author'],
  ['editor', 'editing'],
  ['contributor', 'reporting'],
] as const satisfies ReadonlyArray<readonly [string, CreditRole]>;

/**
 * The credits of `author`, `creator`, `editor` and `contributor`: a name, a `Person` or
 * `Organization` (`name`, `url`, `workLocation` → location), or a schema.org `Role` wrapping one
 * (`{ "@type": "Role", "roleName": "editor", "author": {…} }`), whose `roleName` gives the role
 * (editor → editing, reporter → reporting, writer → writing, photographer → photography,
 * "additional reporting" → additional-reporting). A `roleName` the byline does not know keeps the
 * property's own role: author for `author`/`creator`, editing for `editor`, reporting for `contributor`.
 * The same name in the same role twice (`author` and `creator` often repeat) is credited once.
 */
function readCredits(article: Json, graph: Graph, problems: Problems): Credit[] {
  const entries: Credit[] = [];
  const seen = new Set<string>();
  const add = (person: unknown, role: string, field: string) => {
    const node = graph.node(person);
    const name = nameOf(node ?? person);
    if (!name) {
      problems.add(field, `has an entry without a name (${describe(person)}); skipped`);
      return;
    }
    const key = `${role}\u0000${name}`;
    if (seen.has(key)) return;
    seen.add(key);
    const place = graph.resolve(first(node?.workLocation));
    const location = typeof place === 'string' ? text(place) : plain(obj(place)?.name);
    entries.push(credit(name, role, location, urlOf(node?.url)));
  };
  for (const [property, defaultRole] of PEOPLE_PROPERTIES) {
    for (const value of graph.list(article[property])) {
      const node = obj(value);
      if (node && (typesOf(node).includes('Role') || (node.roleName !== undefined && !node.name))) {
        const roleName = plain(node.roleName);
        const role = (roleName && ROLE_NAMES[normalizeRoleName(roleName)]) || defaultRole;
        // The person sits under the same property inside the Role; accept any of the four.
        const inner = node[property] ?? node.author ?? node.creator ?? node.contributor ?? node.editor;
        const people = graph.list(inner);
        if (people.length === 0) problems.add(property, `has a Role (${clip(roleName ?? 'no roleName', 30)}) with no person in it; skipped`);
        for (const person of people) add(person, role, property);
      } else {
        add(value, defaultRole, property);
      }
    }
  }
  if (entries.length === 0 && article.author === undefined && article.creator === undefined) {
    problems.add('author', 'is missing; no one credited');
  }
  const parsed = parseCredits(entries);
  for (const problem of parsed.problems) problems.add('author', problem.message);
  return parsed.credits;
}

function readImage(article: Json, graph: Graph, problems: Problems): StoryImage | undefined {
  const candidates = graph.list(article.image);
  if (candidates.length === 0 && typeof article.thumbnailUrl === 'string') candidates.push(article.thumbnailUrl);
  let rejected: string | undefined;
  for (const candidate of candidates) {
    const node = obj(candidate);
    const raw = typeof candidate === 'string' ? text(candidate) : (urlOf(node?.url) ?? urlOf(node?.contentUrl));
    if (!raw) continue;
    const src = httpOrRelativeUrl(raw);
    if (!src) {
      rejected ??= raw;
      continue;
    }
    // schema.org has no `alt`: an ImageObject's `description` is its text alternative.
    const image: StoryImage = { src, alt: node ? (plain(node.description) ?? null) : null };
    if (node) {
      image.width = sizeOf(node.width);
      image.height = sizeOf(node.height);
      image.caption = plain(node.caption);
      const holder = graph.resolve(first(node.copyrightHolder));
      const maker = graph.resolve(first(node.creator ?? node.author));
      image.credit = plain(node.creditText) ?? nameOf(holder) ?? nameOf(maker);
    }
    return compact(image);
  }
  if (rejected) problems.add('image', `is not an http(s) or relative URL (${clip(rejected, 40)}); no image`);
  return undefined;
}

function readPublisher(article: Json, graph: Graph, url: string, problems: Problems): StoryPublisher {
  const node = graph.node(first(article.publisher));
  const name = nameOf(node ?? first(article.publisher));
  if (!name) {
    const publisher = publisherFromUrl(url);
    problems.add('publisher', `${article.publisher === undefined ? 'is missing' : 'has no name'}; named after the story's host (${publisher.name})`);
    return publisher;
  }
  const publisher: StoryPublisher = { name };
  const home = absoluteHttpUrl(urlOf(node?.url));
  if (home) publisher.url = home;
  const logoNode = graph.resolve(first(node?.logo));
  const logo = httpOrRelativeUrl(typeof logoNode === 'string' ? logoNode : (urlOf(obj(logoNode)?.url) ?? urlOf(obj(logoNode)?.contentUrl)));
  if (logo) publisher.logo = logo;
  return publisher;
}

/** `isPartOf` as a series or publication; a `WebPage` (what SEO plugins put there) is no series. */
function readIsPartOf(article: Json, graph: Graph): Story['isPartOf'] {
  for (const value of graph.list(article.isPartOf)) {
    const node = obj(value);
    if (!node || typesOf(node).some((type) => /Page$/.test(type))) continue;
    const name = nameOf(node);
    if (!name) continue;
    const url = httpOrRelativeUrl(urlOf(node.url) ?? (typeof node['@id'] === 'string' && /^https?:/i.test(node['@id']) ? node['@id'] : undefined));
    return url ? { name, url } : { name };
  }
  return undefined;
}

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] as string);
}

/** Markup of article content: then `articleBody` is HTML already, not text. */
const HTML_TAG = /<\/?(?:p|div|br|h[1-6]|ul|ol|li|figure|figcaption|img|blockquote|a|strong|em|b|i|span|section|table|pre)\b[^<>]*>/i;

/**
 * `articleBody` as body HTML. schema.org says it is text: paragraphs are split on blank lines (on
 * line breaks when there is no blank line), escaped and wrapped in `<p>`. A body that already holds
 * article markup (some publishers put HTML there) is kept as it is, for the sanitizer.
 */
export function articleBodyToHtml(body: string): string {
  if (HTML_TAG.test(body)) return body;
  const normalized = body.replace(/\r\n?/g, '\n');
  let paragraphs = normalized.split(/\n[ \t]*\n\s*/);
  if (paragraphs.length === 1) paragraphs = normalized.split('\n');
  return paragraphs
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`)
    .join('\n');
}

/** The first article node of a document (top level, `@graph`, or a page's `mainEntity`). */
function findArticle(nodes: readonly Json[], graph: Graph): Json | undefined {
  const direct = nodes.find(isArticle);
  if (direct) return direct;
  for (const node of nodes) {
    const main = graph.list(node.mainEntity).map(obj).find(isArticle);
    if (main) return main;
  }
  return undefined;
}

/**
 * Reads schema.org JSON-LD: a node, a list of nodes, `{ "@graph": [...] }` (its JSON text too).
 * Never throws. The story is the first node whose `@type` is an `Article` kind (`NewsArticle`,
 * `ReportageNewsArticle`, `AnalysisNewsArticle`, `BlogPosting`, …); `{ "@id" }` references to
 * other nodes of the document are followed.
 *
 * Refused (`story: null`) without an article, a `headline` (or `name`), or an absolute http(s)
 * `url` (or `mainEntityOfPage`). Read: `datePublished`/`dateModified`, `description` → dek,
 * `articleSection` → section, `inLanguage` → lang, `image` (URL, `ImageObject` or a list: `url` /
 * `contentUrl`, `width`, `height`, `caption`, `description` → alt, `creditText` /
 * `copyrightHolder` / `creator` → credit), credits (see `readCredits`), `articleBody` (text →
 * paragraphs), `publisher` (`name`, `url`, `logo`), `isPartOf` (`name`, `url`).
 */
export function storyFromJsonLd(input: unknown): StoryResult {
  const problems = new Problems();
  const refuse = (field: string, message: string): StoryResult => {
    problems.add(field, message);
    return { story: null, kind: 'json-ld', problems: problems.list };
  };
  const read = readJsonInput(input);
  if (read.error !== undefined) return refuse('', `is not JSON: ${read.error}`);
  if (!obj(read.value) && !Array.isArray(read.value)) return refuse('', `must be a JSON-LD object or list, got ${describe(read.value)}`);
  try {
    const nodes = collectNodes(read.value, []);
    const graph = new Graph(nodes);
    const article = findArticle(nodes, graph);
    if (!article) {
      const types = [...new Set(nodes.flatMap((node) => typesOf(node)))].slice(0, 5);
      return refuse('@type', `has no Article node (NewsArticle, Article, …)${types.length ? `; found ${types.join(', ')}` : ''}`);
    }
    const headline = plain(article.headline) ?? plain(article.name);
    if (!headline) return refuse('headline', 'is missing (and so is name); a story needs a headline');
    const url = absoluteHttpUrl(urlOf(article.url)) ?? absoluteHttpUrl(urlOf(article.mainEntityOfPage));
    if (!url) {
      const given = urlOf(article.url) ?? urlOf(article.mainEntityOfPage);
      return refuse('url', `${given ? `is not an absolute http(s) URL (${clip(given, 40)})` : 'is missing (and so is mainEntityOfPage)'}; a story needs its canonical URL`);
    }

    let body = '';
    const articleBody = first(article.articleBody);
    if (typeof articleBody === 'string') body = articleBodyToHtml(articleBody);
    else if (articleBody === undefined || articleBody === null) problems.add('articleBody', 'is missing; no body');
    else problems.add('articleBody', `must be text, got ${describe(articleBody)}; no body`);

    const story: Story = {
      version: STORY_MODEL_VERSION,
      url,
      headline,
      credits: readCredits(article, graph, problems),
      body,
      related: [],
      publisher: readPublisher(article, graph, url, problems),
    };
    const identifier = obj(first(article.identifier))?.value ?? first(article.identifier);
    if (typeof identifier === 'number' && Number.isFinite(identifier)) story.id = String(identifier);
    else story.id = text(identifier);

    let lang: string | null = null;
    const inLanguage = first(article.inLanguage);
    const langValue = obj(inLanguage) ? (obj(inLanguage)?.alternateName ?? obj(inLanguage)?.name) : inLanguage;
    if (langValue !== undefined && langValue !== null) {
      lang = languageTag(langValue);
      if (!lang) problems.add('inLanguage', `is not a BCP 47 language tag (${clip(String(langValue), 30)}); ignored`);
    }
    applyLanguage(story, lang, undefined, problems);

    story.section = plain(article.articleSection);
    story.dek = plain(article.description);
    for (const [key, property] of [['published', 'datePublished'], ['updated', 'dateModified']] as const) {
      const value = first(article[property]);
      if (value === undefined || value === null) continue;
      const date = isoDate(value);
      if (date) story[key] = date;
      else problems.add(property, `is not an ISO 8601 date (${clip(String(value), 40)}); ignored`);
    }
    story.image = readImage(article, graph, problems);
    story.isPartOf = readIsPartOf(article, graph);
    return { story: compact(story), kind: 'json-ld', problems: problems.list };
  } catch (error) {
    return refuse('', `could not be read (${clip(String(error), 80)})`);
  }
}

const LD_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
const LD_TYPE = /\btype\s*=\s*(["']?)\s*application\/ld\+json\s*(?:;[^"'>]*)?\1(?=[\s/>]|$)/i;

/**
 * Every `<script type="application/ld+json">` block of an HTML text, parsed, in document order.
 * Found with a regular expression (no DOM, nothing executed). A block that is not JSON is skipped
 * and, when `problems` is given, reported there. `<!-- -->` and CDATA wrappers are tolerated.
 */
export function extractJsonLd(html: string, problems?: StoryProblem[]): unknown[] {
  const found: unknown[] = [];
  let index = 0;
  for (const match of html.matchAll(LD_SCRIPT)) {
    if (!LD_TYPE.test(match[1] ?? '')) continue;
    index++;
    const content = (match[2] ?? '')
      .trim()
      .replace(/^(?:<!--|\/\/\s*<!\[CDATA\[|\/\*\s*<!\[CDATA\[\s*\*\/)/, '')
      .replace(/(?:-->|\/\/\s*\]\]>|\/\*\s*\]\]>\s*\*\/)$/, '')
      .trim();
    if (!content) {
      problems?.push({ field: 'script[type="application/ld+json"]', message: `block ${index} is empty; skipped` });
      continue;
    }
    try {
      found.push(JSON.parse(content));
    } catch (error) {
      problems?.push({
        field: 'script[type="application/ld+json"]',
        message: `block ${index} is not JSON (${clip(error instanceof Error ? error.message : String(error), 80)}); skipped`,
      });
    }
  }
  return found;
}

/** schema.org `roleName`s for the credit roles that are not plain authors or editors. */
const CONTRIBUTOR_ROLE_NAMES: Readonly<Record<string, string>> = {
  'additional-reporting': 'additional reporting',
  photography: 'photographer',
};

/**
 * A story as a schema.org `NewsArticle` (for a `<script type="application/ld+json">`: serialize it
 * with `serializeJsonLd`). `mainEntityOfPage` and `url` are the canonical URL; relative image,
 * logo and author URLs are made absolute against it. Authors are plain `Person`s (what search
 * engines read); writers are `Role`s in `author` (roleName "writer"), editors `Person`s in
 * `editor`, reporters `Person`s in `contributor`, and additional reporting, photography and other
 * roles `Role`s in `contributor`. `storyFromJsonLd` reads all of these back.
 */
export function storyToJsonLd(story: Story): Record<string, unknown> {
  const person = (c: Credit) =>
    compact({
      '@type': 'Person',
      name: c.name,
      url: absoluteUrl(c.url, story.url),
      workLocation: c.location ? { '@type': 'Place', name: c.location } : undefined,
    });
  const author: unknown[] = [];
  const editor: unknown[] = [];
  const contributor: unknown[] = [];
  for (const c of story.credits) {
    const role = c.role ?? 'author';
    if (role === 'author') author.push(person(c));
    else if (role === 'writing') author.push({ '@type': 'Role', roleName: 'writer', author: person(c) });
    else if (role === 'editing') editor.push(person(c));
    else if (role === 'reporting') contributor.push(person(c));
    else contributor.push({ '@type': 'Role', roleName: CONTRIBUTOR_ROLE_NAMES[role] ?? role, contributor: person(c) });
  }
  const list = (items: unknown[]) => (items.length === 0 ? undefined : items.length === 1 ? items[0] : items);
  const image = story.image;
  const publisher = story.publisher;
  return compact({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: story.url,
    url: story.url,
    identifier: story.id,
    headline: story.headline,
    description: story.dek,
    datePublished: story.published,
    dateModified: story.updated,
    inLanguage: story.lang,
    articleSection: story.section,
    author: list(author),
    editor: list(editor),
    contributor: list(contributor),
    image: image
      ? compact({
          '@type': 'ImageObject',
          url: absoluteUrl(image.src, story.url),
          width: image.width,
          height: image.height,
          caption: image.caption,
          description: image.alt || undefined,
          creditText: image.credit,
        })
      : undefined,
    publisher: compact({
      '@type': 'Organization',
      name: publisher.name,
      url: publisher.url,
      logo: publisher.logo ? { '@type': 'ImageObject', url: absoluteUrl(publisher.logo, story.url) } : undefined,
    }),
    isPartOf: story.isPartOf ? compact({ '@type': 'CreativeWorkSeries', name: story.isPartOf.name, url: absoluteUrl(story.isPartOf.url, story.url) }) : undefined,
  });
}

/**
 * JSON for inside `<script type="application/ld+json">`: `<` written as `\u003c` so no `</script>`
 * or `<!--` in the data can end or change the script element; U+2028/2029 escaped for old parsers.
 */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
