/**
 * Koa middleware for the <news-story> browser tests (see ./index.js), under /test-api/story/:
 * real WordPress REST answers recorded from WordPress 6.1.9 by scripts/wordpress/ (served as that
 * site would answer from this server), our story JSON and JSON-LD fixtures, an HTML page holding
 * JSON-LD, and the failures a static file cannot be (500, not JSON, slow, huge).
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('../../', import.meta.url);
const file = (path) => fileURLToPath(new URL(path, root));
const PREFIX = '/test-api/story/';
/** Stands in for the recorded site's origin (http://wordpress.test). */
const SITE = `${PREFIX}site`;
const UPLOAD = file('demo/images/crocus-1200.jpg');

function wordpress(name, origin) {
  const path = file(`test/fixtures/wordpress/${name}.json`);
  if (!/^[\w-]+$/.test(name) || !existsSync(path)) return undefined;
  const recorded = JSON.parse(readFileSync(path, 'utf8'));
  return JSON.stringify(recorded.response.body).replaceAll('http://wordpress.test', `${origin}${SITE}`);
}

/** A 2 MB story: many paragraphs, a few figures and links, in our JSON. */
function huge() {
  const story = JSON.parse(readFileSync(file('test/fixtures/story/reference.story.json'), 'utf8'));
  const paragraph = '<p>Paragraph with <a href="https://example.com/a">a link</a>, <em>emphasis</em> and text that goes on for a while so the body is long: lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>\n';
  const parts = [];
  let size = 0;
  for (let i = 0; size < 2 * 1024 * 1024; i++) {
    const p = i % 500 === 0 ? `<h2>Part ${i / 500 + 1}</h2>\n` : paragraph;
    parts.push(p);
    size += p.length;
  }
  story.body = parts.join('');
  return JSON.stringify(story);
}

export const middleware = [
  async function storyApi(ctx, next) {
    if (!ctx.path.startsWith(PREFIX)) return next();
    const route = ctx.path.slice(PREFIX.length);
    const origin = `${ctx.protocol}://${ctx.host}`;
    ctx.set('Cache-Control', 'no-store');

    if (route.startsWith('site/')) {
      // The recorded site's uploads: every size is served from the demo's crocus photo.
      ctx.type = 'image/jpeg';
      ctx.body = readFileSync(UPLOAD);
      return;
    }
    if (route.startsWith('wp/')) {
      const body = wordpress(route.slice(3), origin);
      if (body === undefined) {
        ctx.status = 404;
        ctx.type = 'application/json; charset=UTF-8';
        ctx.body = JSON.stringify({ code: 'rest_post_invalid_id', message: 'Invalid post ID.', data: { status: 404 } });
        return;
      }
      ctx.type = 'application/json; charset=UTF-8';
      ctx.body = body;
      return;
    }
    switch (route) {
      case 'ours':
        ctx.type = 'application/json';
        ctx.body = readFileSync(file('test/fixtures/story/reference.story.json'));
        return;
      case 'jsonld':
        ctx.type = 'application/ld+json';
        ctx.body = readFileSync(file('test/fixtures/story/reference.jsonld.json'));
        return;
      case 'jsonld-page': {
        const ld = readFileSync(file('test/fixtures/story/reference.jsonld.json'), 'utf8').replace(/</g, '\\u003c');
        ctx.type = 'text/html; charset=utf-8';
        ctx.body = `<!doctype html><html lang="en"><head><title>Story</title><script type="application/ld+json">${ld}</script></head><body><p>Page</p></body></html>`;
        return;
      }
      case 'huge':
        ctx.type = 'application/json';
        ctx.body = huge();
        return;
      case 'not-json':
        ctx.type = 'application/json';
        ctx.body = '{"headline": "cut off';
        return;
      case 'no-story':
        ctx.type = 'application/json';
        ctx.body = '{"hello": "world"}';
        return;
      case 'error':
        ctx.status = 500;
        ctx.type = 'text/html';
        ctx.body = '<h1>Internal Server Error</h1>';
        return;
      case 'slow': {
        const ms = Math.min(Number(ctx.query.ms) || 1000, 20000);
        await new Promise((resolve) => setTimeout(resolve, ms));
        ctx.type = 'application/json';
        ctx.body = readFileSync(file('test/fixtures/story/reference.story.json'));
        return;
      }
      default:
        return next();
    }
  },
];
