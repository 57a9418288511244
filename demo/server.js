// The demo server: `npm start` serves the reference article (demo/index.html) with the built
// bundle (dist/news-elements.js), and the demo comment server beside it (demo/comments/): the
// WordPress REST comments subset, wp-comments-post.php and a small JSON API, stored in an
// embedded SQLite database under DATA_DIR. Honours PORT (default 8000), HOST (default 127.0.0.1),
// DATA_DIR (default <repo>/.data), MODERATION ('hold' | 'approve', default 'hold') and
// FLOOD_SECONDS (default 15, 0 = off). Every page is served under a strict Content-Security-Policy,
// so the demo also proves the elements need no inline script or style.
// The partner-embed routes (demo/embed-routes.js) come first: the reference article as a WordPress
// REST post (/wp-json/wp/v2/posts/1?_embed) and the hostile partner pages /demo/embed.html and
// /demo/embed-ssr.html (server-rendered with dist/ssr/, under their own CSP).
import { createServer } from 'node:http';
import { createCommentApi } from './comments/index.js';
import { createEmbedRoutes } from './embed-routes.js';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** @type {Record<string, string>} */
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
};

/** Only these folders of the repository are served (bench/: the benchmark's pages, `npm run bench`). */
const PUBLIC = ['demo', 'dist', 'bench'];

/** Text is sent compressed, as any CDN or web server sends it (gzip, or brotli when asked). */
const COMPRESSIBLE = /^(text\/|application\/(javascript|json))/;
/** @type {Map<string, { mtime: number, encoding: string, body: Buffer }>} */
const compressed = new Map();

/**
 * `Link: rel=modulepreload` for the chunks the CDN bundle imports statically (dist/sizes.json),
 * sent with a page that loads it: the browser fetches them with the bundle instead of after it,
 * as a CDN or web server can announce them (here: a header, so the page itself names no hash).
 * @returns {Promise<string | null>}
 */
async function bundlePreloads() {
  try {
    const sizes = JSON.parse(await readFile(resolve(root, 'dist/sizes.json'), 'utf8'));
    const files = (sizes.all?.files ?? []).filter((/** @type {string} */ f) => f !== 'dist/news-elements.js');
    return files.length ? files.map((/** @type {string} */ f) => `</${f}>; rel=modulepreload`).join(', ') : null;
  } catch {
    return null; // not built yet
  }
}

export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
  "require-trusted-types-for 'script'",
].join('; ');

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} body
 * @param {Record<string, string>} [headers]
 */
function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

/**
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {string} pathname
 * @returns {Promise<unknown>}
 */
async function serveFile(req, res, pathname) {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^[/\\]+/, '');
  const file = resolve(root, relative);
  const top = relative.split(/[/\\]/)[0];
  if (!file.startsWith(root + sep) || !PUBLIC.includes(top)) return send(res, 404, 'Not found');
  let info;
  try {
    info = await stat(file);
  } catch {
    return send(res, 404, 'Not found');
  }
  if (info.isDirectory()) return serveFile(req, res, join(pathname, 'index.html'));
  const type = TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  /** @type {Record<string, string | number>} */
  const headers = {
    'content-type': type,
    'content-length': info.size,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  /** @type {Buffer | null} */
  let raw = null; // read once, when something needs the bytes
  const bytes = async () => (raw ??= await readFile(file));
  if (type.startsWith('text/html')) {
    headers['content-security-policy'] = CSP;
    if ((await bytes()).includes('/dist/news-elements.js')) {
      const link = await bundlePreloads();
      if (link) headers.link = link;
    }
  }
  const accepted = String(req.headers['accept-encoding'] ?? '');
  const encoding = !COMPRESSIBLE.test(type) ? null : /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
  let body = null;
  if (encoding) {
    const key = `${file}\0${encoding}`;
    let entry = compressed.get(key);
    if (!entry || entry.mtime !== info.mtimeMs) {
      const plain = await bytes();
      const packed = encoding === 'br' ? brotliCompressSync(plain, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }) : gzipSync(plain, { level: 9 });
      entry = { mtime: info.mtimeMs, encoding, body: packed };
      compressed.set(key, entry);
    }
    body = entry.body;
    headers['content-encoding'] = encoding;
    headers['content-length'] = body.length;
    headers.vary = 'accept-encoding';
  }
  res.writeHead(200, headers);
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  res.end(body ?? (await bytes()));
}

