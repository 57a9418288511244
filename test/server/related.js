/**
 * Koa middleware for the <news-related> browser tests (see ./index.js): endpoints a static file
 * cannot be — a slow answer, a server error, a body that is not JSON — and real WordPress REST
 * answers served with WordPress's own headers. Routes live under /test-api/related/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
const LIST = fileURLToPath(new URL('test/assets/related/list.json', root));
const IMAGE = fileURLToPath(new URL('test/assets/related/sea.svg', root));

/** WordPress answers: the key is the route, the value the file (a missing file answers 404). */
const WORDPRESS = {
  // WordPress's own REST API client fixture (wp-api.js): a bare posts array, no _embed.
  wordpress: 'test/assets/related/wp-posts-collection.json',
  // Recorded from a real WordPress 6.1 (`/wp-json/wp/v2/posts?_embed&per_page=5`) by
  // scripts/wordpress/: `{ request, response: { status, headers, body } }`, the site written as
  // http://wordpress.test. Served as that WordPress would answer from this server.
  'wordpress-embed': 'test/fixtures/wordpress/posts-embed.json',
};

/** Stands in for the recorded site's origin: its links and uploads point back at this server. */
const SITE = '/test-api/related/wp';

/** The recorded site's uploads were made from the demo's crocus photo (every size is that file). */
const UPLOAD = fileURLToPath(new URL('demo/images/crocus-1200.jpg', root));

/** What happened to each `slow?id=…` request: `pending`, `answered` or `aborted` (the client gave up). */
const seen = new Map();

const wait = (ms, res) =>
  new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    // The browser aborted (AbortController, time-out, navigation): stop waiting, report it.
    res.once('close', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });

export const middleware = [
  async function relatedApi(ctx, next) {
    const prefix = '/test-api/related/';
    if (!ctx.path.startsWith(prefix)) return next();
    const route = ctx.path.slice(prefix.length);
    ctx.set('Cache-Control', 'no-store');

    if (route === 'slow') {
      // ?ms=… (at most 20 s) then the sample list (?as=image: an SVG image); ?id=… lets a test ask
      // /seen what became of it.
      const ms = Math.min(Number(ctx.query.ms) || 1000, 20000);
      const id = String(ctx.query.id ?? '');
      if (id) seen.set(id, 'pending');
      if (await wait(ms, ctx.res)) {
        if (id) seen.set(id, 'aborted');
        return;
      }
      if (id) seen.set(id, 'answered');
      const image = ctx.query.as === 'image';
      ctx.type = image ? 'image/svg+xml' : 'application/json';
      ctx.body = readFileSync(image ? IMAGE : LIST);
      return;
    }
    if (route === 'seen') {
      ctx.body = { state: seen.get(String(ctx.query.id)) ?? 'unknown' };
      return;
    }
    if (route === 'error') {
      ctx.status = 500;
      ctx.body = { code: 'internal_server_error', message: 'There has been a critical error on this website.' };
      return;
    }
    if (route === 'not-json') {
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Maintenance</title><p>Briefly unavailable for scheduled maintenance.</p>';
      return;
    }
    if (route === 'not-list') {
      ctx.body = { items: 'none' };
      return;
    }
    if (route in WORDPRESS) {
      const file = fileURLToPath(new URL(WORDPRESS[route], root));
      if (!existsSync(file)) {
        ctx.status = 404;
        ctx.body = { code: 'rest_no_route', message: 'No route was found matching the URL and request method.', data: { status: 404 } };
        return;
      }
      const saved = JSON.parse(readFileSync(file, 'utf8'));
      const recorded = Array.isArray(saved) ? { status: 200, headers: {}, body: saved } : saved.response;
      ctx.status = recorded.status;
      for (const [name, value] of Object.entries(recorded.headers ?? {})) ctx.set(name, String(value));
      ctx.set('Content-Type', 'application/json; charset=UTF-8');
      ctx.set('X-WP-Total', String(recorded.body.length));
      ctx.body = JSON.stringify(recorded.body).replaceAll('http://wordpress.test', `${ctx.origin}${SITE}`);
      return;
    }
    if (route.startsWith('wp/wp-content/uploads/crocus-1200')) {
      ctx.type = 'image/jpeg';
      ctx.body = readFileSync(UPLOAD);
      return;
    }
    return next();
  },
];
