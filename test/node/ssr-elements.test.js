// The elements rendered on a server with @lit-labs/ssr, from the built package (dist/, as npm users
// and renderStory() import it; run `npm run build` first): declarative shadow DOM with the content a
// reader needs before any script, no throw, no warning for good input. The server's time zone is
// set away from UTC on purpose: the server renders date-times in UTC whatever its own zone.
process.env.TZ = 'Asia/Tehran';

import { test } from 'node:test';
import assert from 'node:assert/strict';
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html } from 'lit';

await import('../../dist/components/news-article/define.js');
await import('../../dist/components/news-byline/define.js');
await import('../../dist/components/news-photo/define.js');
await import('../../dist/components/news-related/define.js');
// A server renders in one pass: other languages' strings must be in first (renderStory does this).
const { loadTranslations } = await import('../../dist/core/index.js');
await loadTranslations();

const DSD = '<template shadowroot="open" shadowrootmode="open">';

/** Renders `template`; returns the HTML and what was warned meanwhile (and just after: late async work). */
async function ssr(template) {
  const warnings = [];
  const warn = console.warn;
  console.warn = (...args) => warnings.push(args.map(String).join(' '));
  try {
    const out = await collectResult(render(template));
    await new Promise((resolve) => setTimeout(resolve, 20));
    return { out, warnings };
  } finally {
    console.warn = warn;
  }
}

