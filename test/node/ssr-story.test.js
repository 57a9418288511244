// Server rendering of a whole story (issue 6): renderStory() / renderStoryDetailed() / styleHashes()
// from the BUILT package (dist/ssr/index.js, as npm users and the CLI import it; run `npm run build`
// first), its output parsed by jsdom, and the browser taking that output over.
//
//  1. Every source format: the REAL recorded WordPress 6.1.9 answers
//     (test/fixtures/wordpress/story-post-embed.json and story-post-awkward-embed.json, `.response.body`),
//     our story JSON and schema.org JSON-LD (test/fixtures/story/), JSON text, an HTML page holding
//     ld+json. The output is one <news-story> whose content is declarative shadow DOM all the way down
//     (news-article, news-byline, news-photo), holding the headline, the sanitized body, the "Read the
//     original" link and the story (without body) as JSON the element reads back — with no way for
//     story text to break out of that <script>. `jsonld: true` adds a NewsArticle; styleHashes() hashes
//     every distinct <style> block. Malformed and partial sources; a 2 MB body.
//  2. The public XSS corpus as a story body through renderStory() (test/fixtures/xss-payloads.json,
//     323 payloads, each with its exact source: DOMPurify's test suite, cure53/DOMPurify @
//     1fa97e8f0b671ded461adfe6af255f2aab4202d0, test/fixtures/expect.mjs and test/test-suite.js,
//     https://github.com/cure53/DOMPurify; the HTML5 Security Cheatsheet, cure53/H5SC @
//     1a91bbc085426579ebcdefb1bc5450760db3dad5, items.js + payloads.js, https://github.com/cure53/H5SC;
//     the OWASP XSS Filter Evasion Cheat Sheet, OWASP/CheatSheetSeries @
//     6b8819da79e0537d072e04296ffa3adfc94ba881, cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.md,
//     https://cheatsheetseries.owasp.org/cheatsheets/XSS_Filter_Evasion_Cheat_Sheet.html).
//  3. The SSR time per story (printed, not asserted).
//  4. In real Chromium against the demo server: /demo/embed-ssr.html painted without JavaScript, then
//     taken over by the script without re-rendering (same nodes) and without moving anything (same
//     boxes, cumulative layout shift 0); /demo/embed.html (client-rendered) measured for CLS.
// test/node/embed-demo.test.js already checks that both partner pages render fully and identically
// with and without the hostile CSS; this file does not repeat that.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { JSDOM } from 'jsdom';
import { storyBodyProblems } from '../helpers/sanitize-invariants.js';

const repo = (path) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
if (!existsSync(repo('dist/ssr/index.js'))) throw new Error('dist/ssr/index.js is missing: run `npm run build` first');
const { renderStory, renderStoryDetailed, styleHashes, StorySourceError } = await import('../../dist/ssr/index.js');
const { startDemoServer } = await import('../../demo/server.js');
const { launchChromium, watchPage } = await import('./browser.js');

const readJson = (path) => JSON.parse(readFileSync(repo(path), 'utf8'));
/** Real WordPress 6.1.9 answers, recorded (see each file's `description` and `recordedWith`). */
const WP = readJson('test/fixtures/wordpress/story-post-embed.json').response.body;
const WP_AWKWARD = readJson('test/fixtures/wordpress/story-post-awkward-embed.json').response.body;
const STORY_JSON = readJson('test/fixtures/story/reference.story.json');
const JSONLD_TEXT = readFileSync(repo('test/fixtures/story/reference.jsonld.json'), 'utf8');
const JSONLD = JSON.parse(JSONLD_TEXT);
const CORPUS = readJson('test/fixtures/xss-payloads.json');

const { window } = new JSDOM('');
const norm = (s) => (s ?? '').replace(/\s+/g, ' ').trim();
/** Text of an HTML fragment as a browser decodes it (entities, tags dropped). */
const htmlText = (markup) => {
  const t = window.document.createElement('template');
  t.innerHTML = markup;
  return norm(t.content.textContent);
};
const READ_LINE = /^READ (ALSO|MORE):/i;

// ---------------------------------------------------------------------------------------------
// Reading the output

/** The document `html` makes as the body of a page. */
const parse = (html) => new window.DOMParser().parseFromString(`<!doctype html><html><head></head><body>${html}</body></html>`, 'text/html');

/** The element children of `el` (walked: spreading jsdom's live `children` is quadratic on a 2 MB body). */
function childElements(el) {
  const out = [];
  for (let child = el?.firstElementChild; child; child = child.nextElementSibling) out.push(child);
  return out;
}

/** The declarative shadow root of `el` (jsdom keeps it as a <template shadowrootmode> first child). */
function shadow(el) {
  if (!el) return null;
  if (el.shadowRoot) return el.shadowRoot;
  const template = childElements(el).find((c) => c.localName === 'template' && c.getAttribute('shadowrootmode') === 'open');
  return template ? template.content : null;
}

/** Every element under `root`, template contents (declarative shadow roots) included. */
function deepElements(root, out = []) {
  for (const el of root.querySelectorAll('*')) {
    out.push(el);
    if (el.localName === 'template') deepElements(el.content, out);
  }
  return out;
}

