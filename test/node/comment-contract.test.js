// The demo comment server against real WordPress: every recorded comment answer in
// test/fixtures/wordpress/*.json (recorded from WordPress 6.1.9 by `npm run test:wordpress`) is
// replayed against the demo server, which must give the same status, the same Content-Type, the
// same Location (ids and hashes masked), the same error body (for `exact` error fixtures: code,
// message and data, all of it), the same wp_die() message, and for comments the same keys and
// JSON types all the way down, and the same `status`.
//
// Mapping from the recorded site to the demo (site.json says which ids the site used):
// - the site's open post (site.posts.open) → demo post 1; its closed post → demo post 2; any other
//   post id is left as it is (unknown to the demo too, e.g. 999999); fixtures on the site's
//   "plain" post have no demo counterpart and are skipped;
// - a non-zero parent (`parent`, `comment_parent`) → an approved comment seeded on demo post 1
//   (the site's open post has one approved comment too);
// - each fixture runs on a fresh demo server and data folder, with the site's settings for it:
//   moderation `approve` when WordPress published the comment at once (its answer says
//   "approved", or its redirect has no `unapproved=`), else `hold`; flood control on (15 s) only
//   for a flood fixture. A duplicate fixture first sends its request once, a flood fixture first
//   sends another comment, as the recording did.
// Differences that are deliberate and documented in demo/comments/*.js: the demo adds
// Retry-After to a flood answer; escapes every commenter character in content.rendered (WordPress
// keeps a few tags); keeps only http(s) websites (WordPress stores "http://not%20a%20url").
// Fixtures the demo cannot play: rest_comment_login_required (the demo is a WordPress with
// anonymous REST comments allowed; it has no switch to refuse them).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer } from '../../demo/server.js';
import { FIXTURE_DIR, shapeOf, wpDieMessage, maskLocation } from '../../scripts/wordpress/fixtures.js';

const COMMENT_PATHS = /^\/(wp-json\/wp\/v2\/comments\b|wp-comments-post\.php\b|\?rest_route=\/wp\/v2\/comments\b)/;
const SKIP = {
  rest_comment_login_required: 'the demo always allows anonymous REST comments (WordPress with the filter on)',
};

