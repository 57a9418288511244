/**
 * Server-rendered pages for test/hydrate.test.ts (see ./index.js): the elements rendered with
 * @lit-labs/ssr in a worker thread (./ssr-worker.js), from the current src/.
 *
 * GET /test-api/ssr/page?markup=…[&csp=1] answers a whole page: the markup rendered (declarative
 * shadow DOM) inside `<div id="root">`, styled by /test-api/ssr/page.css (page rules and the article
 * body sheet, as a server renderer ships them). `csp=1` adds a Content-Security-Policy without
 * 'unsafe-inline', which blocks the `<style>` of every server-rendered shadow root. What the
 * elements warned while rendering is in `#root[data-ssr-warnings]` (JSON).
 */
import { Worker } from 'node:worker_threads';

let worker;
let ready;
let nextId = 0;
let bodyCss = '';
const pending = new Map();

function start() {
  worker = new Worker(new URL('./ssr-worker.js', import.meta.url));
  worker.unref();
  ready = new Promise((resolve, reject) => {
    worker.on('message', (message) => {
      if (message.ready) return resolve();
      const done = pending.get(message.id);
      pending.delete(message.id);
      if (message.bodyCss) bodyCss = message.bodyCss;
      done?.(message);
    });
    worker.once('error', (error) => {
      reject(error);
      for (const done of pending.values()) done({ error: String(error), warnings: [] });
      pending.clear();
      worker = undefined;
    });
  });
  return ready;
}

async function renderMarkup(markup) {
  if (!worker) start();
  await ready;
  const id = nextId++;
  return new Promise((resolve) => {
    pending.set(id, resolve);
    worker.postMessage({ id, markup });
  });
}

const escapeAttr = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

const PAGE_CSS = `
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; }
#root { inline-size: 640px; }
`;

export const middleware = [
  async function ssrPages(ctx, next) {
    const prefix = '/test-api/ssr/';
    if (!ctx.path.startsWith(prefix)) return next();
    ctx.set('Cache-Control', 'no-store');
    const route = ctx.path.slice(prefix.length);
    if (route === 'page.css') {
      if (!bodyCss) await renderMarkup('');
      ctx.type = 'text/css';
      ctx.body = PAGE_CSS + bodyCss;
      return;
    }
    if (route !== 'page') return next();
    const result = await renderMarkup(String(ctx.query.markup ?? ''));
    if (result.error) {
      ctx.status = 500;
      ctx.type = 'text/plain';
      ctx.body = result.error;
      return;
    }
    if (ctx.query.csp === '1') {
      ctx.set('Content-Security-Policy', "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:");
    }
    ctx.type = 'text/html';
    ctx.body = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>server-rendered</title><link rel="stylesheet" href="/test-api/ssr/page.css"></head>
<body><div id="root" data-ssr-warnings="${escapeAttr(JSON.stringify(result.warnings))}">${result.html}</div></body>
</html>`;
  },
];