/** The text a reader sees: styles, comments and tags left out. */
const text = (markup) =>
  markup
    .replace(/<style>[^]*?<\/style>/g, '')
    .replace(/<!--[^]*?-->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** The first shadow root's markup of the first `<tag>` in `out`. */
function shadowOf(out, tag) {
  const start = out.indexOf(`<${tag}`);
  assert.ok(start >= 0, `<${tag}> rendered`);
  const open = out.indexOf(DSD, start);
  assert.ok(open >= 0, `<${tag}> has a declarative shadow root`);
  let depth = 0;
  const re = /<template\b|<\/template>/g;
  re.lastIndex = open;
  for (let m = re.exec(out); m; m = re.exec(out)) {
    depth += m[0] === '</template>' ? -1 : 1;
    if (depth === 0) return out.slice(open + DSD.length, m.index);
  }
  throw new Error('unclosed template');
}

const credits = JSON.stringify([
  { name: 'Parisa Hafezi', role: 'reporting', location: 'Dubai' },
  { name: 'Guy Faulconbridge', role: 'reporting', location: 'Moscow' },
  { name: 'Alexander Cornwell', role: 'writing' },
]);
const items = JSON.stringify([
  { headline: 'Tesla customers shun the business', url: '/demo/related/tesla.html', image: '/img/city.svg', section: 'Business', published: '2024-04-05T14:20:00Z' },
  { headline: 'Philippines challenges Beijing', url: 'https://example.com/ph', published: '2024-04-03' },
]);

test('news-article: header, dates as <time datetime>, and the slots the server renderer states', async () => {
  const { out, warnings } = await ssr(html`<news-article lang="en" section="World" kicker="Exclusive"
    headline="Iran warned Russia" dek="Three sources." published="2024-04-08" updated="2024-04-09"
    ssr-slots="byline media body">
    <news-byline slot="byline" lang="en" credits=${credits}></news-byline>
    <p>Body text.</p>
  </news-article>`);
  assert.deepEqual(warnings, []);
  const shadow = shadowOf(out, 'news-article');
  assert.match(shadow, /<h1 part="headline" class="headline"><slot name="headline"><!--lit-part-->Iran warned Russia<!--\/lit-part--><\/slot><\/h1>/);
  assert.match(text(shadow), /^World Exclusive Iran warned Russia Three sources\./);
  assert.match(shadow, /<time datetime="2024-04-08"><!--lit-part-->April 8, 2024<!--\/lit-part--><\/time>/);
  assert.match(shadow, /<time datetime="2024-04-09"><!--lit-part-->April 9, 2024<!--\/lit-part--><\/time>/);
  // Stated slots are shown, the others hidden, exactly as the browser's first render will have them.
  assert.match(shadow, /<div part="meta" >/);
  assert.match(shadow, /<div part="media" ><slot name="media">/);
  assert.match(shadow, /<div part="body" ><slot><\/slot>/);
  assert.match(shadow, /<footer part="footer" hidden>/);
  // The light DOM stays as written, the byline server-rendered in it.
  assert.match(out, /<p>Body text\.<\/p>/);
  assert.ok(out.indexOf('<news-byline') > out.indexOf('</template>'), 'the byline is light DOM');
});

test('news-article: without ssr-slots the body is shown; headline slots are stated too', async () => {
  const plain = shadowOf((await ssr(html`<news-article headline="H"><p>Body</p></news-article>`)).out, 'news-article');
  assert.match(plain, /<div part="body" ><slot>/);
  assert.match(plain, /<div part="media" hidden>/);
  const heading = shadowOf(
    (await ssr(html`<news-article headline="H" ssr-slots="headline-heading body"><h1 slot="headline">H</h1></news-article>`)).out,
    'news-article',
  );
  assert.match(heading, /<div part="headline" class="headline"><slot name="headline"><\/slot><\/div>/);
  const inline = shadowOf(
    (await ssr(html`<news-article ssr-slots="headline"><span slot="headline">H</span></news-article>`)).out,
    'news-article',
  );
  assert.match(inline, /<h1 part="headline" class="headline"><slot name="headline">/);
});

test('news-article: a date-time is rendered in UTC, whatever the server’s time zone', async () => {
  const { out } = await ssr(html`<news-article headline="H" published="2024-04-08T22:30:00Z"></news-article>`);
  assert.equal(new Intl.DateTimeFormat().resolvedOptions().timeZone, 'Asia/Tehran');
  assert.match(shadowOf(out, 'news-article'), /<time datetime="2024-04-08T22:30:00Z"><!--lit-part-->April 8, 2024 at 10:30 PM UTC<!--\/lit-part--><\/time>/);
});

test('news-byline: names grouped by role and place, joined as the language joins lists', async () => {
  const { out, warnings } = await ssr(html`<news-byline lang="en" credits=${credits}></news-byline>`);
  assert.deepEqual(warnings, []);
  assert.equal(
    text(shadowOf(out, 'news-byline')),
    'Reporting by Parisa Hafezi in Dubai , Guy Faulconbridge in Moscow ; Writing by Alexander Cornwell',
  );
  assert.match(shadowOf(out, 'news-byline'), /<span part="name"><!--lit-part-->Parisa Hafezi<!--\/lit-part--><\/span>/);
});

test('news-photo: the image with width and height, its ratio held by markup, caption and credit', async () => {
  const { out, warnings } = await ssr(html`<news-photo src="/img/crocus-1200.jpg" alt="Firefighters" width="1200" height="675"
    caption="Rescuers work." credit="REUTERS/Maxim Shemetov" priority></news-photo>`);
  assert.deepEqual(warnings, []);
  const shadow = shadowOf(out, 'news-photo');
  assert.match(shadow, /<div part="frame" class="frame ratio">/);
  assert.match(shadow, /<svg class="ratio-box" viewBox="0 0 1200 675" aria-hidden="true" focusable="false"><\/svg>/);
  const img = /<img[^>]*part="image"[^>]*>/.exec(shadow)?.[0] ?? '';
  for (const attr of ['src="/img/crocus-1200.jpg"', 'alt="Firefighters"', 'width="1200"', 'height="675"', 'loading="eager"', 'fetchpriority="high"']) {
    assert.ok(img.includes(attr), `img has ${attr}`);
  }
  assert.equal(text(shadow), 'Rescuers work. REUTERS/Maxim Shemetov');
  // No inline style: nothing a strict CSP would block.
  assert.doesNotMatch(shadow, /style=/);
});

test('news-photo: a wrapped <img> is shown through the frame’s slot', async () => {
  const { out, warnings } = await ssr(html`<news-photo><img src="/a.jpg" alt="A" width="4" height="3" /></news-photo>`);
  assert.deepEqual(warnings, []);
  const shadow = shadowOf(out, 'news-photo');
  assert.match(shadow, /<div part="frame" class="frame">\s*<!--lit-part--><!--\/lit-part-->\s*<!--lit-part [^>]+--><slot><\/slot>/);
  assert.doesNotMatch(shadow, /<img/);
});

test('news-related: list, cards and inline from items; src renders the loading state and fetches nothing', async () => {
  const fetches = [];
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (...args) => {
    fetches.push(String(args[0]));
    throw new Error('no fetch on the server');
  };
  try {
    const { out, warnings } = await ssr(html`<news-related lang="en" items=${items}></news-related>
      <news-related variant="cards" items=${items}></news-related>
      <news-related variant="inline" items=${items}></news-related>
      <news-related src="/related.json"></news-related>`);
    assert.deepEqual(warnings, []);
    assert.deepEqual(fetches, []);
    const [list, cards, inline, loading] = out.split('</news-related>').slice(0, 4).map((chunk) => shadowOf(chunk, 'news-related'));
    assert.equal(text(list), 'Related articles Tesla customers shun the business April 5, 2024 Philippines challenges Beijing April 3, 2024');
    assert.match(list, /<a part="item-link" class="headline" href="\/demo\/related\/tesla.html">/);
    assert.match(list, /<time part="date" datetime="2024-04-05T14:20:00Z">/);
    assert.match(cards, /<img part="image" src="\/img\/city.svg" alt="" loading="lazy" decoding="async"/);
    assert.equal(text(inline), 'Read also : Tesla customers shun the business');
    assert.match(loading, /aria-busy="true"><slot><\/slot>/);
  } finally {
    globalThis.fetch = realFetch;
  }
});

test('lang="fa": every element speaks Persian on the server', async () => {
  const { out, warnings } = await ssr(html`<news-article lang="fa" headline="ایران" published="2024-04-08" ssr-slots="byline body">
      <news-byline slot="byline" lang="fa" credits=${credits}></news-byline><p>متن</p>
    </news-article>
    <news-photo lang="fa" src="/a.jpg" alt="" width="4" height="3" expandable></news-photo>
    <news-related lang="fa" items=${items}></news-related>`);
  assert.deepEqual(warnings, []);
  assert.match(text(shadowOf(out, 'news-article')), /منتشرشده در ۲۰ فروردین ۱۴۰۳/);
  assert.match(text(shadowOf(out, 'news-byline')), /^گزارش از Parisa Hafezi در Dubai/);
  assert.match(text(shadowOf(out, 'news-byline')), /نگارش Alexander Cornwell$/);
  assert.match(shadowOf(out, 'news-photo'), /aria-label="نمایش تصویر کامل"/);
  assert.match(text(shadowOf(out, 'news-related')), /^مطالب مرتبط/);
});

test('an element without lang renders in English on the server', async () => {
  const { out } = await ssr(html`<news-byline credits=${JSON.stringify([{ name: 'A' }, { name: 'B' }])}></news-byline>`);
  assert.equal(text(shadowOf(out, 'news-byline')), 'By A and B');
});

test('bad input still warns on the server, once, and never throws', async () => {
  const { out, warnings } = await ssr(html`<news-photo src="/a.jpg"></news-photo>
    <news-article headline="H" published="yesterday"></news-article>
    <news-byline credits="{not json"><span>Plain byline</span></news-byline>`);
  assert.ok(out.includes(DSD));
  assert.deepEqual(
    warnings.map((w) => w.slice(0, w.indexOf(' ', w.indexOf(']') + 12))),
    ['[news-photo] attribute "alt"', '[news-article] attribute "published"', '[news-byline] attribute "credits"'],
  );
});

test('the styles a server writes into every shadow root are minified (no comments, no indentation, compact tokens)', async () => {
  const { out } = await ssr(html`<news-photo src="/a.jpg" alt="A" width="4" height="3" caption="C" credit="R"></news-photo>`);
  const styles = [...out.matchAll(/<style>([^]*?)<\/style>/g)].map((m) => m[1]);
  assert.ok(styles.length > 0, 'a style block');
  for (const css of styles) {
    assert.ok(!css.includes('/*'), 'no CSS comments');
    assert.ok(!/\n\s/.test(css), 'no indented lines');
    assert.ok(css.includes('--_color-text:var(--news-color-text,#1a1a1a);'), 'compact token declarations');
  }
});
