/**
 * Figure "layout shift": Cumulative Layout Shift of the demo pages while their resources arrive
 * late, in real Chromium.
 *
 * Pages: demo/index.html (the reference article with the elements), demo/embed.html (a partner page
 * whose `<news-story src>` fetches and renders the story in the browser) and demo/embed-ssr.html
 * (the same story rendered on the server, then taken over by the element).
 *
 * Conditions, each on a cold load (fresh browser context, no HTTP cache), at 1280×800 (desktop)
 * and 390×844 (mobile: isMobile, touch, DPR 3), the CPU throttled 4× in both (Lighthouse's mobile
 * profile), which makes the HTML parser yield and paint partial pages as a slow device does:
 * - `slow-images`: every image request is held back 1.5 s (request interception), so the boxes
 *   must be reserved before the bytes arrive;
 * - `slow-scripts`: every /dist/ JavaScript request (the bundle and its lazy chunks) is held back
 *   1 s, so the page shows its pre-upgrade markup first and the upgrade to the elements happens
 *   after the first paint: the transition is measured.
 *
 * `layout-shift` entries are collected by a buffered PerformanceObserver installed before any page
 * script (evaluateOnNewDocument): through the load until the network is idle (no request for
 * 500 ms), then while the page is scrolled to its end by 80 % of a viewport every 300 ms (a reader;
 * lazy images and elements defined near the viewport load on the way; scrolling is not input),
 * until the network is idle again and no shift has happened for 1.5 s more. At the end every
 * news-* element must be defined and a <news-story> must show its story, or the row fails. Entries with `hadRecentInput` are left out (there is no input).
 * Two values per load:
 * - `cls`: Chrome's definition (the largest session window: shifts less than 1 s apart, a window
 *   at most 5 s long), what web-vitals and Lighthouse report;
 * - `total`: the plain sum of every shift.
 * A few loads per condition (ctx.quick: 1); the row's value is the worst `cls` over every
 * viewport, condition and load of the page. Budget: 0.00 once rounded to 2 decimals. The shifting
 * nodes (`entry.sources`, as a selector path through shadow roots) are kept in `detail` so a
 * non-zero value can be fixed.
 */
import { launchChromium, startServer, withColdPage } from '../lib/browser.js';
import { round } from '../lib/stats.js';

const PAGES = [
  { id: 'index', path: 'demo/index.html', label: 'demo/index.html' },
  { id: 'embed', path: 'demo/embed.html', label: 'demo/embed.html (client-rendered <news-story>)' },
  { id: 'embed-ssr', path: 'demo/embed-ssr.html', label: 'demo/embed-ssr.html (server-rendered <news-story>)' },
];

const VIEWPORTS = [
  // CPU 4× slower than this machine's in both (Lighthouse's mobile profile; a busy laptop): the HTML
  // parser then yields and paints partial pages, as on real devices, and those shifts are caught.
  { name: 'desktop', width: 1280, height: 800, cpuThrottling: 4 },
  { name: 'mobile', width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 3, cpuThrottling: 4 },
];

const CONDITIONS = [
  { name: 'slow-images', imageDelay: 1500, scriptDelay: 0 },
  { name: 'slow-scripts', imageDelay: 0, scriptDelay: 1000 },
];

/** Pause at each step while scrolling through the page. */
const SCROLL_PAUSE_MS = 300;
/** Quiet time after the network is idle: no new shift for this long ends the load. */
const QUIET_MS = 1500;
/** Give up waiting for quiet after this long (a page that keeps shifting is reported as it is). */
const MAX_WAIT_MS = 20000;

/**
 * Chrome's CLS: the largest sum of a session window (a shift less than 1 s after the previous one
 * joins its window; a window lasts at most 5 s). Entries with recent input are left out.
 * @param {{ value: number, startTime: number, hadRecentInput: boolean }[]} entries
 */
export function clsOf(entries) {
  let max = 0;
  let sum = 0;
  let first = -Infinity;
  let last = -Infinity;
  let total = 0;
  for (const e of [...entries].sort((a, b) => a.startTime - b.startTime)) {
    if (e.hadRecentInput) continue;
    total += e.value;
    if (e.startTime - last < 1000 && e.startTime - first < 5000) {
      sum += e.value;
    } else {
      sum = e.value;
      first = e.startTime;
    }
    last = e.startTime;
    max = Math.max(max, sum);
  }
  return { cls: max, total };
}

