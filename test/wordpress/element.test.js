// <news-comment-form> in a real Chromium against real WordPress, in both WordPress formats.
// The element (src/components/news-comment-form/define.ts) is bundled with esbuild into the site's
// static folder and served SAME-ORIGIN with WordPress through router.php (/__news-elements/…), so
// the element's default actions (/wp-json/wp/v2/comments, /wp-comments-post.php) reach WordPress.
// A reader types with the keyboard (puppeteer's real key events) and clicks Post comment; each answer
// is checked as the reader sees it (the status message, field errors, the button) and as the page
// sees it (news-comment-posted / news-comment-error), and on the server (the stored comment).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { startWordPress } from '../../scripts/wordpress/site.js';
import { launchChromium, watchPage } from '../node/browser.js';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const entry = join(repo, 'src/components/news-comment-form/define.ts');
const missing = existsSync(entry) ? false : `${entry} does not exist yet`;

/** The element's time trap: a comment sent sooner after its first keystroke is not sent. */
const TIME_TRAP_MS = 2000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

let site;
let browser;

before(async () => {
  if (missing) return;
  site = await startWordPress({ log: (line) => console.log(line) });
  await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    outfile: join(site.staticDir, 'news-comment-form.js'),
    tsconfig: join(repo, 'tsconfig.json'),
    logLevel: 'silent',
  });
  writeFileSync(
    join(site.staticDir, 'index.html'),
    `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>news-comment-form against WordPress</title>
<script type="module" src="./page.js"></script></head>
<body><main><h1>Crocuses bloom early</h1></main></body>
</html>
`,
  );
  // The page records the element's events and creates it with the attributes of the query string.
  writeFileSync(
    join(site.staticDir, 'page.js'),
    `import './news-comment-form.js';
window.__events = [];
for (const type of ['news-comment-posted', 'news-comment-error']) {
  document.addEventListener(type, (event) => window.__events.push({ type, detail: JSON.parse(JSON.stringify(event.detail)) }));
}
const form = document.createElement('news-comment-form');
for (const [name, value] of new URLSearchParams(location.search)) form.setAttribute(name, value);
document.querySelector('main').append(form);
`,
  );
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await site?.stop();
});

/** A fresh browser context (its own localStorage) with the form of `attributes`. */
async function openForm(attributes) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  const log = await watchPage(page);
  await page.goto(`${site.url}/__news-elements/index.html?${new URLSearchParams(attributes)}`);
  try {
    await page.waitForSelector('news-comment-form textarea', { timeout: 15000 });
  } catch (error) {
    await context.close();
    throw new Error(`the form did not render: ${JSON.stringify({ errors: log.errors, console: log.console })}`, { cause: error });
  }
  return { page, context, log };
}

/** Types into the form's fields like a reader, then waits out the element's time trap. */
async function type(page, fields) {
  const started = Date.now();
  const selectors = { content: 'textarea[name=comment]', name: 'input[name=author]', email: 'input[name=email]', url: 'input[name=url]' };
  for (const [field, text] of Object.entries(fields)) {
    const selector = `news-comment-form ${selectors[field]}`;
    // Select what is there (Ctrl+A), so typing replaces it, as a reader would.
    await page.click(selector);
    await page.keyboard.down('Control');
    await page.keyboard.press('a');
    await page.keyboard.up('Control');
    await page.keyboard.press('Backspace');
    if (text) await page.type(selector, text, { delay: 5 });
  }
  const left = TIME_TRAP_MS + 500 - (Date.now() - started);
  if (left > 0) await sleep(left);
}

/** What the reader sees in the form, and the last event. */
function seen(page) {
  return page.evaluate(() => {
    const form = document.querySelector('news-comment-form');
    const text = (selector) => form.querySelector(selector)?.textContent.replace(/\s+/g, ' ').trim() ?? '';
    const button = form.querySelector('button[type=submit]');
    return {
      event: window.__events.at(-1),
      events: window.__events.length,
      status: text('.ncf-status'),
      posted: text('.ncf-posted'),
      buttonDisabled: button.getAttribute('aria-disabled'),
      button: button.textContent.replace(/\s+/g, ' ').trim(),
      invalid: [...form.querySelectorAll('[aria-invalid=true]')].map((el) => el.name),
      fieldErrors: [...form.querySelectorAll('.ncf-err')].map((el) => el.textContent.trim()),
      comment: form.querySelector('textarea[name=comment]').value,
    };
  });
}

/**
 * Clicks Post comment and resolves with the event it caused and what the reader sees. If the element's
 * time trap still held it back ("Please take a moment…", possible when a loaded machine delays the
 * page's input events), the reader clicks again a moment later, as a person would.
 */
async function submit(page) {
  const before = await page.evaluate(() => window.__events.length);
  for (let attempt = 0; ; attempt++) {
    await page.click('news-comment-form button[type=submit]');
    try {
      await page.waitForFunction(
        (n) => window.__events.length > n || /take a moment/i.test(document.querySelector('news-comment-form .ncf-status')?.textContent ?? ''),
        { timeout: 30000 },
        before,
      );
    } catch (error) {
      throw new Error(`no answer from the form in 30 s: ${JSON.stringify(await seen(page))}`, { cause: error });
    }
    const state = await seen(page);
    if (state.events > before) break;
    if (attempt >= 2) throw new Error(`the element's time trap kept refusing: ${JSON.stringify(state)}`);
    await sleep(1500);
  }
  await page.evaluate(() => document.querySelector('news-comment-form').updateComplete);
  return seen(page);
}