const site = existsSync(join(FIXTURE_DIR, 'site.json')) ? JSON.parse(readFileSync(join(FIXTURE_DIR, 'site.json'), 'utf8')) : null;
const fixtures = existsSync(FIXTURE_DIR)
  ? readdirSync(FIXTURE_DIR)
      .filter((file) => file.endsWith('.json') && file !== 'site.json')
      .sort()
      .map((file) => JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8')))
      .filter((fixture) => fixture.request && COMMENT_PATHS.test(fixture.request.path))
  : [];

test('comment fixtures of real WordPress exist to check the demo server against', () => {
  assert.ok(site, 'test/fixtures/wordpress/site.json exists');
  assert.ok(fixtures.length >= 10, `found ${fixtures.length} comment fixtures`);
  assert.ok(fixtures.some((f) => f.request.path.startsWith('/wp-json/')), 'REST fixtures');
  assert.ok(fixtures.some((f) => f.request.path.startsWith('/wp-comments-post.php')), 'classic form fixtures');
});

/** @param {unknown} id @param {number} seedId */
function mapPost(id) {
  const n = Number(id);
  if (n === site.posts.open) return 1;
  if (n === site.posts.closed) return 2;
  return n;
}

/** The fixture's request with the site's ids turned into the demo's. */
function mapRequest(request, seedId) {
  const path = request.path.replace(/([?&]post=)(\d+)/, (_, key, id) => `${key}${mapPost(id)}`);
  if (!request.body || typeof request.body !== 'object') return { ...request, path };
  const body = { ...request.body };
  const asString = (value, n) => (typeof value === 'string' ? String(n) : n);
  if ('post' in body) body.post = asString(body.post, mapPost(body.post));
  if ('comment_post_ID' in body) body.comment_post_ID = asString(body.comment_post_ID, mapPost(body.comment_post_ID));
  if ('parent' in body && Number(body.parent)) body.parent = asString(body.parent, seedId);
  if ('comment_parent' in body && Number(body.comment_parent)) body.comment_parent = asString(body.comment_parent, seedId);
  return { ...request, path, body };
}

/** Whether a fixture needs the site's "plain" post, which the demo does not have. */
function usesPlainPost(request) {
  const ids = [request.body?.post, request.body?.comment_post_ID, /[?&]post=(\d+)/.exec(request.path)?.[1]];
  return ids.some((id) => id !== undefined && Number(id) === site.posts.plain);
}

async function exchange(base, { method, path, contentType, body }) {
  const init = { method, redirect: 'manual', headers: {} };
  if (body !== null && body !== undefined) {
    init.headers['content-type'] = contentType;
    init.body = contentType === 'application/json' ? JSON.stringify(body) : new URLSearchParams(body).toString();
  }
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  const type = res.headers.get('content-type') ?? '';
  return { res, type, text, json: /json/.test(type) && text ? JSON.parse(text) : undefined };
}

/** A Location reduced to what both servers share: the post page as <post>, ids and hashes masked. */
function comparableLocation(location) {
  if (!location) return null;
  const url = new URL(location);
  const path = url.pathname.startsWith('/wp-json/') ? url.pathname.replace(/\/\d+$/, '/N') : '<post>';
  return maskLocation(`${path}${url.search}${url.hash}`);
}

const expectedCode = (fixture) => fixture.response.body?.code;
const isFlood = (fixture) => expectedCode(fixture) === 'comment_flood' || /too quickly/.test(fixture.response.message ?? '');
const isDuplicate = (fixture) => expectedCode(fixture) === 'comment_duplicate' || fixture.response.status === 409;
const publishedAtOnce = (fixture) =>
  fixture.response.body?.status === 'approved' ||
  (fixture.response.status === 302 && !/unapproved=/.test(fixture.response.headers.location ?? ''));

for (const fixture of fixtures) {
  const skip = SKIP[expectedCode(fixture)] ?? (site && usesPlainPost(fixture.request) ? 'the demo has no "plain" post' : undefined);
  test(`${fixture.name}: ${fixture.description}`, { skip }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'news-contract-'));
    const { server, url } = await startDemoServer({
      port: 0,
      dataDir,
      moderation: publishedAtOnce(fixture) ? 'approve' : 'hold',
      floodSeconds: isFlood(fixture) ? 15 : 0,
    });
    const base = url.replace(/\/$/, '');
    try {
      const seed = server.commentApi.store.insert({
        post_id: 1,
        parent_id: 0,
        author_name: 'Seed Reader',
        author_email: 'seed.reader@example.com',
        author_url: '',
        author_ip: '192.0.2.1',
        user_agent: '',
        content: 'The approved comment every reply answers.',
        status: 'approved',
        created_ms: Date.now() - 2 * 3600_000,
      });
      const request = mapRequest(fixture.request, seed.id);
      if (isDuplicate(fixture)) {
        const first = await exchange(base, request);
        assert.ok([201, 302].includes(first.res.status), `the first of the duplicates is accepted (${first.res.status})`);
      }
      if (isFlood(fixture)) {
        const other = request.contentType === 'application/json'
          ? { ...request.body, content: 'The first comment.', author_name: 'Flo First', author_email: 'flo.first@example.com' }
          : { ...request.body, comment: 'The first comment.', author: 'Flo First', email: 'flo.first@example.com' };
        const first = await exchange(base, { ...request, body: other });
        assert.ok([201, 302].includes(first.res.status), `the first comment is accepted (${first.res.status})`);
      }

      const live = await exchange(base, request);
      const expected = fixture.response;
      assert.equal(live.res.status, expected.status, `status (${live.text.slice(0, 300)})`);
      assert.equal(live.type, expected.headers['content-type'], 'Content-Type');
      assert.equal(comparableLocation(live.res.headers.get('location')), comparableLocation(expected.headers.location), 'Location');
      for (const name of ['x-wp-total', 'x-wp-totalpages']) {
        if (name in expected.headers) assert.match(live.res.headers.get(name) ?? '', /^\d+$/, name);
      }
      if (isFlood(fixture)) assert.match(live.res.headers.get('retry-after') ?? '', /^\d+$/, 'our Retry-After');

      if (typeof expected.body === 'string') {
        // HTML (a wp_die page) or nothing (a redirect, the silent exit for an unknown post).
        assert.equal(wpDieMessage(live.text), expected.message ?? wpDieMessage(expected.body), 'wp_die message');
        if (expected.body.includes('<title>')) assert.match(live.text, /<title>Comment Submission Failure<\/title>/);
        return;
      }
      const body = live.json;
      if (expected.body && !Array.isArray(expected.body) && 'code' in expected.body) {
        if (fixture.check === 'exact') assert.deepEqual(body, expected.body, 'the error, all of it');
        else assert.equal(body.code, expected.body.code, 'code');
        return;
      }
      if (Array.isArray(expected.body)) {
        assert.ok(Array.isArray(body), 'a list');
        if (expected.body.length) {
          assert.ok(body.length > 0, 'the list is not empty');
          assert.deepEqual(shapeOf(body[0]), shapeOf(expected.body[0]), 'same keys and types');
        }
        return;
      }
      assert.deepEqual(Object.keys(body), Object.keys(expected.body), 'same top-level keys, same order');
      assert.deepEqual(shapeOf(body), shapeOf(expected.body), 'same keys and types all the way down');
      assert.equal(body.status, expected.body.status, 'same status');
      assert.equal(body.parent ? 'reply' : 'top', expected.body.parent ? 'reply' : 'top');
      // Whatever WordPress keeps of the markup, the demo keeps none of it.
      assert.doesNotMatch(body.content.rendered.replace(/<\/?p>|<br \/>/g, ''), /</, 'no commenter markup in content.rendered');
    } finally {
      await new Promise((resolveClose) => {
        server.close(() => resolveClose(undefined));
        server.closeAllConnections();
      });
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
}