/** Installed before any page script: records every layout shift with its shifting nodes. */
function observeLayoutShifts() {
  /** A CSS-ish path of a node, through shadow roots (`host >>> inner`). */
  const describe = (node) => {
    if (!node) return '(node gone)';
    const parts = [];
    let text = '';
    if (node.nodeType === Node.TEXT_NODE) {
      text = ' (text)';
      node = node.parentNode;
    }
    while (node && node.nodeType === Node.ELEMENT_NODE) {
      let part = node.localName;
      if (node.id) part += `#${node.id}`;
      const classes = [...node.classList].slice(0, 2);
      if (classes.length) part += `.${classes.join('.')}`;
      const slot = node.getAttribute('slot');
      if (slot) part += `[slot=${slot}]`;
      const part_ = node.getAttribute('part');
      if (part_) part += `[part=${part_.split(' ')[0]}]`;
      const parent = node.parentNode;
      if (parent && parent.children && !node.id) {
        const same = [...parent.children].filter((c) => c.localName === node.localName);
        if (same.length > 1) part += `:nth-of-type(${same.indexOf(node) + 1})`;
      }
      parts.unshift(part);
      if (parent instanceof ShadowRoot) {
        parts.unshift('>>>');
        node = parent.host;
      } else {
        node = parent;
      }
      if (node === document.documentElement || node === document.body) break;
    }
    return parts.join(' ') + text;
  };
  const rect = (r) => (r ? [Math.round(r.x), Math.round(r.y), Math.round(r.width), Math.round(r.height)] : null);
  window.__benchShifts = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        window.__benchShifts.push({
          value: e.value,
          startTime: e.startTime,
          hadRecentInput: e.hadRecentInput,
          sources: (e.sources || []).map((s) => ({ node: describe(s.node), from: rect(s.previousRect), to: rect(s.currentRect) })),
        });
      }
    }).observe({ type: 'layout-shift', buffered: true });
  } catch (error) {
    window.__benchShiftError = String(error);
  }
}

/** Checks, at the end of a load, that the page really became what it is meant to be. */
function pageState() {
  const undefinedEls = [...document.querySelectorAll('*')].filter((el) => el.localName.startsWith('news-') && !customElements.get(el.localName));
  const story = document.querySelector('news-story');
  return {
    undefinedElements: undefinedEls.map((el) => el.localName),
    elements: document.querySelectorAll('news-article, news-photo, news-byline, news-related, news-comment-form, news-story').length,
    storyRendered: story ? !!story.shadowRoot?.querySelector('news-article') : null,
    storyBodyParagraphs: story ? story.shadowRoot?.querySelectorAll('news-article > p:not([slot])').length ?? 0 : null,
    scrollHeight: document.documentElement.scrollHeight,
    observerError: window.__benchShiftError ?? null,
  };
}