/** A comment from 127.0.0.1 just now, from Node, so that WordPress's flood check has a recent one. */
async function recentComment(tag) {
  const res = await fetch(`${site.url}/wp-json/wp/v2/comments`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ post: site.posts.open, author_name: 'Node', author_email: `node.${tag}@example.com`, content: `Recent comment ${tag} ${Date.now()}` }),
  });
  assert.equal(res.status, 201, await res.text());
}

const FORMATS = {
  wordpress: { duplicate: 409, flood: 400, missingCode: 'rest_comment_author_data_required', missingStatus: 400 },
  'wordpress-form': { duplicate: 409, flood: 429, missingCode: 'require_name_email', missingStatus: 200 },
};

for (const [format, expected] of Object.entries(FORMATS)) {
  test(`format="${format}": held, then duplicate, then flood — as the reader and the page see them`, { skip: missing }, async () => {
    const { page, context, log } = await openForm({ format, 'post-id': String(site.posts.open) });
    try {
      const email = `reader.${format}@example.com`;
      const first = `A first comment through ${format}: the crocuses are out on our street too.`;
      await type(page, { content: first, name: `Reader ${format}`, email });
      const held = await submit(page);
      assert.equal(held.event.type, 'news-comment-posted', JSON.stringify(held));
      assert.equal(held.event.detail.comment.status, 'hold');
      assert.match(held.status, /awaiting moderation/i);
      assert.match(held.posted, /crocuses are out on our street/);
      assert.equal(held.comment, '', 'the sent comment is cleared');
      const stored = site.findComments(first);
      assert.equal(stored.length, 1);
      assert.deepEqual([stored[0].approved, stored[0].email, stored[0].post], ['0', email, site.posts.open]);
      if (format === 'wordpress') assert.equal(held.event.detail.comment.id, stored[0].id);

      // The same text again: WordPress's duplicate check.
      await type(page, { content: first });
      const duplicate = await submit(page);
      assert.equal(duplicate.event.type, 'news-comment-error', JSON.stringify(duplicate));
      assert.deepEqual(
        [duplicate.event.detail.kind, duplicate.event.detail.code, duplicate.event.detail.status],
        ['duplicate', 'comment_duplicate', expected.duplicate],
      );
      assert.match(duplicate.event.detail.message, /Duplicate comment detected; it looks as though you’ve already said that!/);
      assert.match(duplicate.status, /already posted this comment/i);
      assert.equal(duplicate.comment, first, 'the text is kept');
      assert.equal(site.findComments(first).length, 1);

      // Another comment too soon after one from the same IP: WordPress's flood control.
      const second = `A second comment through ${format}, too soon.`;
      await type(page, { content: second });
      await recentComment(format);
      site.setFlood(true);
      let flood;
      try {
        flood = await submit(page);
      } finally {
        site.setFlood(false);
      }
      assert.equal(flood.event.type, 'news-comment-error', JSON.stringify(flood));
      assert.deepEqual([flood.event.detail.kind, flood.event.detail.code, flood.event.detail.status], ['flood', 'comment_flood', expected.flood]);
      assert.match(flood.status, /too quickly/i);
      // No Retry-After from WordPress: the element counts down its flood interval on the button.
      assert.equal(flood.buttonDisabled, 'true');
      assert.match(flood.button, /\d+ s/);
      assert.equal(flood.comment, second, 'the text is kept');
      assert.equal(site.findComments(second).length, 0);

      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });

  test(`format="${format}", require-name-email="off": WordPress's own missing-name answer, marked on the fields`, { skip: missing }, async () => {
    const { page, context, log } = await openForm({ format, 'post-id': String(site.posts.open), 'require-name-email': 'off' });
    try {
      const text = `Nameless through ${format}.`;
      await type(page, { content: text });
      const answer = await submit(page);
      assert.equal(answer.event.type, 'news-comment-error', JSON.stringify(answer));
      assert.deepEqual(
        [answer.event.detail.kind, answer.event.detail.code, answer.event.detail.status],
        ['author-data-required', expected.missingCode, expected.missingStatus],
      );
      assert.match(answer.status, /enter your name and email/i);
      assert.deepEqual(answer.invalid.sort(), ['author', 'email']);
      assert.equal(answer.comment, text, 'the text is kept');
      assert.equal(site.findComments(text).length, 0);
      assert.deepEqual(log.errors, []);
    } finally {
      await context.close();
    }
  });
}

test('the element refuses to send empty required fields itself (nothing reaches WordPress)', { skip: missing }, async () => {
  const { page, context } = await openForm({ format: 'wordpress', 'post-id': String(site.posts.open) });
  try {
    await type(page, { content: 'No name, no email, required by default.' });
    await page.click('news-comment-form button[type=submit]');
    await page.waitForSelector('news-comment-form .ncf-sum');
    const seen = await page.evaluate(() => ({
      events: window.__events.length,
      invalid: [...document.querySelectorAll('news-comment-form [aria-invalid=true]')].map((el) => el.name).sort(),
      focused: document.activeElement?.classList.contains('ncf-sum'),
    }));
    assert.deepEqual(seen, { events: 0, invalid: ['author', 'email'], focused: true });
    assert.equal(site.findComments('No name, no email, required by default.').length, 0);
  } finally {
    await context.close();
  }
});