/** The parts of a rendered story, found the way a browser's shadow tree holds them. */
function readOutput(html) {
  const doc = parse(html);
  const all = deepElements(doc);
  const hosts = all.filter((el) => el.localName === 'news-story');
  const host = doc.body.querySelector(':scope > news-story');
  const hostRoot = shadow(host);
  const article = hostRoot?.querySelector('news-article');
  const articleRoot = shadow(article);
  const body = article ? childElements(article).filter((el) => !el.hasAttribute('slot') && el.localName !== 'template') : [];
  const embeddedScript = host?.querySelector(':scope > script[type="application/json"][data-news-story]');
  const ldScript = doc.body.querySelector(':scope > script[type="application/ld+json"]');
  const original = article?.querySelector(':scope > p.original[slot="footer"]');
  return {
    doc,
    all,
    hosts,
    host,
    hostRoot,
    article,
    articleRoot,
    h1: articleRoot?.querySelector('h1'),
    hero: article?.querySelector(':scope > news-photo[slot="media"]'),
    byline: article?.querySelector(':scope > news-byline[slot="byline"]'),
    body,
    paragraphs: body.filter((el) => el.localName === 'p').map((p) => norm(p.textContent)),
    original,
    originalLink: original?.querySelector('a[part="original-link"]'),
    embeddedScript,
    embedded: embeddedScript ? JSON.parse(embeddedScript.textContent) : undefined,
    ldScript,
    jsonld: ldScript ? JSON.parse(ldScript.textContent) : undefined,
  };
}

/** Copies of the body nodes with the declarative shadow roots of our own elements taken out. */
function bodyContainer(out) {
  const box = window.document.createElement('div');
  for (const node of out.body) box.append(node.cloneNode(true));
  for (const t of box.querySelectorAll(':is(news-photo, news-related) > template[shadowrootmode]')) t.remove();
  return box;
}

const URL_ATTRS = new Set(['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href', 'poster', 'cite', 'background', 'data', 'ping']);
/**
 * What must never be anywhere in the output, our own elements' shadow roots included: scripts other
 * than the two data blocks, event-handler attributes, javascript:/data:/vbscript: URLs.
 */
function outputProblems(out) {
  const problems = [];
  for (const el of out.all) {
    if (el.localName === 'script' && el !== out.embeddedScript && el !== out.ldScript) problems.push(`<script> ${el.outerHTML.slice(0, 80)}`);
    if (el.localName === 'iframe' && !out.body.some((b) => b === el || b.contains(el))) problems.push(`<iframe> outside the body: ${el.getAttribute('src')}`);
    for (const attr of el.attributes) {
      const name = attr.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`<${el.localName}> ${attr.name}`);
      if (!URL_ATTRS.has(name)) continue;
      const urls = name === 'srcset' ? attr.value.split(',').map((c) => c.trim().split(/\s+/)[0]) : [attr.value];
      for (const url of urls) {
        // What a browser does with the value: control characters and spaces stripped first.
        const cleaned = url.replace(/[\u0000-\u0020]/g, '').toLowerCase();
        if (/^(javascript|data|vbscript):/.test(cleaned)) problems.push(`<${el.localName}> ${attr.name}="${attr.value.slice(0, 60)}"`);
      }
    }
  }
  return problems;
}

/** The sha256 sources a CSP needs for these <style> texts. */
const hashOf = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// ---------------------------------------------------------------------------------------------
// The sources, and what each must show

const wpBody = (post) => {
  const t = window.document.createElement('template');
  t.innerHTML = post.content.rendered;
  const ps = [...t.content.querySelectorAll('p')].map((p) => norm(p.textContent));
  return { paragraphs: ps.filter((p) => !READ_LINE.test(p)), readLines: ps.filter((p) => READ_LINE.test(p)).length };
};
const storyBody = (markup) => wpBody({ content: { rendered: markup } });
const ldParagraphs = JSONLD.articleBody.split(/\n[ \t]*\n\s*/).map(norm).filter(Boolean);
const ldPage =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Iran warned Russia</title>' +
  `<script type="application/ld+json">${JSONLD_TEXT}</script></head><body><h1>Not the headline</h1><p>Page text.</p></body></html>`;

const wpExpect = {
  url: WP.link,
  headline: htmlText(WP.title.rendered),
  ...wpBody(WP),
  publisher: 'wordpress.test',
  hero: WP._embedded['wp:featuredmedia'][0].source_url,
  byline: 'Parisa Hafezi',
  bodyPhotos: 2, // a core/image block and a classic [caption] figure
};
const storyExpect = {
  url: STORY_JSON.url,
  headline: STORY_JSON.headline,
  ...storyBody(STORY_JSON.body),
  publisher: STORY_JSON.publisher.name,
  hero: new URL(STORY_JSON.image.src, STORY_JSON.url).href,
  byline: 'Parisa Hafezi',
  bodyPhotos: 0,
  related: STORY_JSON.related.length,
};
const ldExpect = {
  url: JSONLD.url,
  headline: JSONLD.headline,
  paragraphs: ldParagraphs,
  readLines: 0,
  publisher: JSONLD.publisher.name,
  hero: new URL(JSONLD.image.url, JSONLD.url).href,
  byline: 'Parisa Hafezi',
  bodyPhotos: 0,
};

const SOURCES = [
  { name: 'a real WordPress post (story-post-embed.json)', source: WP, expect: wpExpect },
  { name: 'a real WordPress post as JSON text', source: JSON.stringify(WP), expect: wpExpect, sameAs: WP },
  {
    name: 'a real awkward WordPress post (story-post-awkward-embed.json: HTML in the title, no image, author gone)',
    source: WP_AWKWARD,
    expect: { url: WP_AWKWARD.link, headline: htmlText(WP_AWKWARD.title.rendered), ...wpBody(WP_AWKWARD), publisher: 'wordpress.test', hero: null, byline: null, bodyPhotos: 1 },
  },
  { name: 'our story JSON (reference.story.json)', source: STORY_JSON, expect: storyExpect },
  { name: 'our story JSON as text', source: JSON.stringify(STORY_JSON), expect: storyExpect, sameAs: STORY_JSON },
  { name: 'schema.org NewsArticle JSON-LD (reference.jsonld.json)', source: JSONLD, expect: ldExpect },
  { name: 'JSON-LD as text', source: JSONLD_TEXT, expect: ldExpect, sameAs: JSONLD },
  { name: 'an HTML page holding ld+json', source: ldPage, expect: ldExpect, sameAs: JSONLD },
];

