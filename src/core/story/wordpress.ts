/**
 * A WordPress REST post with `_embed` (`/wp-json/wp/v2/posts/<id>?_embed`) as a story. Pure: no
 * DOM. The body is `content.rendered` exactly as WordPress sent it; the sanitizer reads it later
 * (and turns its `wp-block-image` / `wp-caption` figures into photos).
 */
import { parseCredits, type Credit } from '../credits.js';
import { htmlToText } from '../text.js';
import { STORY_MODEL_VERSION, type Story, type StoryComments, type StoryImage, type StoryPublisher, type StoryResult } from './model.js';
import {
  Problems,
  absoluteHttpUrl,
  applyLanguage,
  clip,
  compact,
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

export interface WordPressStoryOptions {
  /**
   * Who publishes the site. A WordPress post does not carry its site's name (that is in the REST
   * index, `/wp-json/`, one more request): without this, the publisher is named after the post
   * link's host ("news.example") with its origin as the home page.
   */
  publisher?: StoryPublisher;
  /** BCP 47 language of the site (a post does not say it; `/wp-json/` does not either). */
  lang?: string;
}

/** The `sizes` WordPress's own themes give a content-width hero image. */
export const WORDPRESS_IMAGE_SIZES = '(min-width: 42rem) 42rem, 100vw';

/** WordPress's `{ rendered: "…" }` members. */
const rendered = (value: unknown): string | undefined => {
  const html = obj(value)?.rendered;
  return typeof html === 'string' ? html : undefined;
};

/** A rendered fragment as plain text (tags dropped, entities decoded, space collapsed). */
const renderedText = (value: unknown): string | undefined => text(htmlToText(rendered(value) ?? ''));

/** WordPress's `*_gmt` dates are UTC written without a zone: add the `Z` that says so. */
function gmtDate(value: unknown): string | undefined {
  const raw = text(value);
  if (!raw) return undefined;
  const zoned = /(?:Z|[+-]\d\d:?\d\d)$/i.test(raw) ? raw : `${raw}Z`;
  return isoDate(zoned) ?? undefined;
}

/** The first `href` of a `_links` relation. */
function linkHref(post: Json, rel: string): string | undefined {
  const links = obj(post._links)?.[rel];
  return text(obj(Array.isArray(links) ? links[0] : undefined)?.href);
}

/** An embedded item WordPress could not give (a private author, a deleted image): `{ code, message, data }`. */
function isRestError(value: Json): boolean {
  return typeof value.code === 'string' && value.id === undefined;
}

function restErrorText(value: Json): string {
  const message = text(htmlToText(typeof value.message === 'string' ? value.message : ''));
  return `${clip(String(value.code), 40)}${message ? `: ${clip(message)}` : ''}`;
}

function readCredits(embedded: Json | undefined, problems: Problems): Credit[] {
  const authors = embedded?.author;
  if (!Array.isArray(authors) || authors.length === 0) {
    problems.add('_embedded.author', 'is missing (fetch the post with ?_embed); no author credited');
    return [];
  }
  const entries: Array<Record<string, string | undefined>> = [];
  authors.forEach((value, index) => {
    const author = obj(value);
    if (!author) return problems.add(`_embedded.author[${index}]`, `is ${describe(value)}, not an author; skipped`);
    if (isRestError(author)) return problems.add(`_embedded.author[${index}]`, `is an error from WordPress (${restErrorText(author)}); skipped`);
    const name = text(htmlToText(typeof author.name === 'string' ? author.name : ''));
    if (!name) return problems.add(`_embedded.author[${index}]`, 'has no name; skipped');
    // `link` is the author's page on the site (their stories); `url` is a website they typed in.
    entries.push({ name, role: 'author', url: text(author.link) ?? text(author.url) });
    return undefined;
  });
  const parsed = parseCredits(entries);
  for (const problem of parsed.problems) problems.add('_embedded.author', problem.message);
  return parsed.credits;
}

/**
 * `srcset` from `media_details.sizes`: one candidate per width (the first met), narrowest first,
 * leaving out crops of another shape (the square `thumbnail`): a srcset lists one picture.
 */
function srcsetOf(details: Json | undefined, fullSrc: string): string | undefined {
  const sizes = obj(details?.sizes);
  if (!sizes) return undefined;
  const fullWidth = pixels(details?.width);
  const fullHeight = pixels(details?.height);
  const ratio = fullWidth && fullHeight ? fullWidth / fullHeight : null;
  const byWidth = new Map<number, string>();
  for (const value of Object.values(sizes)) {
    const size = obj(value);
    const url = httpOrRelativeUrl(size?.source_url);
    const width = pixels(size?.width);
    const height = pixels(size?.height);
    if (!url || !width || /[\s,]/.test(url)) continue;
    // Sizes are rounded to whole pixels: allow 2% before calling it another crop.
    if (ratio && height && Math.abs(width / height / ratio - 1) > 0.02) continue;
    if (!byWidth.has(width)) byWidth.set(width, url);
  }
  if (fullWidth && !byWidth.has(fullWidth) && !/[\s,]/.test(fullSrc)) byWidth.set(fullWidth, fullSrc);
  if (byWidth.size < 2) return undefined;
  return [...byWidth]
    .sort(([a], [b]) => a - b)
    .map(([width, url]) => `${url} ${width}w`)
    .join(', ');
}

function readImage(post: Json, embedded: Json | undefined, problems: Problems): StoryImage | undefined {
  const list = embedded?.['wp:featuredmedia'];
  const first = Array.isArray(list) ? list[0] : undefined;
  if (first === undefined) {
    // featured_media 0: the post has no image; anything else: it was not embedded.
    if (post.featured_media !== undefined && post.featured_media !== 0) {
      problems.add('_embedded.wp:featuredmedia', `is missing though featured_media is ${clip(String(post.featured_media), 20)} (fetch with ?_embed); no image`);
    }
    return undefined;
  }
  const media = obj(first);
  if (!media) return problems.add('_embedded.wp:featuredmedia', `is ${describe(first)}, not a media item; no image`);
  if (isRestError(media)) return problems.add('_embedded.wp:featuredmedia', `is an error from WordPress (${restErrorText(media)}); no image`);
  const rawSrc = text(media.source_url);
  const src = httpOrRelativeUrl(rawSrc);
  if (!src) {
    return problems.add('_embedded.wp:featuredmedia.source_url', rawSrc ? `is not an http(s) URL (${clip(rawSrc, 40)}); no image` : 'is missing; no image');
  }
  if (typeof media.media_type === 'string' && media.media_type !== 'image') {
    return problems.add('_embedded.wp:featuredmedia.media_type', `is "${clip(media.media_type, 20)}", not an image; no image`);
  }
  const details = obj(media.media_details);
  // WordPress's alt_text is "" both when the editor left it empty and when the image is decorative: unknown.
  const image: StoryImage = { src, alt: text(media.alt_text) ?? null };
  image.srcset = srcsetOf(details, src);
  if (image.srcset) image.sizes = WORDPRESS_IMAGE_SIZES;
  image.width = pixels(details?.width) ?? undefined;
  image.height = pixels(details?.height) ?? undefined;
  // WordPress has no credit field: the upload's IPTC/EXIF credit line (image_meta) when it had one,
  // else the credit newsrooms end captions with.
  const caption = renderedText(media.caption);
  const metaCredit = text(obj(details?.image_meta)?.credit);
  const split = caption && !metaCredit ? splitCaptionCredit(caption) : { caption };
  image.caption = split.caption;
  image.credit = metaCredit ?? split.credit;
  return compact(image);
}

// "… March 22. REUTERS/Maxim Shemetov", "… AP Photo/Evan Vucci", "… Photo: Ana Lens", "… (Photo by A. Lens)".
const AGENCY_CREDIT = /^(.*?[.!?…”")])\s+([A-Z][A-Za-z&.-]*(?: [A-Z][A-Za-z&.-]*)?\/\S[^\n]{0,80})$/;
const LABELLED_CREDIT = /^(.*?[.!?…”"])\s+\(?(?:Photo(?:graph)?|Picture|Image|Credit)(?:\s*:\s*|\s+by\s+)([^()\n]{2,80}?)\)?$/i;

/**
 * A caption's trailing credit, the way news captions end: an agency line ("REUTERS/Name", "AP
 * Photo/Name") after a sentence, or "Photo: Name" / "Photo by Name". Anything else is all caption.
 */
export function splitCaptionCredit(caption: string): { caption?: string; credit?: string } {
  if (caption.length > 2000) return { caption };
  const match = AGENCY_CREDIT.exec(caption) ?? LABELLED_CREDIT.exec(caption);
  if (!match) return { caption };
  return { caption: text(match[1]), credit: text(match[2]) };
}

/** The first category among the embedded terms ("Uncategorized", WordPress's default, is no section). */
function readSection(embedded: Json | undefined): string | undefined {
  const terms = embedded?.['wp:term'];
  const flat: unknown[] = Array.isArray(terms) ? terms.flat() : [];
  const category = flat.map(obj).find((term) => term?.taxonomy === 'category' && term.slug !== 'uncategorized');
  return text(htmlToText(typeof category?.name === 'string' ? category.name : ''));
}

/**
 * The REST comments endpoint: the post's `replies` link without its `post` parameter (this keeps
 * a site in a sub-folder and `?rest_route=` sites right), else `<link's origin>/wp-json/wp/v2/comments`.
 */
function commentsAction(post: Json, link: string): string {
  const replies = absoluteHttpUrl(linkHref(post, 'replies'));
  if (replies) {
    const url = new URL(replies);
    url.searchParams.delete('post');
    return url.href;
  }
  return `${new URL(link).origin}/wp-json/wp/v2/comments`;
}

function readComments(post: Json, link: string, problems: Problems): StoryComments | undefined {
  const status = post.comment_status;
  if (status === undefined) return undefined;
  if (status !== 'open' && status !== 'closed') return problems.add('comment_status', `is ${clip(JSON.stringify(status) ?? '', 20)}, not "open" or "closed"; no comment form`);
  const comments: StoryComments = { action: commentsAction(post, link), format: 'wordpress', open: status === 'open' };
  if (typeof post.id === 'number' || typeof post.id === 'string') comments.postId = String(post.id);
  return comments;
}

/**
 * Reads a WordPress REST post fetched with `?_embed`. Never throws.
 *
 * Refused (`story: null`) without a `title.rendered` that has text or an http(s) `link`. Read:
 * `title.rendered` → `headline` (text), `excerpt.rendered` → `dek` (text), `content.rendered` →
 * `body` (HTML as sent), `date_gmt`/`modified_gmt` → ISO dates in UTC, `link` → `url`,
 * `_embedded.author` → author credits (with the author page as link; error entries skipped),
 * `_embedded["wp:featuredmedia"][0]` → `image` (`alt_text`, `caption.rendered`, `srcset` from
 * `media_details.sizes`), the first category of `_embedded["wp:term"]` → `section`,
 * `comment_status` → `comments` (the site's REST comments endpoint). Whatever is missing is a
 * problem, not a failure.
 *
 * The publisher is `options.publisher`, else the site's host name: a post does not carry the
 * site's name (the `/wp-json/` index does).
 */
export function storyFromWordPress(post: unknown, options: WordPressStoryOptions = {}): StoryResult {
  const problems = new Problems();
  const refuse = (field: string, message: string): StoryResult => {
    problems.add(field, message);
    return { story: null, kind: 'wordpress', problems: problems.list };
  };
  const source = obj(post);
  if (!source) return refuse('', `must be a WordPress post object, got ${describe(post)}`);
  try {
    if (isRestError(source)) return refuse('', `is an error from WordPress (${restErrorText(source)})`);
    const headline = renderedText(source.title);
    if (!headline) return refuse('title.rendered', 'is missing or has no text; a story needs a headline');
    const link = absoluteHttpUrl(source.link);
    if (!link) return refuse('link', `is ${source.link === undefined ? 'missing' : `not an absolute http(s) URL (${clip(String(source.link), 40)})`}; a story needs its canonical URL`);
    const embedded = obj(source._embedded);

    let body = rendered(source.content);
    if (body === undefined) {
      problems.add('content.rendered', 'is missing; no body');
      body = '';
    } else if (obj(source.content)?.protected === true) {
      problems.add('content.protected', 'the post is password-protected; WordPress sends its body only with the password');
    }

    const story: Story = {
      version: STORY_MODEL_VERSION,
      url: link,
      headline,
      credits: readCredits(embedded, problems),
      body,
      related: [],
      publisher: options.publisher ?? publisherFromUrl(link),
    };
    if (typeof source.id === 'number' || typeof source.id === 'string') story.id = String(source.id);
    let lang: string | null = null;
    if (options.lang !== undefined) {
      lang = languageTag(options.lang);
      if (!lang) problems.add('lang', `option is not a BCP 47 language tag (${clip(String(options.lang), 30)}); ignored`);
    }
    applyLanguage(story, lang, undefined, problems);
    story.section = readSection(embedded);
    // An automatic excerpt ends in " [&hellip;]": an ellipsis says the same.
    story.dek = renderedText(source.excerpt)?.replace(/\s*\[…\]$/, '…');
    story.published = gmtDate(source.date_gmt);
    if (!story.published) {
      if (source.date_gmt === null || source.date_gmt === undefined) problems.add('date_gmt', 'is missing (a draft?); no date');
      else problems.add('date_gmt', `is not a date (${clip(String(source.date_gmt), 30)}); no date`);
    }
    const updated = gmtDate(source.modified_gmt);
    // WordPress sets modified = date on publishing: only a later time is an update.
    if (updated && updated !== story.published) story.updated = updated;
    story.image = readImage(source, embedded, problems);
    story.comments = readComments(source, link, problems);
    return { story: compact(story), kind: 'wordpress', problems: problems.list };
  } catch (error) {
    return refuse('', `could not be read (${clip(String(error), 80)})`);
  }
}
