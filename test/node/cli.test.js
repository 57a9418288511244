// The command line: `news-elements render <url-or-file|-> [--jsonld] [--comments] [--lang x]
// [--publisher name] [--timeout ms] > story.html` (bin/news-elements.js, which imports the BUILT
// renderStory from dist/ssr/index.js: run `npm run build` first). Run as a real child process, as
// `npx news-elements` runs it: sources from a file, standard input and a URL on the demo server
// (127.0.0.1, the reference article in WordPress's shape); stdout must hold the HTML and nothing
// else (the same bytes renderStory() returns, plus a newline), warnings and errors go to stderr;
// exit 0 on success, 1 when the source cannot be read or holds no story, 2 on a usage error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM } from 'jsdom';

const repo = (path) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
if (!existsSync(repo('dist/ssr/index.js'))) throw new Error('dist/ssr/index.js is missing: run `npm run build` first');
const { renderStory } = await import('../../dist/ssr/index.js');
const { startDemoServer } = await import('../../demo/server.js');

const CLI = repo('bin/news-elements.js');
const WP = JSON.parse(readFileSync(repo('test/fixtures/wordpress/story-post-embed.json'), 'utf8')).response.body;
const WP_AWKWARD = JSON.parse(readFileSync(repo('test/fixtures/wordpress/story-post-awkward-embed.json'), 'utf8')).response.body;
const STORY_TEXT = readFileSync(repo('test/fixtures/story/reference.story.json'), 'utf8');
const POST = 'wp-json/wp/v2/posts/1?_embed';

const dir = mkdtempSync(join(tmpdir(), 'news-cli-'));
const file = (name, text) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const WP_FILE = file('post.json', JSON.stringify(WP));
const AWKWARD_FILE = file('awkward.json', JSON.stringify(WP_AWKWARD));

let server;
let base;
/** A server that accepts requests and never answers them (for --timeout). */
let silent;
let silentUrl;
const hanging = [];