// ---------------------------------------------------------------------------------------------
// 1. Each source format

for (const { name, source, expect, sameAs } of SOURCES) {
  test(`renderStory: ${name}`, async () => {
    const { html, story, problems } = await renderStoryDetailed(source);
    const out = readOutput(html);
    const label = name;

    // One <news-story>, its content in a declarative shadow root, nothing else on the page.
    assert.equal(out.hosts.length, 1, `${label}: exactly one <news-story>`);
    assert.ok(out.host, `${label}: the <news-story> is the output's top element`);
    assert.deepEqual(childElements(out.doc.body).map((c) => c.localName), ['news-story'], `${label}: nothing beside it without jsonld`);
    assert.equal(out.host.firstElementChild?.localName, 'template', `${label}: a <template> first`);
    assert.equal(out.host.firstElementChild.getAttribute('shadowrootmode'), 'open', `${label}: shadowrootmode="open"`);
    assert.equal(out.host.getAttribute('href'), expect.url, `${label}: href is the canonical URL (linked if it fails)`);

    // Nested elements, each with its own declarative shadow root.
    const customs = out.all.filter((el) => el.localName.startsWith('news-'));
    for (const el of customs) assert.ok(shadow(el), `${label}: <${el.localName}> has a declarative shadow root`);
    assert.ok(out.article, `${label}: <news-article> in the story's shadow root`);
    assert.equal(norm(out.h1?.textContent), expect.headline, `${label}: the headline in news-article's shadow <h1>`);
    assert.equal(out.h1.querySelectorAll('*:not(slot)').length, 0, `${label}: the headline is text (HTML in the title is not markup)`);
    if (expect.hero) {
      assert.ok(out.hero, `${label}: hero <news-photo slot="media">`);
      const img = shadow(out.hero).querySelector('img');
      // Resolved against the story's URL (see the relative-URL test below).
      assert.equal(new URL(img?.getAttribute('src') ?? '', expect.url).href, expect.hero, `${label}: hero <img> in news-photo's shadow root`);
      assert.ok(img.getAttribute('alt'), `${label}: hero alt text`);
      assert.ok(Number(img.getAttribute('width')) > 0 && Number(img.getAttribute('height')) > 0, `${label}: hero size reserved`);
    } else assert.equal(out.hero, null, `${label}: no hero photo`);
    if (expect.byline) {
      assert.ok(out.byline, `${label}: <news-byline slot="byline">`);
      assert.match(norm(shadow(out.byline).textContent), new RegExp(expect.byline), `${label}: the byline names ${expect.byline}`);
    } else assert.equal(out.byline, null, `${label}: no byline`);

    // The body: every paragraph, in order; read-also lines as inline related links; figures as photos.
    assert.deepEqual(out.paragraphs, expect.paragraphs, `${label}: the body paragraphs, in order`);
    const inline = out.body.filter((el) => el.localName === 'news-related' && el.getAttribute('variant') === 'inline');
    assert.equal(inline.length, expect.readLines, `${label}: READ ALSO/MORE lines as inline <news-related>`);
    for (const related of inline) {
      const link = shadow(related).querySelector('a[href]');
      assert.match(link?.getAttribute('href') ?? '', /^https?:\/\//, `${label}: inline related link resolved against the story`);
    }
    const photos = out.body.filter((el) => el.localName === 'news-photo');
    assert.equal(photos.length, expect.bodyPhotos, `${label}: body figures as <news-photo>`);
    for (const photo of photos) assert.ok(shadow(photo).querySelector('img[src]'), `${label}: body photo renders its <img>`);
    // Sanitized: the body meets the same invariants as in the browser.
    const origin = new URL(expect.url).origin;
    assert.deepEqual(storyBodyProblems(bodyContainer(out), { base: expect.url, storyOrigin: origin }), [], `${label}: body sanitized`);
    assert.deepEqual(outputProblems(out), [], `${label}: nothing executable anywhere in the output`);
    assert.equal(out.body.filter((el) => el.hasAttribute('class') && /\bwp-/.test(el.getAttribute('class'))).length, 0, `${label}: no WordPress block markup left`);

    // "Read the original at <publisher>", linking to the canonical URL.
    assert.ok(out.originalLink, `${label}: "Read the original" link`);
    assert.equal(norm(out.original.textContent), `Read the original at ${expect.publisher}`, `${label}: its words`);
    assert.equal(out.originalLink.getAttribute('href'), expect.url, `${label}: it links to the canonical URL`);
    assert.match(norm(out.hostRoot.querySelector('p.publisher')?.textContent), new RegExp(`Published by ${expect.publisher}`), `${label}: publisher line`);
    if (expect.related) {
      const list = out.hostRoot.querySelector('news-related:not([variant="inline"])');
      assert.equal(shadow(list)?.querySelectorAll('a[href]').length >= expect.related, true, `${label}: the related list`);
    }

    // The story the element reads back: the model without its body, exactly.
    assert.ok(out.embeddedScript, `${label}: <script type="application/json" data-news-story> in the host`);
    assert.equal(out.embeddedScript.parentElement, out.host);
    assert.deepEqual(out.embedded, JSON.parse(JSON.stringify({ type: 'news-story', ...story, body: '' })), `${label}: the story without body`);
    assert.equal(out.embedded.url, expect.url);
    assert.equal(out.embedded.headline, expect.headline);
    const again = await renderStoryDetailed(out.embedded);
    assert.deepEqual({ ...again.story }, { ...story, body: '' }, `${label}: the embedded JSON reads back to the same story`);
    assert.deepEqual(problems.filter((p) => typeof p.field !== 'string' || typeof p.message !== 'string'), []);

    // The same source as an object and as text renders the same bytes (the render is deterministic).
    if (sameAs !== undefined) assert.ok((await renderStory(sameAs)) === html, `${label}: same output as the object`);
  });
}

test('renderStory: the awkward post says what it skipped, and `lang` makes a Persian post RTL', async () => {
  const { html, problems } = await renderStoryDetailed(WP_AWKWARD);
  assert.deepEqual(problems.map((p) => p.field), ['_embedded.author[0]'], 'the author embed is an error from WordPress');
  assert.match(problems[0].message, /rest_user_invalid_id/);
  assert.equal(readOutput(html).h1.querySelector('em'), null, 'the <em> of title.rendered is not markup');
  const fa = readOutput(await renderStory(WP_AWKWARD, { lang: 'fa' }));
  assert.equal(fa.host.getAttribute('lang'), 'fa');
  const box = fa.hostRoot.querySelector('div.story');
  assert.equal(box.getAttribute('lang'), 'fa');
  assert.equal(box.getAttribute('dir'), 'rtl');
  assert.equal(fa.article.getAttribute('lang'), 'fa');
});

test('renderStory: `publisher` names the publisher in both lines; `comments` is passed to the element', async () => {
  const out = readOutput(await renderStory(WP, { publisher: '  The Wire Desk ', comments: true }));
  assert.equal(norm(out.original.textContent), 'Read the original at The Wire Desk');
  assert.equal(norm(out.hostRoot.querySelector('p.publisher').textContent), 'Published by The Wire Desk');
  assert.equal(out.embedded.publisher.name, 'The Wire Desk', 'the element reads the same name back');
  assert.equal(out.host.hasAttribute('comments'), true);
  assert.equal(readOutput(await renderStory(WP)).host.hasAttribute('comments'), false);
});

// Relative URLs of a story are relative to its canonical URL, everywhere: body URLs (the
// sanitizer), and the hero, its srcset, byline links and related links (resolveStoryUrls), or on a
// partner's page they would point at the partner's site.
test(
  'relative URLs of the story (hero, srcset, byline, related) resolve against its canonical URL, as body URLs do',
  async () => {
    const story = {
      type: 'news-story',
      version: 1,
      url: 'https://publisher.example/2024/04/story.html',
      headline: 'Headline',
      publisher: { name: 'Publisher', url: 'https://publisher.example/' },
      credits: [{ name: 'Ann Writer', role: 'writing', url: '/author/ann' }],
      image: { src: '/img/hero.jpg', srcset: '/img/hero-600.jpg 600w, /img/hero.jpg 1200w', alt: 'Hero', width: 1200, height: 675 },
      related: [{ headline: 'Other story', url: '/2024/04/other.html' }],
      body: '<p><a href="/2024/04/linked.html">linked</a> <img src="/img/body.jpg" alt="Body"></p>',
    };
    const out = readOutput(await renderStory(story));
    // Where a browser on the partner's page goes with each URL.
    const partnerPage = 'https://partner.example/news/embedded.html';
    const seen = (url) => new URL(url ?? '', partnerPage).href;
    const body = bodyContainer(out);
    assert.equal(seen(body.querySelector('a').getAttribute('href')), 'https://publisher.example/2024/04/linked.html', 'body link');
    assert.equal(seen(body.querySelector('img').getAttribute('src')), 'https://publisher.example/img/body.jpg', 'body image');
    const hero = shadow(out.hero).querySelector('img');
    assert.equal(seen(hero.getAttribute('src')), 'https://publisher.example/img/hero.jpg', 'hero src');
    assert.deepEqual(
      hero.getAttribute('srcset').split(',').map((c) => seen(c.trim().split(/\s+/)[0])),
      ['https://publisher.example/img/hero-600.jpg', 'https://publisher.example/img/hero.jpg'],
      'hero srcset',
    );
    assert.equal(seen(shadow(out.byline).querySelector('a[href]')?.getAttribute('href')), 'https://publisher.example/author/ann', 'byline link');
    const related = out.hostRoot.querySelector('news-related:not([variant="inline"])');
    assert.equal(seen(shadow(related).querySelector('a[href]')?.getAttribute('href')), 'https://publisher.example/2024/04/other.html', 'related link');
  },
);

// serverRenderBody() once re-parsed the sanitized body with jsdom's `div.innerHTML = …`, whose
// fragment parsing detaches every top-level node one by one (SymbolTree.index recomputed on each
// removal): quadratic in the number of top-level nodes; a 2 MB body took minutes. Four times the
// paragraphs must not take
// sixteen times as long.
test(
  'renderStory time grows about linearly with the body (4× the paragraphs, well under 8× the time)',
  async () => {
    const bodyOf = (n) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}: <em>lorem</em> ipsum <a href="/p/${i}">dolor</a> sit amet.</p>`).join('\n');
    const time = async (n) => {
      const source = { ...STORY_JSON, body: bodyOf(n) };
      await renderStory({ ...STORY_JSON, body: bodyOf(10) });
      const t0 = performance.now();
      await renderStory(source);
      return performance.now() - t0;
    };
    const small = await time(1500);
    const large = await time(6000);
    console.log(`# renderStory: 1500 paragraphs ${small.toFixed(0)} ms, 6000 paragraphs ${large.toFixed(0)} ms (×${(large / small).toFixed(1)})`);
    assert.ok(large / small < 8, `6000 paragraphs took ${(large / small).toFixed(1)}× as long as 1500`);
  },
);

