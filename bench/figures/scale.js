/**
 * Figure "scale": a page with 1,000 `<news-photo>` and 100 `<news-related>` (bench/pages/make-scale.js
 * writes it) against the same content as the static HTML those elements render, in real Chromium.
 *
 * Each sample is a cold load (fresh browser context, no HTTP cache) of one page at 1280×800, the
 * two pages interleaved (elements, static, static, elements, …). Time is `performance.now()` in
 * the page, i.e. milliseconds since navigation start:
 * - elements: at DOMContentLoaded (the bundle, a module script, has run by then), wait until both
 *   elements are defined and every one of the 1,100 has finished its updates (`updateComplete`,
 *   again while any `isUpdatePending`), then the next frame (requestAnimationFrame, then a task:
 *   after that frame's paint): "all upgraded and painted";
 * - static: at DOMContentLoaded, the next frame in the same way: "loaded and painted".
 * The probe is installed before any page script (evaluateOnNewDocument) so no round trip to
 * Node delays it. Value: median(elements) / median(static). Budget ≤ 3×.
 *
 * Images are served normally. Both pages use `loading="lazy"` (the element's default), so only
 * the few in the first viewport load, the same files in both; neither end point waits for image
 * bytes. Two warm-up loads (not counted) fill the server's compression cache first.
 */
import { launchChromium, startServer, withColdPage } from '../lib/browser.js';
import { median, round, summary } from '../lib/stats.js';
import { makeScalePages, PHOTOS, RELATED } from '../pages/make-scale.js';

const BUDGET = 3;

/** Installed before any page script: resolves `window.__benchScale` once the page is upgraded (if it has elements) and painted. */
function probe() {
  window.__benchScale = new Promise((resolve) => {
    document.addEventListener('DOMContentLoaded', async () => {
      const dcl = performance.now();
      const els = [...document.querySelectorAll('news-photo, news-related')];
      if (els.length) {
        await Promise.all([customElements.whenDefined('news-photo'), customElements.whenDefined('news-related')]);
        do await Promise.all(els.map((el) => el.updateComplete));
        while (els.some((el) => el.isUpdatePending));
      }
      const ready = performance.now();
      requestAnimationFrame(() =>
        setTimeout(async () => {
          const painted = performance.now();
          // First contentful paint is reported asynchronously: wait for it (up to 2 s), after the clock stopped.
          const fcpEntry = () => performance.getEntriesByName('first-contentful-paint')[0];
          for (let i = 0; i < 40 && !fcpEntry(); i++) await new Promise((r) => setTimeout(r, 50));
          const fcp = fcpEntry()?.startTime ?? null;
          const nav = performance.getEntriesByType('navigation')[0];
          resolve({
            dcl,
            ready,
            painted,
            fcp,
            responseEnd: nav?.responseEnd ?? null,
            elements: els.length,
            rendered: els.filter((el) => el.shadowRoot && el.shadowRoot.childElementCount > 0).length,
            figures: document.querySelectorAll('figure').length,
          });
        }, 0),
      );
    });
  });
}

async function loadOnce(browser, url) {
  return withColdPage(browser, async (page) => {
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
    });
    await page.evaluateOnNewDocument(probe);
    const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60000 });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    const result = await page.evaluate(() => window.__benchScale);
    return { ...result, errors };
  });
}

/** @param {{ root: string, quick: boolean, log: (msg: string) => void }} ctx */
export async function measure(ctx) {
  const runs = ctx.quick ? 2 : 10;
  const pages = makeScalePages(ctx.root);
  const server = await startServer();
  let browser;
  try {
    browser = await launchChromium();
    const url = { elements: new URL(pages.elements.path, server.url).href, static: new URL(pages.static.path, server.url).href };
    for (const kind of ['elements', 'static']) await loadOnce(browser, url[kind]); // warm-up
    const samples = { elements: [], static: [] };
    for (let i = 0; i < runs; i++) {
      // A,B then B,A: neither page always goes first.
      for (const kind of i % 2 ? ['static', 'elements'] : ['elements', 'static']) {
        const r = await loadOnce(browser, url[kind]);
        if (r.errors.length) throw new Error(`scale ${kind}: ${r.errors.join('; ')}`);
        if (kind === 'elements' && r.rendered !== PHOTOS + RELATED) throw new Error(`scale: only ${r.rendered} of ${PHOTOS + RELATED} elements rendered`);
        if (kind === 'static' && r.figures !== PHOTOS) throw new Error(`scale: static page has ${r.figures} figures`);
        samples[kind].push(r);
        ctx.log(`scale ${kind} ${i + 1}/${runs}: painted ${r.painted.toFixed(0)} ms (DCL ${r.dcl.toFixed(0)}, ready ${r.ready.toFixed(0)}, FCP ${r.fcp?.toFixed(0)})`);
      }
    }
    const pick = (kind, key) => samples[kind].map((r) => r[key]).filter((v) => v != null);
    const el = median(pick('elements', 'painted'));
    const st = median(pick('static', 'painted'));
    const ratio = el / st;
    return [
      {
        id: 'scale',
        figure: 'scale',
        how: `${PHOTOS} <news-photo> + ${RELATED} <news-related> vs. the same static markup: navigation → all upgraded and painted vs. DOMContentLoaded and painted, median of ${runs} cold loads each, interleaved`,
        value: round(ratio, 2),
        unit: '×',
        budget: `≤ ${BUDGET}×`,
        pass: ratio <= BUDGET,
        detail: {
          images: 'served normally; loading="lazy" in both pages, so only first-viewport images load; no end point waits for them',
          pages: { elements: pages.elements, static: pages.static },
          elements: {
            painted: summary(pick('elements', 'painted'), 1),
            ready: summary(pick('elements', 'ready'), 1),
            dcl: summary(pick('elements', 'dcl'), 1),
            fcp: summary(pick('elements', 'fcp'), 1),
            responseEnd: summary(pick('elements', 'responseEnd'), 1),
          },
          static: {
            painted: summary(pick('static', 'painted'), 1),
            dcl: summary(pick('static', 'dcl'), 1),
            fcp: summary(pick('static', 'fcp'), 1),
            responseEnd: summary(pick('static', 'responseEnd'), 1),
          },
          medianMs: { elements: round(el, 1), static: round(st, 1) },
        },
      },
    ];
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}
