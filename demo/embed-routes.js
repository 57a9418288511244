// The partner-embed side of the demo server (issue 6), mounted by demo/server.js in front of the
// comment API and the static files:
//   /wp-json/wp/v2/posts/<id>[?_embed]   the reference article as WordPress 6.1's REST API sends it
//   /demo/embed.html[?css=off]           a hostile partner page embedding it client-side
//   /demo/embed-ssr.html[?css=off]       the same page with the story rendered on the server
// The post lives in demo/data/wp-post-1.json, written with the origin "http://wordpress.test" (as
// in the recorded fixtures, test/fixtures/wordpress/) and served with the request's own origin, so
// its links and images work wherever the demo runs. Its shape — every key and nesting — is that of
// a real WordPress 6.1.9 answer (test/fixtures/wordpress/post-embed.json; test/node/embed-demo.test.js
// compares them).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { sendJson, requestOrigin } from './comments/http.js';
import { restError, toRestComment } from './comments/rest.js';

/** The origin the stored post is written with; replaced by the request's origin when served. */
export const PLACEHOLDER_ORIGIN = 'http://wordpress.test';

const POST_FILE = fileURLToPath(new URL('./data/wp-post-1.json', import.meta.url));
const PAGES = {
  '/demo/embed.html': fileURLToPath(new URL('./embed.html', import.meta.url)),
  '/demo/embed-ssr.html': fileURLToPath(new URL('./embed-ssr.html', import.meta.url)),
};
/** Where embed-ssr.html receives the server-rendered story. */
export const SSR_PLACEHOLDER = '<!--news-story-ssr-->';
/** The hostile stylesheet's <link>, dropped for `?css=off`. */
const HOSTILE_LINK = /^[ \t]*<link rel="stylesheet" href="\/demo\/hostile\.css" \/>\n/m;
const POST_ROUTE = /^\/wp-json\/wp\/v2\/posts\/(\d+)\/?$/;
/** The only post this demo serves: the reference article. */
const POST_ID = 1;

/** The rels `_embed` follows: the links WordPress marks `embeddable`. */
const EMBEDDABLE = ['author', 'replies', 'wp:featuredmedia', 'wp:term'];
/** The fields of a comment in WordPress's `embed` context (as in post-embed.json's replies). */
const COMMENT_EMBED_FIELDS = ['id', 'parent', 'author', 'author_name', 'author_url', 'date', 'content', 'link', 'type', 'author_avatar_urls', '_links'];

/**
 * The Content-Security-Policy of the partner pages: no inline script or style, Trusted Types
 * required with only the policies the elements create (Lit's, DOMPurify's, ours), frames only from
 * the video hosts the sanitizer keeps. `styleHashes` are the 'sha256-…' sources of the <style>
 * blocks the server inserted (the declarative shadow roots of the server-rendered story).
 * @param {string[]} [styleHashes]
 */
export function partnerCsp(styleHashes = []) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    ["style-src 'self'", ...styleHashes.map((hash) => `'${hash}'`)].join(' '),
    "img-src 'self' data:",
    "connect-src 'self'",
    'frame-src https://www.youtube-nocookie.com https://player.vimeo.com',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html dompurify news-elements',
  ].join('; ');
}

/**
 * The CSP hash sources ("sha256-<base64>") of every <style>…</style> block of `html`: the
 * SHA-256 of the exact text between the tags.
 * @param {string} html
 */
export function styleHashes(html) {
  const hashes = new Set();
  for (const match of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    hashes.add(`sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}`);
  }
  return [...hashes];
}

let postText = /** @type {Promise<string> | undefined} */ (undefined);

/**
 * The reference post, `_embedded` included, with the placeholder origin replaced by `origin`.
 * @param {string} origin e.g. "http://127.0.0.1:8000"
 * @returns {Promise<Record<string, any>>}
 */
export async function loadWordPressPost(origin) {
  postText ??= readFile(POST_FILE, 'utf8').catch((error) => {
    postText = undefined;
    throw error;
  });
  return JSON.parse((await postText).replaceAll(PLACEHOLDER_ORIGIN, origin));
}

/**
 * WordPress's reading of `_embed` (rest_parse_embed_param): absent → no embedding; present with
 * no value, "1" or "true" → every embeddable link; otherwise a comma-separated list of rels.
 * @param {URLSearchParams} query
 * @returns {true | string[] | null}
 */
export function parseEmbed(query) {
  if (!query.has('_embed')) return null;
  const values = query.getAll('_embed').flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  if (!values.length || values.some((v) => v === '1' || v === 'true')) return true;
  return values;
}

/**
 * The post as WordPress answers it: `_embedded` only when asked for, with the rels asked for, and
 * `replies` only when the post has approved comments (WordPress leaves out a rel whose embedded
 * answers are all empty).
 * @param {string} origin
 * @param {true | string[] | null} embed
 * @param {import('./comments/db.js').CommentStore} [store]
 */
export async function wordPressPost(origin, embed, store) {
  const post = await loadWordPressPost(origin);
  const stored = post._embedded ?? {};
  delete post._embedded;
  if (!embed) return post;
  const wanted = (/** @type {string} */ rel) => embed === true || embed.includes(rel);
  /** @type {Record<string, unknown>} */
  const embedded = {};
  for (const rel of EMBEDDABLE) {
    if (!wanted(rel)) continue;
    if (rel === 'replies') {
      const replies = store ? store.list({ posts: [POST_ID] }).rows : [];
      if (replies.length) {
        embedded.replies = [
          replies.map((row) => {
            const full = /** @type {Record<string, unknown>} */ (toRestComment(row, origin, store));
            return Object.fromEntries(COMMENT_EMBED_FIELDS.map((key) => [key, full[key]]));
          }),
        ];
      }
    } else if (rel in stored) embedded[rel] = stored[rel];
  }
  if (Object.keys(embedded).length) post._embedded = embedded;
  return post;
}