// ---------------------------------------------------------------------------------------------
// No breakout from the embedded JSON

const BREAKOUT = '</script><script>alert(1)</script>';

test('story text holding "</script><script>alert(1)</script>" stays text: no breakout from the JSON blocks', async () => {
  const evil = {
    ...STORY_JSON,
    headline: `Headline ${BREAKOUT}`,
    dek: `Dek </SCRIPT ><!-- <script> \u2028\u2029 ${BREAKOUT}`,
    section: BREAKOUT,
    credits: [{ name: `Ann ${BREAKOUT}`, role: 'writing' }],
    image: { ...STORY_JSON.image, caption: `Caption ${BREAKOUT}`, alt: `Alt ${BREAKOUT}` },
    related: [{ headline: `Related ${BREAKOUT}`, url: '/demo/related/x.html' }],
    body: `<p>Before ${BREAKOUT} after</p><p>&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;</p>`,
  };
  const { html, story } = await renderStoryDetailed(evil, { jsonld: true });
  // In the raw bytes: only the two data blocks open or close a script.
  assert.equal((html.match(/<script/gi) ?? []).length, 2, 'two <script> openings: the story JSON and the JSON-LD');
  assert.equal((html.match(/<\/script/gi) ?? []).length, 2, 'two </script> closings');
  const out = readOutput(html);
  assert.deepEqual(out.all.filter((el) => el.localName === 'script').map((s) => s.getAttribute('type')), ['application/json', 'application/ld+json']);
  assert.deepEqual(childElements(out.doc.body).map((c) => c.localName), ['news-story', 'script']);
  // The JSON parses back to exactly what was given.
  assert.equal(out.embedded.headline, evil.headline);
  assert.equal(out.embedded.dek, story.dek);
  assert.ok(out.embedded.dek.includes(`</SCRIPT ><!-- <script>`) && out.embedded.dek.endsWith(BREAKOUT), 'the dek, whole');
  assert.equal(out.embedded.credits[0].name, evil.credits[0].name);
  assert.equal(out.embedded.image.caption, evil.image.caption);
  assert.equal(out.embedded.related[0].headline, evil.related[0].headline);
  assert.equal(out.jsonld.headline, evil.headline);
  // Rendered as text where a reader sees it.
  assert.equal(norm(out.h1.textContent), norm(evil.headline));
  assert.equal(out.paragraphs[0], 'Before after', 'the body was sanitized (its script element dropped)');
  assert.ok(out.paragraphs.includes('</script><script>alert(2)</script>'), 'escaped body text stays text');
  assert.deepEqual(outputProblems(out), []);
});

