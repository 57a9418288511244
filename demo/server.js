// The demo server: `npm start` serves the reference article (demo/index.html) with the built
// bundle (dist/news-elements.js). No dependencies: node:http only. Honours PORT (default 8000)
// and HOST (default 127.0.0.1). Every page is served under a strict Content-Security-Policy,
// so the demo also proves the elements need no inline script or style.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));

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

/** Only these folders of the repository are served. */
const PUBLIC = ['demo', 'dist'];

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

function send(res, status, body, headers = {}) {
  res.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', ...headers });
  res.end(body);
}

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
  const headers = {
    'content-type': type,
    'content-length': info.size,
    'cache-control': 'no-cache',
    'x-content-type-options': 'nosniff',
  };
  if (type.startsWith('text/html')) headers['content-security-policy'] = CSP;
  res.writeHead(200, headers);
  if (req.method === 'HEAD') return res.end();
  res.end(await readFile(file));
}

/** Creates the demo server (not listening). */
export function createDemoServer() {
  return createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'Method not allowed', { allow: 'GET, HEAD' });
      if (url.pathname === '/') return send(res, 302, '', { location: '/demo/index.html' });
      return await serveFile(req, res, url.pathname);
    } catch (error) {
      console.error(error);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    }
  });
}

/** Starts the server; resolves with its base URL. Port 0 picks a free one. */
export function startDemoServer({ port = Number(process.env.PORT ?? 8000), host = process.env.HOST ?? '127.0.0.1' } = {}) {
  const server = createDemoServer();
  return new Promise((resolveStart, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolveStart({ server, url: `http://${host}:${address.port}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { url } = await startDemoServer();
  console.log(`news-elements demo: ${url}demo/index.html`);
  console.log('Press Ctrl+C to stop.');
}