/**
 * The server-rendering module, loaded on first use (the demo runs without it, e.g. before
 * `npm run build` has built dist/ssr/). A failed import is tried again on the next request, under
 * a fresh URL so Node's module cache does not keep the failure.
 * @returns {() => Promise<{ renderStory: (source: unknown, options?: Record<string, unknown>) => Promise<string> }>}
 */
function defaultSsrLoader() {
  const href = new URL('../dist/ssr/index.js', import.meta.url).href;
  /** @type {any} */
  let loaded;
  let attempts = 0;
  return async () => {
    if (loaded) return loaded;
    const module = await import(attempts++ ? `${href}?attempt=${attempts}` : href);
    if (typeof module.renderStory !== 'function') throw new Error('dist/ssr/index.js does not export renderStory()');
    return (loaded = module);
  };
}

/**
 * @typedef {object} EmbedRoutesOptions
 * @property {import('./comments/db.js').CommentStore} [store] the comment store, for embedded replies
 * @property {() => Promise<{ renderStory: Function }>} [loadSsr] loads the SSR module (tests pass a stand-in)
 */

/**
 * The request handler of the partner-embed routes; resolves true when it answered.
 * @param {EmbedRoutesOptions} [options]
 */
export function createEmbedRoutes({ store, loadSsr = defaultSsrLoader() } = {}) {
  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   */
  async function handle(req, res, url) {
    const match = POST_ROUTE.exec(url.pathname);
    if (match) {
      await post(req, res, url, Number(match[1]));
      return true;
    }
    if (Object.hasOwn(PAGES, url.pathname)) {
      await page(req, res, url);
      return true;
    }
    return false;
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   * @param {number} id
   */
  async function post(req, res, url, id) {
    // A partner page on another origin fetches the post: any origin may read it (it is public).
    const cors = {
      'access-control-allow-origin': '*',
      'access-control-expose-headers': 'X-WP-Total, X-WP-TotalPages, Link',
      'access-control-allow-headers': 'Authorization, X-WP-Nonce, Content-Disposition, Content-MD5, Content-Type',
    };
    const method = req.method ?? 'GET';
    if (method === 'OPTIONS') {
      res.writeHead(200, { ...cors, 'access-control-allow-methods': 'OPTIONS, GET', allow: 'GET', 'content-length': 0 });
      res.end();
      return;
    }
    if (id !== POST_ID) {
      sendJson(res, 404, restError('rest_post_invalid_id', 'Invalid post ID.', 404), cors);
      return;
    }
    if (method !== 'GET' && method !== 'HEAD') {
      const error =
        method === 'DELETE'
          ? restError('rest_cannot_delete', 'Sorry, you are not allowed to delete this post.', 401)
          : restError('rest_cannot_edit', 'Sorry, you are not allowed to edit this post.', 401);
      sendJson(res, 401, error, cors);
      return;
    }
    const body = await wordPressPost(requestOrigin(req), parseEmbed(url.searchParams), store);
    if (method === 'HEAD') {
      res.writeHead(200, { 'content-type': 'application/json; charset=UTF-8', allow: 'GET', ...cors });
      res.end();
      return;
    }
    sendJson(res, 200, body, { allow: 'GET', ...cors });
  }

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   */
  async function page(req, res, url) {
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      res.writeHead(405, { 'content-type': 'text/plain; charset=utf-8', allow: 'GET, HEAD' });
      res.end('Method not allowed');
      return;
    }
    let html = await readFile(PAGES[/** @type {keyof typeof PAGES} */ (url.pathname)], 'utf8');
    if (url.searchParams.get('css') === 'off') html = html.replace(HOSTILE_LINK, '');
    /** @type {string[]} */
    let hashes = [];
    if (html.includes(SSR_PLACEHOLDER)) {
      const origin = requestOrigin(req);
      let ssr;
      try {
        ssr = await loadSsr();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store', 'retry-after': '60' });
        res.end(
          'Server rendering is not available: renderStory() could not be loaded from dist/ssr/index.js.\n' +
            'Build it with `npm run build` (the client-rendered page, /demo/embed.html, works without it).\n\n' +
            `${reason}\n`,
        );
        return;
      }
      const source = `${origin}/wp-json/wp/v2/posts/${POST_ID}?_embed`;
      const story = await wordPressPost(origin, true, store);
      let rendered;
      try {
        rendered = String(await ssr.renderStory(story, { baseUrl: source, comments: true }));
      } catch (error) {
        console.error(error);
        const reason = error instanceof Error ? error.message : String(error);
        res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
        res.end(`renderStory() failed on the reference post: ${reason}\n`);
        return;
      }
      hashes = styleHashes(rendered);
      html = html.replace(SSR_PLACEHOLDER, () => rendered);
    }
    const body = Buffer.from(html, 'utf8');
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'content-security-policy': partnerCsp(hashes),
    });
    res.end(method === 'HEAD' ? undefined : body);
  }

  return { handle };
}