before(async () => {
  ({ server, url: base } = await startDemoServer({ port: 0, host: '127.0.0.1', dataDir: dir }));
  silent = createServer((req, res) => hanging.push(res));
  await new Promise((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `http://127.0.0.1:${silent.address().port}/story.json`;
});

after(() => {
  for (const res of hanging) res.destroy();
  silent?.close();
  server?.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs the CLI as a child process (asynchronously: the demo server answers from this process).
 * Resolves with its exit code, stdout and stderr.
 */
function cli(args, { input } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** The top-level elements of `html` parsed as a page body. */
function topLevel(html) {
  const { document } = new JSDOM(`<!doctype html><body>${html}`).window;
  return [...document.body.children].map((el) => el.localName);
}

const headlineOf = (html) => /<h1 part="headline" class="headline"><slot name="headline"><!--lit-part-->([^<]*)</.exec(html)?.[1];

test('render <file>: stdout is exactly the HTML renderStory() returns, stderr is empty, exit 0', async () => {
  const { code, stdout, stderr } = await cli(['render', WP_FILE]);
  assert.equal(stderr, '');
  assert.equal(code, 0);
  assert.ok(stdout === `${await renderStory(JSON.stringify(WP))}\n`, 'the same bytes as renderStory(), and a newline');
  assert.deepEqual(topLevel(stdout), ['news-story'], 'nothing but the element');
  assert.match(stdout, /^<news-story\b/);
  assert.equal(headlineOf(stdout), 'Exclusive: Prior to the attack in Moscow, Iran warned Russia about a security threat');
});

test('render - reads standard input (our story JSON)', async () => {
  const { code, stdout, stderr } = await cli(['render', '-'], { input: STORY_TEXT });
  assert.equal(stderr, '');
  assert.equal(code, 0);
  assert.ok(stdout === `${await renderStory(STORY_TEXT)}\n`, 'the same bytes as renderStory()');
  assert.deepEqual(topLevel(stdout), ['news-story']);
  assert.equal(headlineOf(stdout), 'Prior to the attack in Moscow, Iran warned Russia about a security threat');
});

test('render <url>: the reference post from the demo server on 127.0.0.1', async () => {
  const url = `${base}${POST}`;
  const { code, stdout, stderr } = await cli(['render', url]);
  assert.equal(stderr, '');
  assert.equal(code, 0);
  const answer = await (await fetch(url)).text();
  assert.ok(stdout === `${await renderStory(answer)}\n`, 'the same bytes as renderStory() of the answer');
  assert.deepEqual(topLevel(stdout), ['news-story']);
  assert.match(headlineOf(stdout), /Iran warned Russia about a security threat$/);
  assert.ok(stdout.includes(`href="${base}demo/index.html"`), 'the canonical link, with the server’s origin');
});

test('--jsonld appends the NewsArticle; --publisher names the publisher; --lang and --comments reach the element', async () => {
  const withLd = await cli(['render', WP_FILE, '--jsonld']);
  assert.equal(withLd.code, 0);
  assert.equal(withLd.stderr, '');
  assert.ok(withLd.stdout === `${await renderStory(JSON.stringify(WP), { jsonld: true })}\n`);
  assert.deepEqual(topLevel(withLd.stdout), ['news-story', 'script']);
  const ld = JSON.parse(/<script type="application\/ld\+json">([^<]*)<\/script>\n$/.exec(withLd.stdout)[1]);
  assert.equal(ld['@type'], 'NewsArticle');
  assert.equal(ld.url, WP.link);
  assert.equal(typeof ld.mainEntityOfPage === 'string' ? ld.mainEntityOfPage : ld.mainEntityOfPage['@id'], WP.link);

  const named = await cli(['render', '--publisher', 'The Wire Desk', WP_FILE]);
  assert.equal(named.code, 0);
  assert.ok(named.stdout === `${await renderStory(JSON.stringify(WP), { publisher: 'The Wire Desk' })}\n`);
  assert.match(named.stdout, /Read the original at <!--\/lit-part--><!--lit-part [^>]*--><!--lit-node 0--><a part="original-link" href="[^"]+"><!--lit-part-->The Wire Desk</);
  assert.doesNotMatch(named.stdout, />wordpress\.test</, 'the host name is no longer shown');

  const fa = await cli(['render', AWKWARD_FILE, '--lang=fa', '--comments']);
  assert.equal(fa.code, 0);
  const tag = /^<news-story\b[^>]*>/.exec(fa.stdout)?.[0] ?? '';
  assert.match(tag, /\slang="fa"/);
  assert.match(tag, /\scomments[\s>]/);
  assert.match(fa.stdout, /<div class="story" part="story" lang="fa" dir="rtl">/);
});

test('warnings go to stderr, the HTML alone to stdout', async () => {
  const { code, stdout, stderr } = await cli(['render', AWKWARD_FILE]);
  assert.equal(code, 0);
  assert.equal(stderr, 'news-elements: warning: _embedded.author[0]: is an error from WordPress (rest_user_invalid_id: Invalid user ID.); skipped\n');
  assert.ok(stdout === `${await renderStory(JSON.stringify(WP_AWKWARD))}\n`);
  assert.deepEqual(topLevel(stdout), ['news-story']);
});

test('a missing file, a 404, an unanswered URL and a source without a story: exit 1 with a message, nothing on stdout', async () => {
  const missing = join(dir, 'nope.json');
  const cases = [
    [['render', missing], new RegExp(`^news-elements: cannot read ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ENOENT`)],
    [['render', `${base}wp-json/wp/v2/posts/2?_embed`], /^news-elements: cannot read http:\/\/127\.0\.0\.1:\d+\/wp-json\/wp\/v2\/posts\/2\?_embed: .*HTTP 404/],
    [['render', `${base}demo/nothing-here.json`], /HTTP 404/],
    [['render', silentUrl, '--timeout', '300'], /^news-elements: cannot read http:\/\/127\.0\.0\.1:\d+\/story\.json: .*(time|abort)/i],
    [['render', file('empty.json', '{}')], /^news-elements: No story found in the source/],
    [['render', file('no-title.json', JSON.stringify({ ...WP, title: { rendered: '' } }))], /title\.rendered/],
    [['render', '-'], /is empty/],
  ];
  for (const [args, message] of cases) {
    const started = Date.now();
    const { code, stdout, stderr } = await cli(args);
    assert.equal(code, 1, `${args.join(' ')}: exit 1 (${stderr})`);
    assert.equal(stdout, '', `${args.join(' ')}: nothing on stdout`);
    assert.match(stderr, message, args.join(' '));
    assert.doesNotMatch(stderr, /Usage:/, `${args.join(' ')}: not a usage error`);
    assert.doesNotMatch(stderr, /\n\s+at /, `${args.join(' ')}: a message, not a stack trace`);
    if (args.includes('--timeout')) assert.ok(Date.now() - started < 10000, 'gave up after the time-out');
  }
});

test('usage errors: no arguments, an unknown command, a bad option or value → exit 2 with usage on stderr', async () => {
  const cases = [
    [[], /^Usage: news-elements render/],
    [['render'], /^Usage: news-elements render/],
    [['publish', WP_FILE], /^Usage: news-elements render/],
    [['render', WP_FILE, 'extra'], /^Usage: news-elements render/],
    [['render', WP_FILE, '--nope'], /^news-elements: Unknown option '--nope'[^\n]*\n\nUsage: news-elements render/],
    [['render', WP_FILE, '--lang'], /^news-elements: Option '--lang <value>' argument missing\n\nUsage:/],
    [['render', WP_FILE, '--timeout', 'soon'], /^news-elements: --timeout must be a positive number of milliseconds\n$/],
    [['render', WP_FILE, '--timeout', '0'], /--timeout must be a positive number/],
  ];
  for (const [args, message] of cases) {
    const { code, stdout, stderr } = await cli(args);
    assert.equal(code, 2, `${args.join(' ') || '(no arguments)'}: exit 2`);
    assert.equal(stdout, '', `${args.join(' ')}: nothing on stdout`);
    assert.match(stderr, message, args.join(' ') || '(no arguments)');
  }
  const help = await cli(['--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^Usage: news-elements render <url-or-file> /);
  for (const option of ['--jsonld', '--comments', '--lang', '--publisher', '--timeout']) assert.ok(help.stdout.includes(`  ${option}`), option);
  assert.equal(help.stderr, '');
});