/**
 * @typedef {object} DemoServerOptions
 * @property {string} [dataDir] where comments.sqlite lives (env DATA_DIR, default <repo>/.data)
 * @property {'hold' | 'approve'} [moderation] env MODERATION, default 'hold'
 * @property {number} [floodSeconds] env FLOOD_SECONDS, default 15; 0 turns the check off
 * @property {() => Promise<{ renderStory: Function }>} [loadSsr] loads renderStory() for
 *   /demo/embed-ssr.html (default: dist/ssr/index.js, on first use; tests pass a stand-in)
 */

/**
 * Creates the demo server (not listening). It opens the comment database at once and closes it
 * when the server closes; `server.commentApi` exposes it (`.file` is the database file).
 * @param {DemoServerOptions} [options]
 */
export function createDemoServer(options = {}) {
  const commentApi = createCommentApi({ ...options, csp: CSP });
  const embedRoutes = createEmbedRoutes({ store: commentApi.store, loadSsr: options.loadSsr });
  const server = createServer(async (req, res) => {
    let url;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return send(res, 400, 'Bad request');
    }
    try {
      // The post route before the comment API, which answers every other /wp-json/ path with 404.
      if (await embedRoutes.handle(req, res, url)) return;
      // Then the comment API: it answers POST, OPTIONS and its own 404s.
      if (await commentApi.handle(req, res, url)) return;
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
      if (url.pathname === '/') return send(res, 302, '', { location: '/demo/index.html' });
      return await serveFile(req, res, url.pathname);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) {
        if (url.pathname.startsWith('/wp-json') || url.pathname.startsWith('/api/')) {
          const body = JSON.stringify({ code: 'internal_server_error', message: 'Internal error.', data: { status: 500 } });
          send(res, 500, body, { 'content-type': 'application/json; charset=UTF-8', 'x-content-type-options': 'nosniff' });
        } else send(res, 500, 'Internal error');
      } else res.end();
    }
  });
  server.on('close', () => commentApi.close());
  return Object.assign(server, { commentApi });
}

/**
 * Starts the server; resolves with its base URL and the comment database file. Port 0 picks a
 * free one.
 * @param {DemoServerOptions & { port?: number, host?: string }} [options]
 */
export function startDemoServer({ port = Number(process.env.PORT ?? 8000), host = process.env.HOST ?? '127.0.0.1', ...options } = {}) {
  const server = createDemoServer(options);
  return new Promise((resolveStart, reject) => {
    server.once('error', (error) => {
      server.commentApi.close();
      reject(error);
    });
    server.listen(port, host, () => {
      const address = /** @type {import('node:net').AddressInfo} */ (server.address());
      const shownHost = host.includes(':') ? `[${host}]` : host;
      resolveStart({ server, url: `http://${shownHost}:${address.port}/`, dataFile: server.commentApi.file });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url, dataFile, server } = await startDemoServer();
  const { moderation, floodSeconds } = server.commentApi.options;
  console.log(`news-elements demo: ${url}demo/index.html`);
  console.log(`partner embeds: ${url}demo/embed.html (client-rendered), ${url}demo/embed-ssr.html (server-rendered)`);
  console.log(`comments: ${dataFile} (moderation: ${moderation}, flood: ${floodSeconds ? `${floodSeconds} s` : 'off'})`);
  console.log('Press Ctrl+C to stop.');
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      server.close();
      server.closeAllConnections();
    });
  }
}