/** One cold load of `url` under a condition and viewport: its shifts and CLS. */
async function loadOnce(browser, url, viewport, condition) {
  return withColdPage(
    browser,
    async (page) => {
      const { name: _name, cpuThrottling, ...metrics } = viewport;
      if (metrics.isMobile) await page.setViewport(metrics);
      if (cpuThrottling) {
        const cdp = await page.createCDPSession();
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottling });
      }
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(msg.text());
      });
      await page.setRequestInterception(true);
      const delayed = { images: 0, scripts: 0 };
      page.on('request', (request) => {
        if (request.isInterceptResolutionHandled()) return;
        const path = new URL(request.url()).pathname;
        let delay = 0;
        if (condition.imageDelay && request.resourceType() === 'image') {
          delay = condition.imageDelay;
          delayed.images++;
        } else if (condition.scriptDelay && /^\/dist\/.*\.m?js$/.test(path)) {
          delay = condition.scriptDelay;
          delayed.scripts++;
        }
        const go = () => request.continue().catch(() => undefined);
        if (delay) setTimeout(go, delay);
        else go();
      });
      const failed = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${new URL(response.url()).pathname}`);
      });
      page.on('requestfailed', (request) => failed.push(`${request.failure()?.errorText} ${new URL(request.url()).pathname}`));
      await page.evaluateOnNewDocument(observeLayoutShifts);
      const response = await page.goto(url, { waitUntil: 'networkidle0', timeout: 60000 });
      if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
      // Read the page to its end, as a reader scrolls (not input: hadRecentInput stays false), so
      // what loads or upgrades on the way (lazy images, elements defined when near the viewport)
      // is measured too; then back to the top.
      await page.evaluate(async (pause) => {
        for (let y = 0; y < document.documentElement.scrollHeight; y += Math.round(innerHeight * 0.8)) {
          scrollTo(0, y);
          await new Promise((resolve) => setTimeout(resolve, pause));
        }
      }, SCROLL_PAUSE_MS);
      await page.waitForNetworkIdle({ idleTime: 500, timeout: 60000 });
      // Quiet time: no new shift for QUIET_MS.
      const started = Date.now();
      let count = -1;
      let since = Date.now();
      while (Date.now() - started < MAX_WAIT_MS) {
        const now = await page.evaluate(() => window.__benchShifts.length);
        if (now !== count) {
          count = now;
          since = Date.now();
        } else if (Date.now() - since >= QUIET_MS) break;
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      const shifts = await page.evaluate(() => window.__benchShifts);
      const state = await page.evaluate(pageState);
      return { ...clsOf(shifts), shifts, state, errors, delayed, failed };
    },
    viewport,
  );
}

/** @param {{ root: string, quick: boolean, log: (msg: string) => void }} ctx */
export async function measure(ctx) {
  const runs = ctx.quick ? 1 : 3;
  const server = await startServer();
  let browser;
  try {
    browser = await launchChromium();
    /** @type {Record<string, Record<string, any>>} */
    const results = {};
    for (const p of PAGES) results[p.id] = {};
    for (let run = 0; run < runs; run++) {
      for (const viewport of VIEWPORTS) {
        for (const condition of CONDITIONS) {
          // Pages interleaved within a run, so a slow moment of the machine hits each of them.
          for (const p of PAGES) {
            const key = `${viewport.name}/${condition.name}`;
            let r;
            try {
              r = await loadOnce(browser, new URL(p.path, server.url).href, viewport, condition);
            } catch (error) {
              // The browser itself went away (a crash of the headless browser, not of the page):
              // start a new one and measure this load again, once.
              if (browser.connected) throw error;
              ctx.log(`cls ${p.id}: the browser closed (${error instanceof Error ? error.message : error}); relaunching and measuring again`);
              browser = await launchChromium();
              r = await loadOnce(browser, new URL(p.path, server.url).href, viewport, condition);
            }
            const slot = (results[p.id][key] ??= { cls: [], total: [], worst: null, state: null, errors: [] });
            slot.cls.push(r.cls);
            slot.total.push(r.total);
            if (!slot.worst || r.cls > slot.worst.cls) slot.worst = { cls: r.cls, total: r.total, shifts: r.shifts };
            slot.state = r.state;
            slot.delayed = r.delayed;
            slot.failed = [...new Set([...(slot.failed ?? []), ...r.failed])];
            for (const e of r.errors) if (!slot.errors.includes(e)) slot.errors.push(e);
            ctx.log(`cls ${p.id} ${key} run ${run + 1}/${runs}: CLS ${r.cls.toFixed(4)} (sum ${r.total.toFixed(4)}, ${r.shifts.length} shifts)`);
          }
        }
      }
    }
    const rows = PAGES.map((p) => {
      const perCondition = {};
      let worst = 0;
      let worstTotal = 0;
      let healthy = true;
      const problems = [];
      for (const [key, slot] of Object.entries(results[p.id])) {
        const max = Math.max(...slot.cls);
        const maxTotal = Math.max(...slot.total);
        worst = Math.max(worst, max);
        worstTotal = Math.max(worstTotal, maxTotal);
        if (slot.state.undefinedElements.length) problems.push(`${key}: not upgraded: ${slot.state.undefinedElements.join(', ')}`);
        if (slot.state.storyRendered === false) problems.push(`${key}: <news-story> did not render its story`);
        if (!slot.state.elements) problems.push(`${key}: no news-* element on the page`);
        if (slot.failed.length) problems.push(`${key}: failed requests: ${slot.failed.join(', ')}`);
        if (!slot.delayed.images && !slot.delayed.scripts) problems.push(`${key}: no request was delayed`);
        if (slot.state.observerError) problems.push(`${key}: ${slot.state.observerError}`);
        if (problems.length) healthy = false;
        perCondition[key] = {
          cls: round(max, 4),
          total: round(maxTotal, 4),
          samples: slot.cls.map((v) => round(v, 4)),
          totals: slot.total.map((v) => round(v, 4)),
          delayedRequests: slot.delayed,
          state: slot.state,
          errors: slot.errors,
          failedRequests: slot.failed,
          // The shifting nodes of the worst load, so a non-zero value can be fixed.
          shifts:
            slot.worst.cls > 0
              ? slot.worst.shifts.map((s) => ({ t: Math.round(s.startTime), value: round(s.value, 4), sources: s.sources }))
              : [],
        };
      }
      const value = round(worst, 4);
      return {
        id: `cls-${p.id}`,
        figure: `layout shift: ${p.id}`,
        how: `CLS (largest session window) of ${p.label}, images +1.5 s or /dist/ JS +1 s, 1280×800 and 390×844, CPU 4×, worst of ${runs} cold load(s) each`,
        value,
        unit: 'CLS',
        budget: '0.00',
        pass: healthy && round(worst, 2) === 0,
        detail: { cls: value, total: round(worstTotal, 4), runs, problems, conditions: perCondition },
      };
    });
    for (const row of rows) for (const problem of row.detail.problems) ctx.log(`cls ${row.id}: PROBLEM ${problem}`);
    return rows;
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}