// ---------------------------------------------------------------------------------------------
// JSON-LD output and style hashes

for (const { name, source, expect } of SOURCES.filter((s) => s.sameAs === undefined)) {
  test(`renderStory jsonld: a valid NewsArticle with the canonical URL (${name})`, async () => {
    const { html, story } = await renderStoryDetailed(source, { jsonld: true });
    const out = readOutput(html);
    assert.deepEqual(childElements(out.doc.body).map((c) => c.localName), ['news-story', 'script'], 'the JSON-LD follows the element');
    const ld = out.jsonld;
    assert.ok(ld, 'a <script type="application/ld+json"> after the element');
    assert.equal(ld['@context'], 'https://schema.org');
    assert.equal(ld['@type'], 'NewsArticle');
    const main = typeof ld.mainEntityOfPage === 'string' ? ld.mainEntityOfPage : ld.mainEntityOfPage?.['@id'];
    assert.equal(main, expect.url, 'mainEntityOfPage is the canonical URL');
    assert.equal(ld.url, expect.url);
    assert.equal(ld.headline, expect.headline);
    assert.ok(!/[<>]/.test(ld.headline), 'headline is text');
    if (story.published) {
      assert.equal(ld.datePublished, story.published);
      assert.ok(!Number.isNaN(Date.parse(ld.datePublished)), 'datePublished is a date');
    }
    if (story.updated) assert.equal(ld.dateModified, story.updated);
    assert.equal(ld.publisher?.['@type'], 'Organization');
    assert.equal(ld.publisher?.name, expect.publisher);
    if (expect.hero) {
      const image = typeof ld.image === 'string' ? ld.image : (Array.isArray(ld.image) ? ld.image[0] : ld.image)?.url;
      assert.equal(image, expect.hero, 'image is the hero, absolute');
    } else assert.equal(ld.image, undefined);
    if (expect.byline) assert.match(JSON.stringify([ld.author, ld.creator]), new RegExp(expect.byline), 'the author');
    // What schema.org readers (and our own reader) make of it: the same story.
    const back = await renderStoryDetailed(ld);
    assert.equal(back.story.url, story.url);
    assert.equal(back.story.headline, story.headline);
    assert.equal(back.story.image && new URL(back.story.image.src, story.url).href, story.image && new URL(story.image.src, story.url).href);
  });
}

test('styleHashes: one sha256 per distinct <style> block, each the hash of the text a browser hashes', async () => {
  for (const source of [WP, STORY_JSON, JSONLD]) {
    const html = await renderStory(source, { jsonld: true });
    const hashes = styleHashes(html);
    // Recomputed from the DOM: every <style> in every declarative shadow root, its text content.
    const texts = new Set(deepElements(parse(html)).filter((el) => el.localName === 'style').map((s) => s.textContent));
    assert.ok(texts.size >= 4, `styles of news-story, news-article, news-photo, news-byline (${texts.size})`);
    assert.equal(hashes.length, texts.size, 'one hash per distinct block');
    assert.equal(new Set(hashes).size, hashes.length, 'no duplicates');
    assert.deepEqual([...hashes].sort(), [...texts].map(hashOf).sort());
    for (const hash of hashes) assert.match(hash, /^'sha256-[A-Za-z0-9+/]{43}='$/);
  }
  assert.deepEqual(styleHashes('<p>no style</p>'), []);
  assert.deepEqual(styleHashes('<style>a{}</style><style>a{}</style>'), [hashOf('a{}')]);
});

// ---------------------------------------------------------------------------------------------
// Malformed and partial sources

