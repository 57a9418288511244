// The story-body sanitizer on a server (src/sanitize/node.ts → dist/sanitize/node.js, jsdom), as
// renderStory() uses it. Build first: `npx tsc -p tsconfig.build.json` (or `npm run build`).
//
// The public XSS corpus of test/sanitize.xss.test.ts (test/fixtures/xss-payloads.json: DOMPurify's
// test suite cure53/DOMPurify, the HTML5 Security Cheatsheet cure53/H5SC, the OWASP XSS Filter
// Evasion Cheat Sheet; exact commits and paths in each entry's `source` and in that file's header)
// goes through sanitizeStoryBodyHtmlNode(); the output string, parsed again by jsdom, must hold the
// same invariants as in the browsers (test/helpers/sanitize-invariants.js), parse back to the same
// markup, and be unchanged when sanitized again (no mutation-XSS round trip).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { sanitizeStoryBodyHtmlNode } from '../../dist/sanitize/node.js';
import { storyBodyProblems } from '../helpers/sanitize-invariants.js';

const corpus = JSON.parse(readFileSync(new URL('../fixtures/xss-payloads.json', import.meta.url), 'utf8'));
const BASE = 'https://news.example/2024/03/story';
const { window } = new JSDOM('');

/** The markup parsed by a fresh parse (a template, as the browser would), and its DOM. */
function parse(html) {
  const template = window.document.createElement('template');
  template.innerHTML = html;
  return template;
}

test(`the corpus has its ${corpus.length} payloads, each with a source`, () => {
  assert.ok(corpus.length >= 300);
  for (const entry of corpus) assert.ok(entry.source?.repo && entry.source?.commit && entry.source?.path, entry.id);
});

for (const entry of corpus) {
  test(`${entry.id} [${entry.category}] ${(entry.title ?? '').slice(0, 70)}`, () => {
    for (const baseUrl of [undefined, BASE]) {
      const out = sanitizeStoryBodyHtmlNode(entry.payload, { baseUrl });
      const template = parse(out);
      const options = baseUrl ? { base: baseUrl, storyOrigin: new URL(baseUrl).origin } : {};
      assert.deepEqual(storyBodyProblems(template.content, options), [], `${entry.id} (base ${baseUrl}): ${out}`);
      assert.equal(template.innerHTML, out, `${entry.id}: the output parses back to other markup`);
      // The sanitizer alone is idempotent: what it wrote, it keeps as it is.
      const sanitized = sanitizeStoryBodyHtmlNode(entry.payload, { baseUrl, transform: false });
      assert.equal(sanitizeStoryBodyHtmlNode(sanitized, { baseUrl, transform: false }), sanitized, `${entry.id}: not stable when sanitized again`);
    }
  });
}

test('the browser entry imports on Node and says where to go when there is no window', async () => {
  const { sanitizeStoryBody, StoryBodySanitizerError } = await import('../../dist/sanitize/index.js');
  assert.throws(() => sanitizeStoryBody('<p>x</p>'), (error) => error instanceof StoryBodySanitizerError && /sanitize\/node/.test(error.message));
  // With a window it works on Node too: the one jsdom window of node.js is just such a window.
  const fragment = sanitizeStoryBody('<p onclick="x()">x</p>', { window });
  assert.equal(fragment.ownerDocument, window.document);
  assert.equal(fragment.firstChild.outerHTML, '<p>x</p>');
});

test('keeps the allow-list and drops the rest, as in the browser', () => {
  const cases = [
    ['<h1>Big</h1><p style="color:red" onclick="x()">a <a href="javascript:alert(1)">b</a></p>', '<h2>Big</h2><p>a <a>b</a></p>'],
    ['<script>alert(1)</script><style>*{}</style><form><input></form><svg><circle/></svg><p>a</p>', '<p>a</p>'],
    ['<p dir="rtl" lang="fa">سلام <bdi>Tehran</bdi></p>', '<p dir="rtl" lang="fa">سلام <bdi>Tehran</bdi></p>'],
    ['<img src="data:image/png;base64,xx" srcset="a.jpg 1x, blob:x 2x" alt="A">', '<img srcset="https://news.example/2024/03/a.jpg 1x" alt="A" loading="lazy" decoding="async">'],
    ['<a href="/x">x</a><a href="https://other.example/" target="_top">y</a><a href="#n">z</a>', '<a href="https://news.example/x">x</a><a href="https://other.example/" rel="noopener noreferrer">y</a><a href="#user-content-n">z</a>'],
    [
      '<iframe src="https://player.vimeo.com/video/1" sandbox="allow-top-navigation"></iframe><iframe src="https://evil.example/"></iframe>',
      '<iframe src="https://player.vimeo.com/video/1" title="Embedded video" loading="lazy" referrerpolicy="strict-origin-when-cross-origin" sandbox="allow-scripts allow-same-origin allow-presentation allow-popups" allow="fullscreen; picture-in-picture"></iframe>',
    ],
  ];
  for (const [input, output] of cases) assert.equal(sanitizeStoryBodyHtmlNode(input, { baseUrl: BASE, transform: false }), output, input);
});

test('transforms WordPress figures and read-also paragraphs, as in the browser', () => {
  const out = sanitizeStoryBodyHtmlNode(
    '<figure class="wp-block-image"><img src="/a.jpg" alt="A" width="4" height="3"><figcaption class="wp-element-caption">Cap. REUTERS/Jane Doe</figcaption></figure>' +
      '<div class="wp-caption"><img src="b.jpg" alt="B"><p class="wp-caption-text">Classic</p></div>' +
      '<p><strong>READ ALSO:</strong> <a href="/other">Other story</a></p><p>Read also: <a href="/1">one</a>, <a href="/2">two</a></p>',
    { baseUrl: BASE },
  );
  assert.equal(
    out,
    '<news-photo><img src="https://news.example/a.jpg" alt="A" width="4" height="3" loading="lazy" decoding="async"><span slot="caption">Cap.</span><span slot="credit">REUTERS/Jane Doe</span></news-photo>' +
      '<news-photo><img src="https://news.example/2024/03/b.jpg" alt="B" loading="lazy" decoding="async"><span slot="caption">Classic</span></news-photo>' +
      '<news-related variant="inline" label="READ ALSO"><ul><li><a href="https://news.example/other">Other story</a></li></ul></news-related>' +
      '<p>Read also: <a href="https://news.example/1">one</a>, <a href="https://news.example/2">two</a></p>',
  );
});

test('sanitizes a 2 MB body in one go', () => {
  const parts = [];
  let size = 0;
  for (let i = 0; size < 2 * 1024 * 1024; i++) {
    const p = `<p>Paragraph ${i}: <em>lorem</em> ipsum <a href="/p/${i}">dolor</a> sit amet, consectetur adipiscing elit, sed do eiusmod.</p>`;
    parts.push(p);
    size += p.length;
  }
  const out = sanitizeStoryBodyHtmlNode(parts.join('') + '<script>alert(1)</script>', { baseUrl: BASE });
  const template = parse(out);
  assert.equal(template.content.querySelectorAll('p').length, parts.length);
  assert.equal(template.content.querySelector('script'), null);
});
