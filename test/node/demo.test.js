// The README's main job, end to end: `npm start` serves the reference article, and a real
// Chromium shows it upgraded, under the demo's strict CSP with Trusted Types, with no error,
// no warning, no CSP violation and no axe violation.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer } from '../../demo/server.js';
import { launchChromium, watchPage } from './browser.js';

let server;
let base;
let browser;
// Comments go to a throw-away database, never the developer's own .data/.
const dataDir = mkdtempSync(join(tmpdir(), 'news-demo-'));

before(async () => {
  ({ server, url: base } = await startDemoServer({ port: 0, dataDir }));
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

test('the server serves the demo with a strict CSP and refuses paths outside its folders', async () => {
  const page = await fetch(`${base}demo/index.html`);
  assert.equal(page.status, 200);
  const csp = page.headers.get('content-security-policy');
  assert.match(csp, /script-src 'self'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
  assert.match(csp, /require-trusted-types-for 'script'/);
  assert.equal((await fetch(`${base}dist/news-elements.js`)).headers.get('content-type'), 'text/javascript; charset=utf-8');
  assert.equal((await fetch(`${base}package.json`)).status, 404);
  assert.equal((await fetch(`${base}demo/..%2fpackage.json`)).status, 404);
  assert.equal((await fetch(`${base}demo/%2e%2e/src/index.ts`)).status, 404);
  const root = await fetch(base, { redirect: 'manual' });
  assert.equal(root.status, 302);
});

test('PORT is honoured by `npm start`', async () => {
  const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
  assert.match(pkg.scripts.start, /node demo\/server\.js/);
  const { server: other, url } = await startDemoServer({ port: 0, dataDir });
  assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  other.close();
});

test('the reference article renders upgraded, clean, under CSP + Trusted Types', async () => {
  const page = await browser.newPage();
  const log = await watchPage(page);
  await page.setViewport({ width: 1024, height: 900 });
  await page.goto(`${base}demo/index.html`, { waitUntil: 'networkidle0' });
  await page.waitForFunction(() => ['news-article', 'news-photo', 'news-byline'].every((t) => customElements.get(t)));

  const facts = await page.evaluate(async () => {
    const article = document.querySelector('news-article');
    const photo = document.querySelector('news-photo');
    const byline = document.querySelector('news-byline');
    await Promise.all([article.updateComplete, photo.updateComplete, byline.updateComplete]);
    const img = photo.querySelector('img');
    return {
      h1: document.querySelector('h1')?.textContent.trim(),
      section: article.shadowRoot.textContent.includes('World'),
      kicker: article.shadowRoot.textContent.includes('Exclusive'),
      time: article.shadowRoot.querySelector('time')?.getAttribute('datetime'),
      caption: [...photo.querySelectorAll('[slot]')]
        .filter((node) => node.assignedSlot?.closest('figcaption'))
        .map((node) => node.textContent)
        .join(' '),
      imageLoaded: img.complete && img.naturalWidth > 0,
      imageRatio: img.getBoundingClientRect().width / img.getBoundingClientRect().height,
      byline: byline.shadowRoot.textContent.replace(/\s+/g, ' ').trim(),
      subheads: [...article.querySelectorAll('h2')].map((h) => h.textContent),
      h1Count: document.querySelectorAll('h1').length + article.shadowRoot.querySelectorAll('h1').length,
    };
  });
  assert.equal(facts.h1, 'Prior to the attack in Moscow, Iran warned Russia about a security threat');
  assert.ok(facts.section && facts.kicker, 'section and kicker shown');
  assert.equal(facts.time, '2024-04-08T10:00:00Z');
  assert.match(facts.caption, /Rescuers work to extinguish fire/);
  assert.match(facts.caption, /REUTERS\/Maxim Shemetov/);
  assert.ok(facts.imageLoaded, 'hero image loaded');
  assert.ok(Math.abs(facts.imageRatio - 1200 / 675) < 0.02, `hero keeps 16:9 (${facts.imageRatio})`);
  assert.equal(
    facts.byline,
    'Additional reporting by Nazarali Pirnazarov in Dushanbe, Steve Holland and Jonathan Landay in Washington; Writing by Parisa Hafezi; Editing by Michael Georgy and Gareth Jones',
  );
  assert.deepEqual(facts.subheads, ['“Important function”', 'The Tajik nationals']);
  assert.equal(facts.h1Count, 1, 'exactly one h1');

  assert.deepEqual(log.errors, [], 'no page errors');
  assert.deepEqual(log.csp, [], 'no CSP or Trusted Types violation');
  const noisy = log.console.filter((m) => m.type === 'error' || m.type === 'warn' || m.type === 'warning');
  assert.deepEqual(noisy, [], 'no console errors or warnings');
  await page.close();
});

test('the reference article has no axe violations', async () => {
  const page = await browser.newPage();
  await page.setBypassCSP(true); // only to inject axe; the test above checks the page under its CSP
  await page.goto(`${base}demo/index.html`, { waitUntil: 'networkidle0' });
  await page.addScriptTag({ content: readFileSync('node_modules/axe-core/axe.min.js', 'utf8') });
  const result = await page.evaluate(async () => {
    await customElements.whenDefined('news-article');
    // @ts-ignore
    const r = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  assert.deepEqual(result, []);
  await page.close();
});

test('without JavaScript the story, its photo and credits are still there', async () => {
  const page = await browser.newPage();
  await page.setJavaScriptEnabled(false);
  await page.setViewport({ width: 360, height: 740 });
  await page.goto(`${base}demo/index.html`, { waitUntil: 'networkidle0' });
  const text = await page.evaluate(() => document.body.innerText);
  assert.match(text, /Prior to the attack in Moscow, Iran warned Russia/);
  assert.match(text, /Iran detained 35 people in January/);
  assert.match(text, /Editing by Michael Georgy and Gareth Jones/);
  assert.match(text, /Rescuers work to extinguish fire/);
  assert.match(text, /REUTERS\/Maxim Shemetov/);
  const img = await page.evaluate(() => {
    const i = document.querySelector('news-photo img');
    const r = i.getBoundingClientRect();
    return { loaded: i.complete && i.naturalWidth > 0, width: r.width, ratio: r.width / r.height, scroll: document.documentElement.scrollWidth };
  });
  assert.ok(img.loaded && img.width > 0, 'hero image shown without JS');
  assert.ok(img.width <= 360, `the image fits a 360px screen (${img.width})`);
  assert.equal(img.scroll, 360, 'no sideways scrolling');
  assert.ok(Math.abs(img.ratio - 1200 / 675) < 0.02, `keeps its ratio (${img.ratio})`);
  await page.close();
});

test('upgrading the elements does not move or resize the hero photo', async () => {
  const page = await browser.newPage();
  await page.setViewport({ width: 800, height: 900 });
  // Hold the bundle back so the page paints un-upgraded first, as on a slow network.
  await page.setRequestInterception(true);
  let release;
  const held = new Promise((resolve) => (release = resolve));
  page.on('request', async (request) => {
    if (request.url().endsWith('/dist/news-elements.js')) await held;
    request.continue();
  });
  // Not awaited: a module script that has not arrived holds DOMContentLoaded and load back.
  const navigation = page.goto(`${base}demo/index.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.querySelector('news-photo img')?.complete, { timeout: 10000 });
  const box = () =>
    page.evaluate(() => {
      const r = document.querySelector('news-photo img').getBoundingClientRect();
      return { defined: !!customElements.get('news-photo'), width: Math.round(r.width), height: Math.round(r.height) };
    });
  const before = await box();
  release();
  await navigation;
  await page.waitForFunction(() => customElements.get('news-photo') && document.querySelector('news-photo').shadowRoot);
  await page.evaluate(() => document.querySelector('news-photo').updateComplete);
  const after = await box();
  assert.equal(before.defined, false, 'measured before the upgrade');
  assert.equal(after.width, before.width, 'same width');
  assert.equal(after.height, before.height, 'same height');
  await page.close();
});