test('malformed sources reject with StorySourceError saying what was wrong', async () => {
  const { title: _, ...noTitle } = WP;
  const cases = [
    ['{}', {}],
    ['42', 42],
    ['"not json"', 'not json'],
    ['null', null],
    ['[]', []],
    ['a WordPress post with no title', noTitle],
    ['a WordPress post with an empty title', { ...WP, title: { rendered: '  ' } }],
    ['JSON text of {}', '{}'],
  ];
  for (const [label, source] of cases) {
    await assert.rejects(renderStory(source), (error) => {
      assert.ok(error instanceof StorySourceError, `${label}: a StorySourceError (${error})`);
      assert.equal(error.name, 'StorySourceError');
      assert.ok(Array.isArray(error.problems) && error.problems.length > 0, `${label}: with problems`);
      for (const p of error.problems) assert.ok(typeof p.field === 'string' && p.message, `${label}: ${JSON.stringify(p)}`);
      assert.match(error.message, /^No story found in the source/);
      return true;
    });
  }
  await assert.rejects(renderStory(noTitle), (error) => error.problems.some((p) => p.field === 'title.rendered'), 'names title.rendered');
  await assert.rejects(renderStory('not json'), (error) => /not JSON/.test(error.message));
});

test('missing image and missing author: the story renders without them', async () => {
  const post = structuredClone(WP);
  post.featured_media = 0;
  delete post._embedded['wp:featuredmedia'];
  delete post._embedded.author;
  const { image: _i, ...bare } = STORY_JSON;
  for (const [label, source] of [
    ['WordPress without featured media and author', post],
    ['story JSON without image and credits', { ...bare, credits: [] }],
  ]) {
    const out = readOutput(await renderStory(source));
    assert.ok(norm(out.h1?.textContent), `${label}: headline`);
    assert.equal(out.hero, null, `${label}: no hero`);
    assert.equal(out.byline, null, `${label}: no byline`);
    assert.equal(out.article.getAttribute('ssr-slots'), 'body footer', `${label}: news-article renders only the slots it has`);
    assert.ok(out.paragraphs.length > 10, `${label}: body`);
    assert.ok(out.originalLink, `${label}: "Read the original"`);
    assert.deepEqual(outputProblems(out), []);
  }
});

test('a 2 MB body renders whole (time printed)', async () => {
  const parts = [];
  let size = 0;
  for (let i = 0; size < 2 * 1024 * 1024; i++) {
    const p =
      i % 200 === 50
        ? `<figure class="wp-block-image"><img src="/img/${i}.jpg" alt="Photo ${i}" width="640" height="360"><figcaption>Caption ${i}. REUTERS/Jane Doe</figcaption></figure>`
        : `<p>Paragraph ${i}: <em>lorem</em> ipsum <a href="/p/${i}">dolor</a> sit amet, consectetur adipiscing elit, sed do eiusmod tempor.</p>`;
    parts.push(p);
    size += p.length;
  }
  const body = parts.join('\n') + '<script>alert(1)</script><p onclick="alert(1)">last</p>';
  const started = performance.now();
  const { html } = await renderStoryDetailed({ ...STORY_JSON, body });
  const ms = performance.now() - started;
  console.log(`# SSR of a ${(body.length / 1024 / 1024).toFixed(2)} MB body: ${ms.toFixed(0)} ms, output ${(html.length / 1024 / 1024).toFixed(2)} MB`);
  const out = readOutput(html);
  const expected = parts.filter((p) => p.startsWith('<p>')).length + 1;
  assert.equal(out.paragraphs.length, expected, 'every paragraph');
  assert.equal(out.paragraphs.at(-1), 'last');
  assert.equal(out.body.filter((el) => el.localName === 'news-photo').length, parts.length - expected + 1, 'every figure as a photo');
  assert.deepEqual(outputProblems(out), []);
  assert.ok(out.originalLink, 'the footer after the body');
});

// ---------------------------------------------------------------------------------------------
// 2. The XSS corpus as a story body

const XSS_URL = 'https://news.example/2024/03/story';
test(`the XSS corpus has its ${CORPUS.length} payloads, each with a source`, () => {
  assert.ok(CORPUS.length >= 300);
  for (const entry of CORPUS) assert.ok(entry.source?.repo && entry.source?.commit && entry.source?.path, entry.id);
});

for (const entry of CORPUS) {
  test(`XSS through renderStory: ${entry.id} [${entry.category}] ${(entry.title ?? '').slice(0, 60)}`, async () => {
    const story = { type: 'news-story', version: 1, url: XSS_URL, headline: `Story ${entry.id}`, credits: [], related: [], publisher: { name: 'News' }, body: entry.payload };
    const html = await renderStory(story);
    const out = readOutput(html);
    const where = `${entry.id}: ${html.slice(html.indexOf('<p slot="footer"') - 300, html.indexOf('<p slot="footer"'))}`;
    // The structure holds: the payload did not leave the body.
    assert.deepEqual(childElements(out.doc.body).map((c) => c.localName), ['news-story'], where);
    assert.deepEqual(childElements(out.host).map((c) => c.localName), ['template', 'script'], where);
    assert.equal(out.hosts.length, 1, where);
    assert.ok(out.originalLink && out.original.parentElement === out.article, `${entry.id}: the footer is still the article's`);
    assert.equal(out.embedded.body, '', where);
    assert.deepEqual(outputProblems(out), [], where);
    assert.deepEqual(storyBodyProblems(bodyContainer(out), { base: XSS_URL, storyOrigin: new URL(XSS_URL).origin }), [], where);
  });
}

// ---------------------------------------------------------------------------------------------
// 3. SSR time per story

