// HTTP endpoints of the <news-comment-form> browser tests (see ./index.js).
//
// `plugin` starts the real demo comment server (demo/server.js: WordPress REST subset, classic
// wp-comments-post.php and the JSON contract, on SQLite) on 127.0.0.1, port 0, with a throw-away
// data folder, moderation 'hold' and the flood check off (every test posts from 127.0.0.1).
// `middleware` proxies /wp-json/*, /wp-comments-post.php and /api/comments* to it, so the browser
// posts same-origin through web-test-runner's own HTTP server to the real server over HTTP.
// /test-api/comments/* are answers the demo server never gives: a 500 page, a slow answer, an
// answer that is not JSON, a 429 with Retry-After.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

let demo; // { server, url }
let dataDir;

export const plugin = {
  name: 'news-comment-form-demo-server',
  async serverStart() {
    const { startDemoServer } = await import('../../demo/server.js');
    dataDir = mkdtempSync(join(tmpdir(), 'news-comments-test-'));
    demo = await startDemoServer({ port: 0, host: '127.0.0.1', dataDir, moderation: 'hold', floodSeconds: 0 });
  },
  async serverStop() {
    if (demo) {
      await new Promise((resolve) => {
        demo.server.close(resolve);
        demo.server.closeAllConnections?.();
      });
      demo = undefined;
    }
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  },
};

const PROXIED = /^\/(?:wp-json(?:\/|$)|wp-comments-post\.php$|api\/comments(?:\/|$))/;
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'content-encoding', 'host']);

async function readBody(req) {
  const chunks = [];
  for await (const chunk of req) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** Forwards the request to the demo server and copies its answer (a redirect stays a redirect). */
async function proxy(ctx) {
  if (!demo) {
    ctx.status = 503;
    ctx.body = 'demo server not started';
    return;
  }
  const headers = {};
  for (const [name, value] of Object.entries(ctx.request.headers)) if (!HOP_BY_HOP.has(name)) headers[name] = value;
  const body = ctx.method === 'GET' || ctx.method === 'HEAD' ? undefined : await readBody(ctx.req);
  const answer = await fetch(new URL(ctx.url, demo.url), { method: ctx.method, headers, body, redirect: 'manual' });
  ctx.status = answer.status;
  answer.headers.forEach((value, name) => {
    if (!HOP_BY_HOP.has(name)) ctx.set(name, value);
  });
  ctx.body = Buffer.from(await answer.arrayBuffer());
}

/** Answers the demo server never gives, for the element's failure paths over real HTTP. */
async function testApi(ctx) {
  const name = ctx.path.slice('/test-api/comments/'.length);
  switch (name) {
    case '500':
      ctx.status = 500;
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Internal Server Error</title><h1>Internal Server Error</h1>';
      return;
    case 'not-json':
      ctx.status = 201;
      ctx.type = 'text/html';
      ctx.body = '<!doctype html><title>Welcome</title><p>A captive portal page, not JSON.</p>';
      return;
    case 'slow':
      await new Promise((resolve) => setTimeout(resolve, 3000));
      ctx.status = 201;
      ctx.type = 'application/json';
      ctx.body = JSON.stringify({ id: 1, status: 'hold', author_name: 'Slow', content: { rendered: '<p>slow</p>' } });
      return;
    case 'flood':
      ctx.status = 429;
      ctx.type = 'application/json';
      ctx.set('Retry-After', '3');
      ctx.body = JSON.stringify({ code: 'comment_flood', message: 'You are posting comments too quickly. Slow down.', data: { status: 429 } });
      return;
    default:
      ctx.status = 404;
      ctx.body = 'unknown test endpoint';
  }
}

export const middleware = [
  async function comments(ctx, next) {
    if (ctx.path.startsWith('/test-api/comments/')) return testApi(ctx);
    if (PROXIED.test(ctx.path)) return proxy(ctx);
    return next();
  },
];
