// The demo comment server's every answer, over real HTTP: the WordPress REST subset
// (/wp-json/wp/v2/comments), the classic form endpoint (/wp-comments-post.php) and the small JSON
// contract (/api/comments); moderation, persistence across a restart, spam traps, CORS, hostile
// text, hostile requests, and `npm start`.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import Database from 'better-sqlite3';
import { startDemoServer } from '../../demo/server.js';
import { resolveCommentOptions } from '../../demo/comments/index.js';
import { DEMO_POSTS, getPost } from '../../demo/comments/posts.js';

const REST = '/wp-json/wp/v2/comments';
const UPSTREAM_KEYS = Object.keys(JSON.parse(readFileSync('/work/shared/fixtures/wordpress-upstream/comment.json', 'utf8')));
let counter = 0;
/** Unique text, so no two tests post a duplicate by accident. */
const unique = (label = 'comment') => `${label} ${++counter} ${Math.random().toString(36).slice(2, 8)}`;

const tempDirs = [];
function tempDir() {
  const dir = mkdtempSync(join(tmpdir(), 'news-comments-test-'));
  tempDirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

/**
 * Starts a demo server on port 0. Flood control is off unless a test asks for it: every request
 * comes from 127.0.0.1.
 */
async function start(options = {}) {
  const dataDir = options.dataDir ?? tempDir();
  const { server, url, dataFile } = await startDemoServer({ port: 0, moderation: 'hold', floodSeconds: 0, ...options, dataDir });
  const base = url.replace(/\/$/, '');
  return {
    server,
    base,
    dataDir,
    dataFile,
    stop: () =>
      new Promise((resolveStop) => {
        server.close(() => resolveStop(undefined));
        server.closeAllConnections();
      }),
  };
}

/** A REST comment with every required field; `fields` overrides. */
function restComment(fields = {}) {
  const name = unique('Reader');
  return { post: 1, author_name: name, author_email: `${name.replace(/\W+/g, '.')}@example.com`, content: unique('Text'), ...fields };
}

/**
 * POSTs a body as JSON (default) or form-encoded, and returns { res, body } (body parsed as JSON
 * when the answer is JSON, else text).
 */
async function send(base, path, body, { type = 'json', headers = {}, method = 'POST', redirect = 'manual' } = {}) {
  const init = { method, redirect, headers: { ...headers } };
  if (body !== undefined) {
    if (type === 'json') {
      init.headers['content-type'] = 'application/json';
      init.body = typeof body === 'string' ? body : JSON.stringify(body);
    } else if (type === 'form') {
      init.headers['content-type'] = 'application/x-www-form-urlencoded';
      init.body = typeof body === 'string' ? body : new URLSearchParams(body).toString();
    } else {
      init.headers['content-type'] = type;
      init.body = body;
    }
  }
  const res = await fetch(`${base}${path}`, init);
  const text = await res.text();
  const isJson = /json/.test(res.headers.get('content-type') ?? '');
  return { res, body: isJson && text ? JSON.parse(text) : text };
}

const get = (base, path, headers = {}) => send(base, path, undefined, { method: 'GET', headers });

/** Asserts a WordPress REST error answer. */
function assertWpError({ res, body }, status, code, message) {
  assert.equal(res.status, status, `status for ${code}: ${JSON.stringify(body)}`);
  assert.equal(body.code, code);
  if (message !== undefined) assert.equal(body.message, message);
  assert.equal(body.data.status, status);
  assert.deepEqual(Object.keys(body), ['code', 'message', 'data']);
  assert.equal(res.headers.get('content-type'), 'application/json; charset=UTF-8');
  assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
}

/** The wp_die() message of a classic error page. */
function dieMessage(html) {
  const match = /<div class="wp-die-message"><p>([\s\S]*?)<\/p><\/div>/.exec(html);
  assert.ok(match, `a wp_die page: ${html.slice(0, 200)}`);
  return match[1];
}

describe('WordPress REST: POST /wp-json/wp/v2/comments', () => {
  let s;
  before(async () => (s = await start()));
  after(() => s.stop());

  test('a JSON comment is created: 201, WordPress’s shape, held for moderation, not listed', async () => {
    const fields = restComment({ author_url: 'https://reader.example/blog' });
    const { res, body } = await send(s.base, REST, fields);
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=UTF-8');
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(res.headers.get('location'), `${s.base}${REST}/${body.id}`);
    assert.deepEqual(Object.keys(body), [...UPSTREAM_KEYS, '_links']);
    assert.equal(body.post, 1);
    assert.equal(body.parent, 0);
    assert.equal(body.author, 0);
    assert.equal(body.author_name, fields.author_name);
    assert.equal(body.author_url, 'https://reader.example/blog');
    assert.match(body.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    assert.equal(body.date_gmt, body.date);
    assert.ok(Math.abs(Date.parse(`${body.date_gmt}Z`) - Date.now()) < 60_000, 'dated now (UTC)');
    assert.deepEqual(body.content, { rendered: `<p>${fields.content}</p>\n` });
    assert.equal(body.link, `${s.base}/demo/index.html#comment-${body.id}`);
    assert.equal(body.status, 'hold');
    assert.equal(body.type, 'comment');
    assert.deepEqual(Object.keys(body.author_avatar_urls), ['24', '48', '96']);
    for (const src of Object.values(body.author_avatar_urls)) assert.match(src, /^data:image\/svg\+xml,/);
    assert.deepEqual(body.meta, []);
    assert.deepEqual(body._links.self, [{ href: `${s.base}${REST}/${body.id}` }]);
    assert.deepEqual(body._links.up, [{ embeddable: true, post_type: 'post', href: `${s.base}/wp-json/wp/v2/posts/1` }]);
    assert.equal(body.author_email, undefined, 'the email is never shown');

    const list = await get(s.base, `${REST}?post=1`);
    assert.ok(!list.body.some((c) => c.id === body.id), 'a held comment is not listed');
    assertWpError(await get(s.base, `${REST}/${body.id}`), 401, 'rest_cannot_read', 'Sorry, you are not allowed to read this comment.');
  });

  test('a form-encoded comment is accepted too, and query-string fields count', async () => {
    const fields = restComment();
    const { res, body } = await send(s.base, REST, { ...fields, post: '1', parent: '0' }, { type: 'form' });
    assert.equal(res.status, 201);
    assert.equal(body.content.rendered, `<p>${fields.content}</p>\n`);
    const { post, ...rest } = restComment();
    const viaQuery = await send(s.base, `${REST}?post=${post}`, rest);
    assert.equal(viaQuery.res.status, 201);
    assert.equal(viaQuery.body.post, 1);
  });

  test('a missing name or email is 400 rest_comment_author_data_required', async () => {
    const message = 'Creating a comment requires valid author name and email values.';
    const { author_name, ...noName } = restComment();
    assertWpError(await send(s.base, REST, noName), 400, 'rest_comment_author_data_required', message);
    const { author_email, ...noEmail } = restComment();
    assertWpError(await send(s.base, REST, noEmail), 400, 'rest_comment_author_data_required', message);
    assertWpError(await send(s.base, REST, restComment({ author_name: '  <b></b> ' })), 400, 'rest_comment_author_data_required');
    assertWpError(await send(s.base, REST, restComment({ author_email: '' })), 400, 'rest_comment_author_data_required');
  });

  test('a malformed email is 400 rest_invalid_param naming author_email', async () => {
    for (const email of ['not-an-email', 'a@b.c', 'reader@example', 'reader@@example.com', ' reader@example.com', 'reader@exa_mple.com']) {
      const answer = await send(s.base, REST, restComment({ author_email: email }));
      assertWpError(answer, 400, 'rest_invalid_param', 'Invalid parameter(s): author_email');
      assert.deepEqual(answer.body.data, {
        status: 400,
        params: { author_email: 'Invalid email address.' },
        details: { author_email: { code: 'rest_invalid_email', message: 'Invalid email address.', data: null } },
      });
    }
  });

  test('parameters of the wrong type are 400 rest_invalid_param, all named at once', async () => {
    const answer = await send(s.base, REST, restComment({ post: 'one', parent: 1.5, author_name: 42 }));
    assertWpError(answer, 400, 'rest_invalid_param', 'Invalid parameter(s): post, parent, author_name');
    assert.equal(answer.body.data.params.post, 'post is not of type integer.');
    assert.equal(answer.body.data.details.author_name.code, 'rest_invalid_type');
    assert.equal(answer.body.data.details.parent.data.param, 'parent');
  });

  test('empty, blank or missing content is 400 rest_comment_content_invalid', async () => {
    for (const content of ['', '   \n\t ', undefined, 7, { raw: '' }]) {
      assertWpError(await send(s.base, REST, restComment({ content })), 400, 'rest_comment_content_invalid', 'Invalid comment content.');
    }
    const raw = await send(s.base, REST, restComment({ content: { raw: 'Sent as content.raw' } }));
    assert.equal(raw.res.status, 201);
    assert.equal(raw.body.content.rendered, '<p>Sent as content.raw</p>\n');
  });

  test('content over 65525 bytes is 400 comment_content_column_length; 65525 is fine', async () => {
    const message = 'Comment field exceeds maximum length allowed.';
    assertWpError(await send(s.base, REST, restComment({ content: 'x'.repeat(65526) })), 400, 'comment_content_column_length', message);
    // Bytes, not characters (WordPress: mb_strlen($content, '8bit')).
    assertWpError(await send(s.base, REST, restComment({ content: 'é'.repeat(32763) })), 400, 'comment_content_column_length');
    assert.equal((await send(s.base, REST, restComment({ content: `${unique()} `.padEnd(65525, 'y') }))).res.status, 201);
    assertWpError(await send(s.base, REST, restComment({ author_name: 'N'.repeat(246) })), 400, 'comment_author_column_length', message);
    assertWpError(
      await send(s.base, REST, restComment({ author_url: `https://example.com/${'p'.repeat(200)}` })),
      400,
      'comment_author_url_column_length',
    );
  });

  test('an unknown or missing post is 403 rest_comment_invalid_post_id', async () => {
    const message = 'Sorry, you are not allowed to create this comment without a post.';
    for (const post of [999999, 0, -1, undefined, '3']) {
      assertWpError(await send(s.base, REST, restComment({ post })), 403, 'rest_comment_invalid_post_id', message);
    }
  });

  test('a post with comments closed is 403 rest_comment_closed', async () => {
    assertWpError(await send(s.base, REST, restComment({ post: 2 })), 403, 'rest_comment_closed', 'Sorry, comments are closed for this item.');
  });

  test('the same comment twice is 409 comment_duplicate', async () => {
    const fields = restComment();
    assert.equal((await send(s.base, REST, fields)).res.status, 201);
    const again = await send(s.base, REST, fields);
    assertWpError(again, 409, 'comment_duplicate', 'Duplicate comment detected; it looks as though you&#8217;ve already said that!');
    // WordPress's rule: same post, parent, name, email and content; another name is another comment.
    assert.equal((await send(s.base, REST, { ...fields, author_name: `${fields.author_name} Jr` })).res.status, 201);
  });

  test('fields a reader may not set are refused like WordPress refuses them', async () => {
    assertWpError(await send(s.base, REST, restComment({ status: 'approved' })), 401, 'rest_comment_invalid_status');
    assertWpError(await send(s.base, REST, restComment({ author: 1 })), 401, 'rest_comment_invalid_author');
    assertWpError(await send(s.base, REST, restComment({ author_ip: '10.0.0.1' })), 401, 'rest_comment_invalid_author_ip');
    assertWpError(await send(s.base, REST, restComment({ type: 'pingback' })), 400, 'rest_invalid_comment_type');
    assert.equal((await send(s.base, REST, restComment({ author: 0, type: 'comment' }))).res.status, 201);
  });

  test('a reply must name an approved comment of the same post: else 400 rest_comment_invalid_parent', async () => {
    const approved = s.server.commentApi.store.insert({
      post_id: 1, parent_id: 0, author_name: 'Seed', author_email: 'seed@example.com', author_url: '', author_ip: '10.9.9.9',
      user_agent: '', content: unique('seed'), status: 'approved', created_ms: Date.now() - 60_000,
    });
    const reply = await send(s.base, REST, restComment({ parent: approved.id }));
    assert.equal(reply.res.status, 201);
    assert.equal(reply.body.parent, approved.id);
    assert.deepEqual(reply.body._links['in-reply-to'], [{ embeddable: true, href: `${s.base}${REST}/${approved.id}` }]);
    const held = (await send(s.base, REST, restComment())).body;
    for (const parent of [999999, held.id, -4]) {
      assertWpError(await send(s.base, REST, restComment({ parent })), 400, 'rest_comment_invalid_parent', 'Invalid parent comment ID.');
    }
  });
});

describe('WordPress REST: flood control', () => {
  test('a second comment from the same IP within FLOOD_SECONDS is 400 comment_flood with Retry-After', async () => {
    const s = await start({ floodSeconds: 30 });
    try {
      const first = restComment();
      assert.equal((await send(s.base, REST, first)).res.status, 201);
      // Duplicate is checked before flood, like WordPress.
      assertWpError(await send(s.base, REST, first), 409, 'comment_duplicate');
      const flood = await send(s.base, REST, restComment());
      assertWpError(flood, 400, 'comment_flood', 'You are posting comments too quickly. Slow down.');
      const wait = Number(flood.res.headers.get('retry-after'));
      assert.ok(wait >= 28 && wait <= 30, `Retry-After ${wait}`);
    } finally {
      await s.stop();
    }
  });

  test('after FLOOD_SECONDS the next comment goes through; spam counts towards the flood', async () => {
    const s = await start({ floodSeconds: 1 });
    try {
      assert.equal((await send(s.base, REST, restComment({ news_hp: 'bot' }))).body.status, 'spam');
      assertWpError(await send(s.base, REST, restComment()), 400, 'comment_flood');
      await new Promise((r) => setTimeout(r, 1100));
      assert.equal((await send(s.base, REST, restComment())).res.status, 201);
    } finally {
      await s.stop();
    }
  });
});

describe('moderation, listing and persistence', () => {
  test('MODERATION=approve publishes at once; GET lists approved comments only, newest first', async () => {
    const dataDir = tempDir();
    const s = await start({ dataDir, moderation: 'approve' });
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const { res, body } = await send(s.base, REST, restComment());
      assert.equal(res.status, 201);
      assert.equal(body.status, 'approved');
      ids.push(body.id);
    }
    const spam = await send(s.base, REST, restComment({ news_form_age_ms: 300 }));
    assert.equal(spam.body.status, 'spam');

    const list = await get(s.base, `${REST}?post=1`);
    assert.equal(list.res.status, 200);
    assert.equal(list.res.headers.get('x-wp-total'), '3');
    assert.equal(list.res.headers.get('x-wp-totalpages'), '1');
    assert.deepEqual(list.body.map((c) => c.id), [...ids].reverse(), 'newest first, spam left out');
    assert.deepEqual(Object.keys(list.body[0]), [...UPSTREAM_KEYS, '_links']);
    assert.deepEqual((await get(s.base, `${REST}?post=1&order=asc`)).body.map((c) => c.id), ids);

    const page2 = await get(s.base, `${REST}?post=1&per_page=2&page=2`);
    assert.deepEqual(page2.body.map((c) => c.id), [ids[0]]);
    assert.equal(page2.res.headers.get('x-wp-totalpages'), '2');
    assert.match(page2.res.headers.get('link'), /rel="prev"/);
    assert.match((await get(s.base, `${REST}?post=1&per_page=2`)).res.headers.get('link'), /page=2>; rel="next"/);
    assert.deepEqual((await get(s.base, `${REST}?post=1&per_page=2&page=9`)).body, []);
    assert.deepEqual((await get(s.base, `${REST}/${ids[0]}`)).body.id, ids[0]);

    // Unknown and closed posts list nothing (WordPress answers 200 []).
    for (const post of [2, 999]) {
      const other = await get(s.base, `${REST}?post=${post}`);
      assert.equal(other.res.status, 200);
      assert.deepEqual(other.body, []);
      assert.equal(other.res.headers.get('x-wp-total'), '0');
    }

    // Restart on the same data folder: the comments are still there, in WAL mode.
    await s.stop();
    const again = await start({ dataDir, moderation: 'hold' });
    try {
      assert.equal(again.dataFile, join(dataDir, 'comments.sqlite'));
      assert.deepEqual((await get(again.base, `${REST}?post=1`)).body.map((c) => c.id), [...ids].reverse());
      const db = new Database(again.dataFile, { readonly: true });
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
      db.close();
      // New ids continue after the old ones; a known author (approved before) is trusted like
      // WordPress's comment_previously_approved, a new one is held.
      const first = (await get(again.base, `${REST}/${ids[0]}`)).body;
      const spamRow = again.server.commentApi.store.get(spam.body.id);
      assert.equal(spamRow.status, 'spam');
      const newcomer = await send(again.base, REST, restComment());
      assert.ok(newcomer.body.id > spam.body.id);
      assert.equal(newcomer.body.status, 'hold');
      const row = again.server.commentApi.store.get(first.id);
      const known = await send(again.base, REST, restComment({ author_name: row.author_name, author_email: row.author_email }));
      assert.equal(known.body.status, 'approved');
    } finally {
      await again.stop();
    }
  });

  test('invalid list parameters are 400 rest_invalid_param; private ones 401', async () => {
    const s = await start();
    try {
      const bad = await get(s.base, `${REST}?post=1&per_page=0&page=0&order=up&orderby=name`);
      assertWpError(bad, 400, 'rest_invalid_param', 'Invalid parameter(s): per_page, page, order, orderby');
      assert.equal(bad.body.data.params.per_page, 'per_page must be between 1 (inclusive) and 100 (inclusive)');
      assert.equal(bad.body.data.params.page, 'page must be greater than or equal to 1');
      assert.equal(bad.body.data.params.order, 'order is not one of asc and desc.');
      assertWpError(await get(s.base, `${REST}?per_page=101`), 400, 'rest_invalid_param');
      const post = await get(s.base, `${REST}?post=abc`);
      assertWpError(post, 400, 'rest_invalid_param', 'Invalid parameter(s): post');
      assert.equal(post.body.data.params.post, 'post[0] is not of type integer.');
      assertWpError(await get(s.base, `${REST}?post=1&status=hold`), 401, 'rest_forbidden_param', 'Query parameter not permitted: status');
      assertWpError(await get(s.base, `${REST}?context=edit`), 401, 'rest_forbidden_context');
      assertWpError(await get(s.base, `${REST}/424242`), 404, 'rest_comment_invalid_id', 'Invalid comment ID.');
      assert.equal((await get(s.base, `${REST}?post=1,2&post[]=3`)).res.status, 200);
    } finally {
      await s.stop();
    }
  });
});

describe('spam traps (news_hp honeypot, news_form_age_ms time trap)', () => {
  let s;
  before(async () => (s = await start({ moderation: 'approve' })));
  after(() => s.stop());

  test('a filled honeypot or a form sent within 2 s is stored as spam, answered 201 status "spam", never listed', async () => {
    const trapped = [{ news_hp: 'http://spam.example' }, { news_form_age_ms: 1999 }, { news_form_age_ms: '150' }, { news_form_age_ms: 'soon' }];
    for (const extra of trapped) {
      const { res, body } = await send(s.base, REST, restComment(extra));
      assert.equal(res.status, 201, JSON.stringify(extra));
      assert.equal(body.status, 'spam', JSON.stringify(extra));
      assert.equal(s.server.commentApi.store.get(body.id).status, 'spam');
      assert.ok(!(await get(s.base, `${REST}?post=1&per_page=100`)).body.some((c) => c.id === body.id));
      assertWpError(await get(s.base, `${REST}/${body.id}`), 401, 'rest_cannot_read');
    }
  });

  test('a person’s form (empty honeypot, ≥ 2 s) and an API client without the fields are accepted', async () => {
    for (const extra of [{ news_hp: '', news_form_age_ms: 2000 }, { news_form_age_ms: '45000' }, {}]) {
      const { body } = await send(s.base, REST, restComment(extra));
      assert.equal(body.status, 'approved', JSON.stringify(extra));
    }
    const form = await send(s.base, REST, { ...restComment(), news_hp: 'x', news_form_age_ms: '9000' }, { type: 'form' });
    assert.equal(form.body.status, 'spam');
  });
});

describe('stored text is never trusted', () => {
  let s;
  before(async () => (s = await start({ moderation: 'approve' })));
  after(() => s.stop());

  test('markup and script come back as escaped text in content.rendered; names and URLs are cleaned', async () => {
    const hostile = '<script>alert(1)</script><img src=x onerror=alert(1)>';
    const { body } = await send(
      s.base,
      REST,
      restComment({ content: `${hostile}\n“quotes” & 'apostrophes'`, author_name: 'Eve <img src=x onerror=alert(1)>"Q"&', author_url: 'javascript:alert(1)' }),
    );
    const expected = '<p>&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;<br />\n“quotes” &amp; &#039;apostrophes&#039;</p>\n';
    assert.equal(body.content.rendered, expected);
    assert.equal(body.author_name, 'Eve &quot;Q&quot;&amp;');
    assert.equal(body.author_url, '');
    const listed = (await get(s.base, `${REST}/${body.id}`)).body;
    assert.equal(listed.content.rendered, expected);
    // The raw text is what is stored.
    assert.equal(s.server.commentApi.store.get(body.id).content, `${hostile}\n“quotes” & 'apostrophes'`);
  });

  test('paragraphs and line breaks become <p> and <br /> like wpautop; only http(s) websites survive', async () => {
    const { body } = await send(s.base, REST, restComment({ content: `${unique('One')}\r\nline two\n\n\n  Para two  `, author_url: 'reader.example' }));
    assert.match(body.content.rendered, /^<p>One \d+ \w+<br \/>\nline two<\/p>\n<p>Para two<\/p>\n$/);
    assert.equal(body.author_url, 'http://reader.example/');
    for (const url of ['data:text/html,x', 'ftp://example.com/', 'http://', '"><script>']) {
      assert.equal((await send(s.base, REST, restComment({ author_url: url }))).body.author_url, '', url);
    }
  });

  test('RTL and astral text survive intact', async () => {
    const text = `${unique('نظر')} 👍🏽 سلام`;
    const { body } = await send(s.base, REST, restComment({ content: text, author_name: 'مریم' }));
    assert.equal(body.content.rendered, `<p>${text}</p>\n`);
    assert.equal(body.author_name, 'مریم');
  });
});

describe('CORS like WordPress REST', () => {
  let s;
  before(async () => (s = await start()));
  after(() => s.stop());

  test('the preflight is answered and the Origin echoed with credentials', async () => {
    const res = await fetch(`${s.base}${REST}`, {
      method: 'OPTIONS',
      headers: { origin: 'https://news.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), 'https://news.example');
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    assert.match(res.headers.get('access-control-allow-methods'), /POST/);
    assert.match(res.headers.get('access-control-allow-methods'), /GET/);
    assert.match(res.headers.get('access-control-allow-headers'), /Content-Type/);
    assert.match(res.headers.get('vary'), /Origin/);
    await res.arrayBuffer();
    const json = await fetch(`${s.base}/api/comments`, { method: 'OPTIONS', headers: { origin: 'https://news.example' } });
    assert.equal(json.headers.get('access-control-allow-origin'), 'https://news.example');
    await json.arrayBuffer();
  });

  test('answers and errors carry the CORS headers, and expose Retry-After and the totals', async () => {
    const created = await send(s.base, REST, restComment(), { headers: { origin: 'https://news.example' } });
    assert.equal(created.res.headers.get('access-control-allow-origin'), 'https://news.example');
    const error = await send(s.base, REST, restComment({ post: 2 }), { headers: { origin: 'https://news.example' } });
    assert.equal(error.res.headers.get('access-control-allow-origin'), 'https://news.example');
    assert.match(error.res.headers.get('access-control-expose-headers'), /Retry-After/);
    assert.match(error.res.headers.get('access-control-expose-headers'), /X-WP-Total/);
    const noOrigin = await get(s.base, `${REST}?post=1`);
    assert.equal(noOrigin.res.headers.get('access-control-allow-origin'), null);
  });
});

describe('hostile and broken requests never crash the server', () => {
  let s;
  before(async () => (s = await start()));
  after(() => s.stop());

  test('malformed JSON is 400 rest_invalid_json', async () => {
    const answer = await send(s.base, REST, '{"post": 1, "content": ');
    assertWpError(answer, 400, 'rest_invalid_json', 'Invalid JSON body passed.');
    assert.equal(answer.body.data.json_error_code, 4);
  });

  test('a body over 1 MB is 413, and the server carries on', async () => {
    const huge = JSON.stringify(restComment({ content: 'x'.repeat(1_100_000) }));
    assertWpError(await send(s.base, REST, huge), 413, 'rest_request_too_large');
    const classic = await send(s.base, '/wp-comments-post.php', `comment=${'x'.repeat(1_100_000)}`, { type: 'form' });
    assert.equal(classic.res.status, 413);
    const json = await send(s.base, '/api/comments', huge);
    assert.equal(json.res.status, 413);
    assert.equal(json.body.error.code, 'too_large');
    assert.equal((await send(s.base, REST, restComment())).res.status, 201);
  });

  test('bodies WordPress would not read give no fields: 403 rest_comment_invalid_post_id', async () => {
    const fields = restComment();
    assertWpError(await send(s.base, REST, JSON.stringify(fields), { type: 'text/plain' }), 403, 'rest_comment_invalid_post_id');
    assertWpError(await send(s.base, REST, '[1, 2, 3]'), 403, 'rest_comment_invalid_post_id');
    assertWpError(await send(s.base, REST, 'null'), 403, 'rest_comment_invalid_post_id');
    assertWpError(await send(s.base, REST, ''), 403, 'rest_comment_invalid_post_id');
  });

  test('a barrage of odd input gets 4xx answers (never 5xx) and the server still serves', async () => {
    const bodies = [
      { post: { $gt: 0 } },
      { post: [1] },
      { post: 1e400 },
      { post: '1e3' },
      { post: 1, parent: '9'.repeat(400) },
      { ...restComment(), __proto__: { polluted: true } },
      JSON.parse('{"__proto__": {"post": 1}, "constructor": {"prototype": {"x": 1}}}'),
      { ...restComment(), content: '\u0000\ud800 lone surrogate' },
      { ...restComment(), author_email: ['a@b.com'] },
      { ...restComment(), author_url: { href: 'x' } },
      { ...restComment(), content: { raw: ['no'] } },
      '{"post": 1, "content": "\\u0000"}',
      Buffer.from([0x7b, 0xff, 0xfe, 0x7d]),
      '{'.repeat(5000) + '}'.repeat(5000),
    ];
    for (const body of bodies) {
      const init = typeof body === 'object' && !Buffer.isBuffer(body) ? JSON.stringify(body) : body;
      const { res } = await send(s.base, REST, init);
      assert.ok(res.status >= 200 && res.status < 500, `${res.status} for ${String(init).slice(0, 60)}`);
    }
    for (const path of [
      `${REST}?post=%ff`,
      `${REST}/99999999999999999999999`,
      `${REST}?per_page=1e2&page=-0`,
      `${REST}?post=1&page=1e20`,
      `${REST}?post=1&offset=1e25`,
      '/wp-json/wp/v2/comments/',
      '/wp-json/../package.json',
      '/api/comments?post_id=%00',
    ]) {
      const { res } = await get(s.base, path);
      assert.ok(res.status < 500, `${res.status} for ${path}`);
    }
    assert.equal(({}).polluted, undefined, 'no prototype pollution');
    assert.equal((await get(s.base, '/demo/index.html')).res.status, 200);
  });

  test('unknown REST routes and methods answer 404 rest_no_route', async () => {
    const message = 'No route was found matching the URL and request method.';
    assertWpError(await send(s.base, REST, restComment(), { method: 'PUT' }), 404, 'rest_no_route', message);
    assertWpError(await send(s.base, `${REST}/1`, {}, { method: 'DELETE' }), 404, 'rest_no_route', message);
    assertWpError(await get(s.base, '/wp-json/wp/v2/nothing'), 404, 'rest_no_route', message);
  });
});

describe('classic form: POST /wp-comments-post.php', () => {
  let s;
  before(async () => (s = await start()));
  after(() => s.stop());
  const CLASSIC = '/wp-comments-post.php';
  const form = (fields = {}) => {
    const name = unique('Classic');
    return { comment: unique('Classic text'), author: name, email: `${name.replace(/\W+/g, '.')}@example.com`, url: '', comment_post_ID: '1', comment_parent: '0', ...fields };
  };
  const post = (fields, options) => send(s.base, CLASSIC, fields, { type: 'form', ...options });

  test('success redirects (302) to the comment; a held one adds unapproved and moderation-hash', async () => {
    const { res, body } = await post(form());
    assert.equal(res.status, 302);
    assert.equal(body, '');
    const location = new URL(res.headers.get('location'));
    assert.equal(location.origin, s.base);
    assert.equal(location.pathname, '/demo/index.html');
    const id = Number(location.hash.replace('#comment-', ''));
    assert.ok(id > 0);
    assert.equal(location.searchParams.get('unapproved'), String(id));
    assert.match(location.searchParams.get('moderation-hash'), /^[0-9a-f]{32}$/);
    assert.equal(s.server.commentApi.store.get(id).status, 'hold');
    // No consent: WordPress clears the comment_author_* cookies.
    const cookies = res.headers.getSetCookie();
    assert.equal(cookies.length, 3);
    for (const cookie of cookies) assert.match(cookie, /^comment_author_(email_|url_)?[0-9a-f]{32}=\+; .*Max-Age=0/);
  });

  test('with cookies consent: the comment_author_* cookies are set and the URL carries no moderation hash', async () => {
    const fields = form({ 'wp-comment-cookies-consent': 'yes', url: 'https://reader.example/', author: 'Zoë Ç' });
    const { res } = await post(fields);
    assert.equal(res.status, 302);
    const location = new URL(res.headers.get('location'));
    assert.equal(location.search, '');
    assert.match(location.hash, /^#comment-\d+$/);
    const cookies = res.headers.getSetCookie();
    assert.ok(cookies.some((c) => c.startsWith('comment_author_') && c.includes(`=${encodeURIComponent('Zoë Ç')};`)));
    assert.ok(cookies.some((c) => c.includes(`=${encodeURIComponent(fields.email)};`)));
    assert.ok(cookies.some((c) => c.includes(`=${encodeURIComponent('https://reader.example/')};`)));
  });

  test('a same-site redirect_to is followed; another site is not', async () => {
    const own = await post(form({ redirect_to: '/demo/related/tesla-customers.html#x' }));
    assert.match(own.res.headers.get('location'), /\/demo\/related\/tesla-customers\.html\?unapproved=\d+&moderation-hash=[0-9a-f]+#comment-\d+$/);
    for (const redirect_to of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
      const other = await post(form({ redirect_to }));
      assert.equal(new URL(other.res.headers.get('location')).origin, s.base, redirect_to);
    }
  });

  test('missing fields, a bad email, an empty or too long comment: WordPress’s 200 error page', async () => {
    const cases = [
      [{ author: '' }, '<strong>Error:</strong> Please fill the required fields.'],
      [{ email: '' }, '<strong>Error:</strong> Please fill the required fields.'],
      [{ email: 'nope' }, '<strong>Error:</strong> Please enter a valid email address.'],
      [{ comment: '   ' }, '<strong>Error:</strong> Please type your comment text.'],
      [{ comment: 'x'.repeat(65526) }, '<strong>Error:</strong> Your comment is too long.'],
      [{ author: 'n'.repeat(246) }, '<strong>Error:</strong> Your name is too long.'],
    ];
    for (const [fields, message] of cases) {
      const { res, body } = await post(form(fields));
      assert.equal(res.status, 200, message);
      assert.equal(res.headers.get('content-type'), 'text/html; charset=UTF-8');
      assert.match(res.headers.get('content-security-policy'), /script-src 'self'/);
      assert.match(body, /<title>Comment Submission Failure<\/title>/);
      assert.equal(dieMessage(body), message);
      assert.match(body, /<a href="\/demo\/index\.html#respond">&laquo; Back<\/a>/);
    }
  });

  test('closed post 403, duplicate 409, reply to an unapproved comment 403, unknown post an empty 200', async () => {
    const closed = await post(form({ comment_post_ID: '2' }));
    assert.equal(closed.res.status, 403);
    assert.equal(dieMessage(closed.body), 'Sorry, comments are closed for this item.');

    const fields = form();
    assert.equal((await post(fields)).res.status, 302);
    const dup = await post(fields);
    assert.equal(dup.res.status, 409);
    assert.equal(dieMessage(dup.body), 'Duplicate comment detected; it looks as though you&#8217;ve already said that!');

    for (const parent of ['999999', String(Number(new URL((await post(form())).res.headers.get('location')).hash.slice(9)))]) {
      const reply = await post(form({ comment_parent: parent }));
      assert.equal(reply.res.status, 403);
      assert.equal(dieMessage(reply.body), 'Sorry, replies to unapproved comments are not allowed.');
    }

    for (const id of ['999', '0', 'abc', '']) {
      const unknown = await post(form({ comment_post_ID: id }));
      assert.equal(unknown.res.status, 200);
      assert.equal(unknown.body, '');
    }
    const notForm = await send(s.base, CLASSIC, form());
    assert.equal(notForm.res.status, 200, 'a JSON body fills no $_POST field');
    assert.equal(notForm.body, '');
  });

  test('GET is 405 with Allow: POST', async () => {
    const { res } = await get(s.base, CLASSIC);
    assert.equal(res.status, 405);
    assert.equal(res.headers.get('allow'), 'POST');
  });

  test('flood is 429 with Retry-After; spam traps redirect like a spam comment; hostile text is stored raw, shown escaped', async () => {
    const f = await start({ floodSeconds: 20, moderation: 'approve' });
    try {
      const hostile = '<script>alert(1)</script>';
      const first = await send(f.base, CLASSIC, form({ comment: hostile }), { type: 'form' });
      assert.equal(first.res.status, 302);
      const id = Number(new URL(first.res.headers.get('location')).hash.slice(9));
      assert.equal((await get(f.base, `${REST}/${id}`)).body.content.rendered, '<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n');
      const flood = await send(f.base, CLASSIC, form(), { type: 'form' });
      assert.equal(flood.res.status, 429);
      assert.equal(dieMessage(flood.body), 'You are posting comments too quickly. Slow down.');
      assert.ok(Number(flood.res.headers.get('retry-after')) > 0);
    } finally {
      await f.stop();
    }
    const spam = await post(form({ news_hp: 'filled' }));
    assert.equal(spam.res.status, 302);
    const spamId = Number(new URL(spam.res.headers.get('location')).hash.slice(9));
    assert.equal(new URL(spam.res.headers.get('location')).search, '');
    assert.equal(s.server.commentApi.store.get(spamId).status, 'spam');
  });
});

describe('the JSON contract: /api/comments', () => {
  let s;
  before(async () => (s = await start({ moderation: 'approve' })));
  after(() => s.stop());
  const API = '/api/comments';
  const jsonComment = (fields = {}) => {
    const name = unique('Json');
    return { post_id: 1, parent_id: 0, name, email: `${name.replace(/\W+/g, '.')}@example.com`, url: '', content: unique('Json text'), news_hp: '', news_form_age_ms: 5000, ...fields };
  };
  const assertJsonError = ({ res, body }, status, code, field) => {
    assert.equal(res.status, status, JSON.stringify(body));
    assert.equal(body.error.code, code);
    assert.equal(typeof body.error.message, 'string');
    assert.equal(body.error.field, field);
    assert.equal(res.headers.get('x-content-type-options'), 'nosniff');
  };

  test('201 with the comment as plain text; GET lists approved comments oldest first', async () => {
    const fields = jsonComment({ content: `${unique('<b>plain</b>')} & more`, url: 'https://reader.example/' });
    const { res, body } = await send(s.base, API, fields);
    assert.equal(res.status, 201);
    const c = body.comment;
    assert.deepEqual(Object.keys(c).sort(), ['author_name', 'author_url', 'content', 'date', 'id', 'link', 'parent_id', 'post_id', 'status'].sort());
    assert.equal(c.status, 'approved');
    assert.equal(c.content, fields.content, 'plain text, as typed');
    assert.equal(c.author_name, fields.name);
    assert.equal(c.author_url, 'https://reader.example/');
    assert.match(c.date, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.equal(c.link, `${s.base}/demo/index.html#comment-${c.id}`);
    const second = (await send(s.base, API, jsonComment())).body.comment;
    const list = await get(s.base, `${API}?post_id=1`);
    assert.equal(list.res.status, 200);
    const ids = list.body.comments.map((x) => x.id);
    assert.ok(ids.indexOf(c.id) < ids.indexOf(second.id), 'oldest first');
    assert.equal(list.body.total, ids.length);
    const spam = (await send(s.base, API, jsonComment({ news_hp: 'x' }))).body.comment;
    assert.equal(spam.status, 'spam');
    assert.ok(!(await get(s.base, `${API}?post_id=1`)).body.comments.some((x) => x.id === spam.id));
  });

  test('each failure names its code (and field)', async () => {
    assertJsonError(await send(s.base, API, jsonComment({ content: ' ' })), 400, 'content_invalid');
    assertJsonError(await send(s.base, API, jsonComment({ content: 'x'.repeat(65526) })), 400, 'content_invalid');
    assertJsonError(await send(s.base, API, jsonComment({ name: '' })), 400, 'author_data_required');
    assertJsonError(await send(s.base, API, jsonComment({ email: undefined })), 400, 'author_data_required');
    assertJsonError(await send(s.base, API, jsonComment({ name: 'n'.repeat(246) })), 400, 'invalid_field', 'name');
    assertJsonError(await send(s.base, API, jsonComment({ email: 'x@y' })), 400, 'invalid_field', 'email');
    assertJsonError(await send(s.base, API, jsonComment({ url: 'javascript:alert(1)' })), 400, 'invalid_field', 'url');
    assertJsonError(await send(s.base, API, jsonComment({ post_id: 'x' })), 404, 'not_found');
    assertJsonError(await send(s.base, API, jsonComment({ parent_id: '424242' })), 400, 'invalid_parent');
    // The element sends the IDs as strings ("4", "0").
    assert.equal((await send(s.base, API, jsonComment({ post_id: '1', parent_id: '0' }))).res.status, 201);
    assertJsonError(await send(s.base, API, jsonComment({ post_id: 999 })), 404, 'not_found');
    assertJsonError(await send(s.base, API, jsonComment({ post_id: 2 })), 403, 'closed');
    const fields = jsonComment();
    assert.equal((await send(s.base, API, fields)).res.status, 201);
    assertJsonError(await send(s.base, API, fields), 409, 'duplicate');
    assertJsonError(await send(s.base, API, '{oops'), 400, 'invalid_request');
    assertJsonError(await send(s.base, API, 'post_id=1', { type: 'text/plain' }), 415, 'invalid_request');
    assertJsonError(await get(s.base, `${API}?post_id=abc`), 404, 'not_found');
    assertJsonError(await get(s.base, `${API}?post_id=5`), 404, 'not_found');
  });

  test('a flood is 429 rate_limited with Retry-After', async () => {
    const f = await start({ floodSeconds: 10 });
    try {
      assert.equal((await send(f.base, API, jsonComment())).res.status, 201);
      const flood = await send(f.base, API, jsonComment());
      assertJsonError(flood, 429, 'rate_limited');
      const wait = Number(flood.res.headers.get('retry-after'));
      assert.ok(wait >= 1 && wait <= 10, `Retry-After ${wait}`);
    } finally {
      await f.stop();
    }
  });
});

describe('options and `npm start`', () => {
  test('DATA_DIR, MODERATION and FLOOD_SECONDS come from the environment, with WordPress-like defaults', () => {
    const defaults = resolveCommentOptions({}, {});
    assert.equal(defaults.dataDir, resolve('.data'));
    assert.equal(defaults.moderation, 'hold');
    assert.equal(defaults.floodSeconds, 15);
    const env = resolveCommentOptions({}, { DATA_DIR: '/tmp/x', MODERATION: 'approve', FLOOD_SECONDS: '0' });
    assert.deepEqual(env, { dataDir: '/tmp/x', moderation: 'approve', floodSeconds: 0 });
    assert.equal(resolveCommentOptions({ moderation: 'hold', floodSeconds: 3 }, { MODERATION: 'approve' }).floodSeconds, 3);
    assert.throws(() => resolveCommentOptions({}, { MODERATION: 'maybe' }), /MODERATION/);
    assert.throws(() => resolveCommentOptions({}, { FLOOD_SECONDS: 'soon' }), /FLOOD_SECONDS/);
  });

  test('the demo posts: 1 open, 2 closed, anything else unknown', () => {
    assert.equal(getPost(1)?.commentStatus, 'open');
    assert.equal(getPost('2')?.commentStatus, 'closed');
    for (const id of [0, 3, -1, 'x', null, 1.5]) assert.equal(getPost(id), null);
    assert.equal(DEMO_POSTS.length, 2);
  });

  test('`node demo/server.js` prints the demo URL and the data file, and serves the API', async () => {
    const dataDir = tempDir();
    const child = spawn(process.execPath, ['demo/server.js'], {
      env: { ...process.env, PORT: '0', DATA_DIR: dataDir, MODERATION: 'approve', FLOOD_SECONDS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      await new Promise((resolveOut, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start-up lines: ${out}`)), 10_000);
        child.stdout.on('data', (chunk) => {
          out += chunk;
          if (/Ctrl\+C/.test(out)) {
            clearTimeout(timer);
            resolveOut(undefined);
          }
        });
        child.once('exit', (code) => reject(new Error(`exited ${code}: ${out}`)));
      });
      const demo = /news-elements demo: (http:\/\/127\.0\.0\.1:\d+)\/demo\/index\.html/.exec(out);
      assert.ok(demo, out);
      assert.match(out, new RegExp(`comments: ${join(dataDir, 'comments.sqlite').replace(/[.]/g, '\\.')} \\(moderation: approve, flood: off\\)`));
      assert.ok(existsSync(join(dataDir, 'comments.sqlite')));
      const { body } = await send(demo[1], REST, restComment());
      assert.equal(body.status, 'approved');
    } finally {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r(undefined) : child.once('exit', r)));
    }
  });
});