test('SSR time per story (reference WordPress post): median of 30 after 3 warm-ups (printed)', async () => {
  for (let i = 0; i < 3; i++) await renderStory(WP);
  const times = [];
  const started = performance.now();
  for (let i = 0; i < 30; i++) {
    const t0 = performance.now();
    await renderStory(WP);
    times.push(performance.now() - t0);
  }
  const total = performance.now() - started;
  times.sort((a, b) => a - b);
  const median = (times[14] + times[15]) / 2;
  console.log(
    `# SSR of the reference WordPress post (story-post-embed.json, ${WP.content.rendered.length} chars of body): ` +
      `median ${median.toFixed(1)} ms/story (min ${times[0].toFixed(1)}, max ${times[29].toFixed(1)}), ` +
      `${(1000 / median).toFixed(1)} stories/s (30 in ${total.toFixed(0)} ms: ${((30 * 1000) / total).toFixed(1)} stories/s)`,
  );
  assert.ok(median > 0);
});

// ---------------------------------------------------------------------------------------------
// 4. Taking over the server-rendered story in Chromium

let server;
let base;
let browser;
const dataDir = mkdtempSync(join(tmpdir(), 'news-ssr-story-'));

before(async () => {
  ({ server, url: base } = await startDemoServer({ port: 0, host: '127.0.0.1', dataDir }));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const VIEWPORT = { width: 1280, height: 800 };

/** Registered before any page script: every layout shift, from the start of the load. */
function observeLayoutShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      window.__shifts.push({
        value: entry.value,
        hadRecentInput: entry.hadRecentInput,
        time: entry.startTime,
        sources: (entry.sources ?? []).map((s) => ({
          node: s.node ? `${s.node.nodeName}${s.node.className ? `.${s.node.className}` : ''}` : null,
          from: [s.previousRect.x, s.previousRect.y, s.previousRect.width, s.previousRect.height].map(Math.round).join(','),
          to: [s.currentRect.x, s.currentRect.y, s.currentRect.width, s.currentRect.height].map(Math.round).join(','),
        })),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
}

/**
 * Runs in the page: the story's parts, found by their place in the shadow trees (news-story →
 * shadowRoot news-article → shadowRoot h1 …). Null until they are all there.
 */
function findParts() {
  const host = document.querySelector('news-story');
  const root = host?.shadowRoot;
  const article = root?.querySelector('news-article');
  const articleRoot = article?.shadowRoot;
  const hero = article?.querySelector(':scope > news-photo[slot="media"]');
  const byline = article?.querySelector(':scope > news-byline[slot="byline"]');
  const paragraphs = article ? [...article.querySelectorAll(':scope > p:not([slot])')].slice(0, 5) : [];
  const original = article?.querySelector(':scope > p.original[slot="footer"]');
  const parts = {
    host,
    storyBox: root?.querySelector('div.story'),
    article,
    headline: articleRoot?.querySelector('h1'),
    hero,
    heroImage: hero?.shadowRoot?.querySelector('img'),
    byline,
    bylineText: byline?.shadowRoot?.querySelector('[part="byline"]'),
    ...Object.fromEntries(paragraphs.map((p, i) => [`paragraph${i + 1}`, p])),
    original,
    originalLink: original?.querySelector('a'),
  };
  return Object.values(parts).every(Boolean) && paragraphs.length === 5 ? parts : null;
}

/** Runs in the page: each part's box relative to the page (not the viewport). */
function boxesOf(parts) {
  const out = {};
  for (const [name, el] of Object.entries(parts)) {
    const r = el.getBoundingClientRect();
    out[name] = { x: r.x + scrollX, y: r.y + scrollY, width: r.width, height: r.height };
  }
  return out;
}

/** Runs in the page (page.evaluate): the parts' boxes, or null. */
const measureParts = new Function(`const findParts = ${findParts}; const boxesOf = ${boxesOf}; const parts = findParts(); return parts && boxesOf(parts);`);

/** `a` and `b` within half a pixel, part by part; the differences as lines. */
function boxDiffs(a, b, labelA, labelB) {
  const diffs = [];
  for (const name of Object.keys(a)) {
    for (const key of ['x', 'y', 'width', 'height']) {
      if (!b[name] || Math.abs(a[name][key] - b[name][key]) > 0.5) diffs.push(`${name}.${key}: ${a[name][key]} ${labelA}, ${b[name]?.[key]} ${labelB}`);
    }
  }
  return diffs;
}

function assertClean(log, label) {
  assert.deepEqual(log.errors, [], `${label}: no page error`);
  assert.deepEqual(log.csp, [], `${label}: no CSP or Trusted Types violation`);
  const noisy = log.console.filter((m) => ['error', 'warn', 'warning'].includes(m.type) || /Content.Security.Policy|Trusted.?Type/i.test(m.text));
  assert.deepEqual(noisy, [], `${label}: no console error or warning`);
}

const cumulative = (shifts) => shifts.filter((s) => !s.hadRecentInput).reduce((sum, s) => sum + s.value, 0);

test('embed-ssr.html: the script takes the server-rendered story over — same nodes, same boxes, no layout shift', async () => {
  const url = `${base}demo/embed-ssr.html`;

  // (a) Without JavaScript: what declarative shadow DOM alone paints.
  const plain = await browser.newPage();
  await plain.setViewport(VIEWPORT);
  await plain.setJavaScriptEnabled(false);
  await plain.goto(url, { waitUntil: 'networkidle0' });
  const noJs = await plain.evaluate(measureParts);
  assert.ok(noJs, 'every part is painted without JavaScript');
  assert.equal(await plain.evaluate(() => customElements.get('news-story')), undefined, 'no script ran');
  await plain.close();

  // (b) With JavaScript, the bundle held back until the server-rendered nodes are measured.
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  const log = await watchPage(page);
  await page.evaluateOnNewDocument(observeLayoutShifts);
  let release;
  const released = new Promise((resolve) => {
    release = resolve;
  });
  let heldRequest;
  let bundleSeen;
  const bundleArrived = new Promise((resolve) => (bundleSeen = resolve));
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/dist/news-elements.js') {
      heldRequest = request;
      bundleSeen();
      released.then(() => request.continue());
    } else request.continue();
  });
  const loaded = page.goto(url, { waitUntil: 'load' });
  await bundleArrived;
  // The document is parsed past the story and the hero photo has loaded; the bundle is still held.
  await page.waitForFunction(
    () => {
      const img = document.querySelector('news-story')?.shadowRoot?.querySelector('news-article > news-photo')?.shadowRoot?.querySelector('img');
      return !!document.querySelector('.partner-footer') && !!img && img.complete && img.naturalWidth > 0;
    },
    { polling: 50, timeout: 15000 },
  );
  const beforeScript = await page.evaluate(
    new Function(`
      const findParts = ${findParts}; const boxesOf = ${boxesOf};
      const parts = findParts();
      if (!parts) return null;
      window.__parts = parts;
      // Nothing the server rendered may be taken out of any of the story's shadow trees.
      window.__removed = [];
      const watch = (root) => {
        new MutationObserver((records) => {
          for (const r of records) for (const n of r.removedNodes) {
            if (n.nodeType !== Node.COMMENT_NODE) window.__removed.push((n.nodeName || '') + ' ' + (n.textContent || '').slice(0, 40));
          }
        }).observe(root, { childList: true, subtree: true });
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) watch(el.shadowRoot);
      };
      watch(parts.host.shadowRoot);
      return { boxes: boxesOf(parts), defined: !!customElements.get('news-story') };
    `),
  );
  assert.ok(heldRequest, 'the bundle was requested and held');
  assert.ok(beforeScript, 'every part is there before the script runs');
  assert.equal(beforeScript.defined, false, 'no element defined yet');
  assert.deepEqual(boxDiffs(noJs, beforeScript.boxes, 'without JS', 'before the script'), [], 'the same paint with JS on, before the script');

  release();
  await loaded;
  await page.waitForFunction(
    () => {
      const host = document.querySelector('news-story');
      if (!customElements.get('news-story') || !host?.shadowRoot) return false;
      const deferred = [];
      const walk = (root) => {
        for (const el of root.querySelectorAll('*')) {
          if (el.hasAttribute('defer-hydration')) deferred.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(host.shadowRoot);
      return deferred.length === 0 && host.hasUpdated === true;
    },
    { polling: 50, timeout: 15000 },
  );
  await new Promise((resolve) => setTimeout(resolve, 500));

  const afterScript = await page.evaluate(
    new Function(`
      const findParts = ${findParts}; const boxesOf = ${boxesOf};
      const now = findParts();
      const then = window.__parts;
      const same = {};
      for (const name of Object.keys(then)) same[name] = { connected: then[name].isConnected, same: !!now && now[name] === then[name] };
      const form = document.querySelector('news-story').shadowRoot.querySelector('news-comment-form');
      return { boxes: boxesOf(then), same, removed: window.__removed, shifts: window.__shifts, form: form && boxesOf({ form }).form };
    `),
  );
  const cls = cumulative(afterScript.shifts);
  console.log(
    `# embed-ssr.html CLS during load and takeover (1280×800): ${cls} (${afterScript.shifts.length} shift entries); ` +
      `comment form appended: ${afterScript.form ? `${Math.round(afterScript.form.height)}px tall` : 'no'}`,
  );
  const notSame = Object.entries(afterScript.same).filter(([, v]) => !v.connected || !v.same);
  assert.deepEqual(notSame, [], 'the same node objects, still connected, after hydration');
  assert.deepEqual(afterScript.removed, [], 'nothing the server rendered was removed (no re-render)');
  // The comment form is appended at the end of the story once the script runs (comments is set):
  // the story's two containers grow by it, below everything that was there. Nothing else moves.
  const { host, storyBox, ...parts } = afterScript.boxes;
  const { host: hostBefore, storyBox: storyBoxBefore, ...partsBefore } = beforeScript.boxes;
  assert.deepEqual(boxDiffs(partsBefore, parts, 'before', 'after'), [], 'every part where it was (±0.5px)');
  const noHeight = ({ height: _, ...box }) => box;
  assert.deepEqual(
    boxDiffs({ host: noHeight(hostBefore), storyBox: noHeight(storyBoxBefore) }, { host: noHeight(host), storyBox: noHeight(storyBox) }, 'before', 'after'),
    [],
    'the story’s containers stay where they were, as wide',
  );
  assert.ok(afterScript.form, 'the comment form was appended (the page sets comments)');
  const lastBefore = partsBefore.original;
  assert.ok(afterScript.form.y >= lastBefore.y + lastBefore.height, 'the form is below the last server-rendered part');
  assert.ok(storyBox.y + storyBox.height >= afterScript.form.y + afterScript.form.height - 0.5, 'the story grew to hold the form');
  assert.equal(cls, 0, `no layout shift: ${JSON.stringify(afterScript.shifts)}`);
  assertClean(log, 'embed-ssr.html');
  await page.close();
});

test('embed.html (client-rendered): cumulative layout shift during load at 1280×800 (printed)', async () => {
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  const log = await watchPage(page);
  await page.evaluateOnNewDocument(observeLayoutShifts);
  await page.goto(`${base}demo/embed.html`, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => !!document.querySelector('news-story')?.shadowRoot?.querySelector('news-article'), { timeout: 15000 });
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const shifts = await page.evaluate(() => window.__shifts);
  const cls = cumulative(shifts);
  console.log(`# embed.html (client-rendered) CLS during load (1280×800): ${cls} (${shifts.length} shift entries)`);
  assert.equal(cls, 0, `no layout shift: ${JSON.stringify(shifts)}`);
  assertClean(log, 'embed.html');
  await page.close();
});
