// The demo comment server's API, mounted by demo/server.js in front of the static files:
//   /wp-json/wp/v2/comments[/N]   WordPress REST subset (rest.js)
//   /wp-comments-post.php         classic WordPress form post (classic.js)
//   /api/comments                 the small JSON contract (json.js)
//   /wp-json/…                    anything else: WordPress's 404 rest_no_route
// Options default from the environment: DATA_DIR (default <repo>/.data), MODERATION ('hold' by
// default; 'approve' publishes at once), FLOOD_SECONDS (default 15 like WordPress; 0 turns the
// check off).
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommentStore } from './db.js';
import { createCommentService } from './service.js';
import { createRestHandler, noRoute, REST_PREFIX } from './rest.js';
import { createClassicHandler } from './classic.js';
import { createJsonHandler } from './json.js';
import { corsHeaders, sendJson } from './http.js';

const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/**
 * @typedef {object} CommentApiOptions
 * @property {string} [dataDir] folder of comments.sqlite (env DATA_DIR, default <repo>/.data)
 * @property {'hold' | 'approve'} [moderation] env MODERATION, default 'hold'
 * @property {number} [floodSeconds] env FLOOD_SECONDS, default 15; 0 disables
 * @property {string} [csp] Content-Security-Policy for HTML answers
 */

/**
 * The options with the environment's defaults filled in.
 * @param {CommentApiOptions} [options]
 * @param {NodeJS.ProcessEnv} [env]
 */
export function resolveCommentOptions(options = {}, env = process.env) {
  const dataDir = resolve(options.dataDir ?? (env.DATA_DIR || resolve(repoRoot, '.data')));
  const moderationValue = options.moderation ?? (env.MODERATION || 'hold');
  if (moderationValue !== 'hold' && moderationValue !== 'approve') {
    throw new TypeError(`MODERATION must be "hold" or "approve", not "${moderationValue}"`);
  }
  const floodValue = options.floodSeconds ?? (env.FLOOD_SECONDS === undefined || env.FLOOD_SECONDS === '' ? 15 : Number(env.FLOOD_SECONDS));
  if (!Number.isFinite(floodValue) || floodValue < 0) {
    throw new TypeError(`FLOOD_SECONDS must be a number of seconds ≥ 0, not "${floodValue}"`);
  }
  return { dataDir, moderation: /** @type {'hold' | 'approve'} */ (moderationValue), floodSeconds: floodValue };
}

/**
 * Opens the comment database and returns the request handler.
 * @param {CommentApiOptions} [options]
 */
export function createCommentApi(options = {}) {
  const resolved = resolveCommentOptions(options);
  const store = new CommentStore(resolved.dataDir);
  const service = createCommentService({ store, moderation: resolved.moderation, floodSeconds: resolved.floodSeconds });
  const handlers = [createRestHandler(service), createClassicHandler(service, options.csp ?? "default-src 'none'"), createJsonHandler(service)];

  /**
   * Answers the request when it is an API request; resolves false otherwise.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {URL} url
   */
  async function handle(req, res, url) {
    for (const handler of handlers) {
      if (await handler(req, res, url)) return true;
    }
    if (url.pathname === '/wp-json' || url.pathname.startsWith(REST_PREFIX)) {
      sendJson(res, 404, noRoute(), corsHeaders(req));
      return true;
    }
    return false;
  }

  return {
    handle,
    /** The database file. */
    file: store.file,
    options: resolved,
    store,
    close: () => store.close(),
  };
}

/** @typedef {ReturnType<typeof createCommentApi>} CommentApi */
