// `npm run bench`, figure "render ratio": the reference article with the elements
// (demo/index.html, loading /dist/news-elements.js) vs. the same article as static HTML
// (bench/pages/static-article.html: same text, photo files and sizes, byline, related links and
// comment form, plain HTML and CSS, no script), cold loads in real Chromium, interleaved.
//
// This module also exports the cold-load machinery that bench/figures/ssr.js reuses (the paint
// probe, one cold load, the interleaved series), so both figures measure in exactly the same way.
import { loadavg } from 'node:os';
import { launchChromium, startServer, withColdPage } from '../lib/browser.js';
import { median, round, summary } from '../lib/stats.js';
import { waitForQuiet } from '../lib/quiet.js';

/** The elements a page may hold (for the per-tag "defined at" diagnostics; the end condition uses the tags present). */
const KNOWN_TAGS = ['news-article', 'news-photo', 'news-byline', 'news-related', 'news-comment-form', 'news-story'];

/**
 * The probe, injected with `page.evaluateOnNewDocument` before any of the page's own code runs (the
 * page's files are not changed; CDP-injected scripts are not subject to the page's CSP). It
 * computes the same end condition on every page:
 *
 *   parsed   readyState 'interactive': the parser is done (deferred and module scripts run after
 *            it, then DOMContentLoaded; not DOMContentLoaded itself, which also waits for the
 *            page's other scripts, e.g. demo/comments.js).
 *   ready    the later of `parsed` and the moment the last `news-*` element (in the document and,
 *            recursively, in open shadow roots) was defined (`customElements.whenDefined`) and had
 *            finished its update (Lit's `updateComplete`), each element's time recorded as it
 *            happens. On a static page there are none: ready = parsed.
 *            An element the page loads lazily (the CDN bundle defines <news-comment-form> and
 *            <news-story> only when they come near the viewport) is not waited for when, once the
 *            page has loaded and no element has been defined for 300 ms, its tag is still
 *            undefined and it is outside the viewport: it is reported as `deferred`. An undefined
 *            element inside the viewport is always waited for.
 *   painted  the end of the first frame whose requestAnimationFrame callback ran at or after
 *            `ready`: a task posted from that callback (MessageChannel) runs once the frame's
 *            style, layout and paint are done on the main thread. (Frames are logged from `parsed`
 *            on, on every page alike. A double rAF would add up to one vsync of waiting; the paint
 *            timing API has no entry for frames after the first contentful one.)
 *
 * All are `performance.now()`: milliseconds since the navigation started (the HTML request
 * included). It also records the `paint` (first-paint, first-contentful-paint) and
 * `largest-contentful-paint` entries, the time each known tag became defined, CSP violations, and
 * the navigation and resource timings (for the breakdown).
 */
function paintProbe(knownTags, timeoutMs) {
  const state = { paint: {}, lcp: null, defined: {}, violations: [], problems: [] };
  Object.defineProperty(window, '__benchProbe', { value: state });
  const describe = (el) => (el ? `${el.localName}${el.id ? `#${el.id}` : ''}${el.className && typeof el.className === 'string' ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}` : null);
  const observers = [];
  const observe = (type, callback) => {
    const instance = new PerformanceObserver((list) => callback(list.getEntries()));
    instance.observe({ type, buffered: true });
    observers.push({ instance, callback });
  };
  try {
    observe('paint', (entries) => {
      for (const entry of entries) state.paint[entry.name] = entry.startTime;
    });
    observe('largest-contentful-paint', (entries) => {
      for (const entry of entries) state.lcp = { time: entry.startTime, size: entry.size, element: describe(entry.element) ?? (entry.url ? `img ${new URL(entry.url).pathname}` : 'text in a shadow root'), url: entry.url || null };
    });
  } catch (error) {
    state.problems.push(`PerformanceObserver: ${error}`);
  }
  document.addEventListener('securitypolicyviolation', (event) => {
    state.violations.push(`${event.violatedDirective} ${event.blockedURI || ''}`.trim());
  });
  let lastDefinedAt = 0;
  for (const tag of knownTags) customElements.whenDefined(tag).then(() => (state.defined[tag] = lastDefinedAt = performance.now()));

  const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  /** Every frame from `parsed` on: when its rAF callbacks ran, and when its rendering was done. */
  const frames = [];
  let framing = false;
  const nextFrame = () =>
    requestAnimationFrame(() => {
      const raf = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        frames.push({ raf, end: performance.now() });
        if (framing) nextFrame();
      };
      channel.port2.postMessage(null);
    });
  const parsed = new Promise((resolve) => {
    if (document.readyState !== 'loading') resolve(performance.now());
    else document.addEventListener('readystatechange', () => resolve(performance.now()), { once: true });
  });
  const loaded = new Promise((resolve) => {
    if (document.readyState === 'complete') resolve(performance.now());
    else addEventListener('load', () => resolve(performance.now()), { once: true });
  });
  /** Every `news-*` element under `root`, looking into open shadow roots. */
  const collect = (root, out = []) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName.startsWith('news-')) out.push(el);
      if (el.shadowRoot) collect(el.shadowRoot, out);
    }
    return out;
  };
  /** @type {Map<Element, { tag: string, doneAt: number | null }>} */
  const tracked = new Map();
  const track = (root = document) => {
    for (const el of collect(root)) {
      if (tracked.has(el)) continue;
      const record = { tag: el.localName, doneAt: null };
      tracked.set(el, record);
      customElements
        .whenDefined(record.tag)
        .then(() => el.updateComplete)
        .then(
          () => {
            record.doneAt = performance.now();
            // Its render may have created more news-* elements in its shadow root.
            if (el.shadowRoot) rescan.push(el.shadowRoot);
          },
          (error) => {
            record.doneAt = performance.now();
            state.problems.push(`<${record.tag}> update failed: ${error}`);
          },
        );
    }
  };
  const rescan = [];
  const inViewport = (el) => {
    const box = el.getBoundingClientRect();
    return box.bottom > 0 && box.top < innerHeight && box.right > 0 && box.left < innerWidth;
  };

  const run = async () => {
    const interactive = await parsed;
    framing = true;
    nextFrame();
    track();
    await loaded;
    // Settling, without touching the page while it works: wait until every element of a defined
    // tag is done and nothing was defined for 300 ms; only then look (once) for elements of still
    // undefined tags, and where they are (a layout read).
    const deadline = performance.now() + timeoutMs;
    let pending = [];
    let blocking = [];
    for (;;) {
      while (rescan.length) track(rescan.pop());
      pending = [...tracked].filter(([, r]) => r.doneAt === null);
      blocking = pending.filter(([, r]) => customElements.get(r.tag));
      if (!blocking.length && performance.now() - lastDefinedAt >= 300) {
        track();
        pending = [...tracked].filter(([, r]) => r.doneAt === null);
        blocking = pending.filter(([el, r]) => customElements.get(r.tag) || inViewport(el));
        if (!blocking.length) break;
      }
      if (performance.now() > deadline) {
        const tags = [...new Set(blocking.map(([, r]) => r.tag))];
        throw new Error(`not ready ${timeoutMs} ms after load (waiting for: ${tags.join(', ')}${tags.some((t) => !customElements.get(t)) ? '; undefined, in the viewport' : ''})`);
      }
      await sleep(blocking.length && blocking.every(([, r]) => !customElements.get(r.tag)) ? 250 : 50);
    }
    const done = [...tracked.values()].filter((r) => r.doneAt !== null);
    const ready = Math.max(interactive, ...done.map((r) => r.doneAt));
    while (!frames.some((f) => f.raf >= ready)) await sleep(20);
    framing = false;
    const painted = frames.find((f) => f.raf >= ready).end;
    const count = (records) => {
      const tags = {};
      for (const r of records) tags[r.tag] = (tags[r.tag] ?? 0) + 1;
      return tags;
    };
    return { interactive, ready, painted, tags: count(done), deferred: count(pending.map(([, r]) => r)) };
  };
  state.done = run();
  state.done.catch(() => {});
  const flush = () => {
    // Entries the observers have not delivered yet (their callbacks run as idle-priority tasks).
    for (const observer of observers) observer.callback(observer.instance.takeRecords());
    for (const entry of performance.getEntriesByType('paint')) state.paint[entry.name] = entry.startTime;
  };
  const waitFor = async (test, ms) => {
    const end = performance.now() + ms;
    for (flush(); !test() && performance.now() < end; flush()) await sleep(20);
  };
  state.settled = state.done.then(async (result) => {
    const load = await loaded;
    // Paint entries arrive when the frame is presented, some time after it was drawn: wait for
    // FCP and an LCP candidate (both long there by now, as a rule), then flush.
    await waitFor(() => 'first-contentful-paint' in state.paint, 5000);
    await waitFor(() => state.lcp !== null, 2000);
    await sleep(50);
    flush();
    const nav = performance.getEntriesByType('navigation')[0];
    const navigation = nav && {
      responseStart: nav.responseStart,
      responseEnd: nav.responseEnd,
      domInteractive: nav.domInteractive,
      dclStart: nav.domContentLoadedEventStart,
      dclEnd: nav.domContentLoadedEventEnd,
      transferSize: nav.transferSize,
      decodedBodySize: nav.decodedBodySize,
    };
    const resources = performance
      .getEntriesByType('resource')
      .map((r) => ({
        name: new URL(r.name).pathname,
        type: r.initiatorType,
        start: r.startTime,
        end: r.responseEnd,
        transfer: r.transferSize,
        decoded: r.decodedBodySize,
        blocking: r.renderBlockingStatus,
      }));
    return { ...result, load, navigation, resources, paint: state.paint, lcp: state.lcp, defined: state.defined, violations: state.violations, problems: state.problems };
  });
}

/** The probe as the source text evaluateOnNewDocument runs. */
export function probeSource({ knownTags = KNOWN_TAGS, timeoutMs = 10000 } = {}) {
  return `(${paintProbe})(${JSON.stringify(knownTags)}, ${timeoutMs});`;
}

/**
 * One cold load of `url` in a fresh browser context (empty HTTP cache): the probe's timings, and
 * every console error, uncaught exception, failed request or HTTP error the page produced.
 * @returns {Promise<{ url: string, errors: string[], interactive?: number, ready?: number, painted?: number, fcp?: number, lcp?: number, [key: string]: any }>}
 */
export async function coldLoad(browser, url, { timeoutMs = 10000 } = {}) {
  return withColdPage(browser, async (page) => {
    const errors = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}${message.location()?.url ? ` (${message.location().url})` : ''}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    page.on('requestfailed', (request) => errors.push(`requestfailed: ${request.url()} ${request.failure()?.errorText ?? ''}`));
    page.on('response', (response) => {
      if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
    });
    await page.evaluateOnNewDocument(probeSource({ timeoutMs }));
    try {
      await page.goto(url, { waitUntil: 'load', timeout: timeoutMs + 10000 });
    } catch (error) {
      errors.push(`navigation: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
      return { url, errors };
    }
    let result;
    try {
      result = await page.evaluate(() => window.__benchProbe.settled);
    } catch (error) {
      errors.push(`probe: ${error instanceof Error ? error.message.split('\n')[0] : error}`);
      return { url, errors };
    }
    for (const violation of result.violations) errors.push(`CSP violation: ${violation}`);
    for (const problem of result.problems) errors.push(`probe: ${problem}`);
    return {
      url,
      errors,
      ...result,
      fcp: result.paint['first-contentful-paint'],
      firstPaint: result.paint['first-paint'],
      lcpTime: result.lcp?.time,
    };
  });
}

/**
 * Cold loads of every page in `pages` ({ key: url }), interleaved: round i loads each page once,
 * the order rotating every round (A,B then B,A …) so neither page always goes first. One
 * untimed warm-up load of each page comes first (the demo server compresses and caches each file
 * on its first request; no browser cache is kept between loads).
 * @param {import('puppeteer-core').Browser} browser
 * @param {Record<string, string>} pages
 * @param {number} runs
 * @param {(msg: string) => void} log
 * @returns {Promise<Record<string, any[]>>}
 */
export async function interleaved(browser, pages, runs, log, label = 'load') {
  const keys = Object.keys(pages);
  /** @type {Record<string, any[]>} */
  const samples = Object.fromEntries(keys.map((key) => [key, []]));
  /** @type {Record<string, string[]>} */
  const warmupErrors = {};
  for (const key of keys) {
    const warm = await coldLoad(browser, pages[key]);
    if (warm.errors.length) warmupErrors[key] = warm.errors;
    // A page that never gets ready (an element that is never defined, e.g. one loaded only when
    // scrolled into view) would time out on every load: stop at once and say why.
    const stuck = warm.errors.find((e) => e.startsWith('probe: not ready'));
    if (stuck) throw new Error(`${pages[key]}: ${stuck.slice('probe: '.length)}`);
  }
  for (let i = 0; i < runs; i++) {
    const order = keys.map((_, j) => keys[(i + j) % keys.length]);
    for (const key of order) samples[key].push(await coldLoad(browser, pages[key]));
    if ((i + 1) % 5 === 0 || i === runs - 1) log(`  ${label}: ${i + 1}/${runs} rounds`);
  }
  return Object.assign(samples, { warmupErrors });
}

/** The distinct errors of a series of loads (with how many loads had each). */
export function errorsOf(loads, warmup = []) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const load of loads) for (const error of new Set(load.errors)) counts.set(error, (counts.get(error) ?? 0) + 1);
  for (const error of warmup) if (!counts.has(error)) counts.set(`${error} (warm-up load)`, 1);
  return [...counts].map(([error, loadsWithIt]) => ({ error, loads: loadsWithIt }));
}

/** summary() of one timing over the loads that measured it. */
export function stat(loads, pick) {
  const values = loads.map(pick).filter((v) => typeof v === 'number' && Number.isFinite(v));
  return values.length ? summary(values, 1) : null;
}

/** The median over loads of a per-load number (NaN when none). */
const med = (loads, pick) => median(loads.map(pick).filter((v) => typeof v === 'number' && Number.isFinite(v)));

/** Median breakdown of one page's loads (ms since navigation start), for the detail and the log. */
export function breakdown(loads, scriptPattern = /\/dist\/.*\.js$/) {
  const scripts = (load) => (load.resources ?? []).filter((r) => scriptPattern.test(r.name));
  return {
    htmlResponseEnd: round(med(loads, (l) => l.navigation?.responseEnd), 1),
    domInteractive: round(med(loads, (l) => l.navigation?.domInteractive), 1),
    scriptsResponseEnd: round(med(loads, (l) => (scripts(l).length ? Math.max(...scripts(l).map((r) => r.end)) : NaN)), 1),
    scriptTransferKB: round(med(loads, (l) => scripts(l).reduce((sum, r) => sum + r.transfer, 0)) / 1024, 1),
    scriptFiles: med(loads, (l) => scripts(l).length),
    dclStart: round(med(loads, (l) => l.navigation?.dclStart), 1),
    dclEnd: round(med(loads, (l) => l.navigation?.dclEnd), 1),
    defined: Object.fromEntries(
      KNOWN_TAGS.map((tag) => [tag, round(med(loads, (l) => l.defined?.[tag]), 1)]).filter(([, v]) => Number.isFinite(v)),
    ),
    ready: round(med(loads, (l) => l.ready), 1),
    painted: round(med(loads, (l) => l.painted), 1),
    firstPaint: round(med(loads, (l) => l.firstPaint), 1),
    fcp: round(med(loads, (l) => l.fcp), 1),
    lcp: round(med(loads, (l) => l.lcpTime), 1),
    load: round(med(loads, (l) => l.load), 1),
    lcpElement: loads.find((l) => l.lcp)?.lcp?.element ?? null,
    tags: loads.find((l) => l.tags)?.tags ?? {},
    deferred: loads.find((l) => l.deferred)?.deferred ?? {},
  };
}

/** A ratio row's value: a / b rounded to 2 decimals (NaN when either is missing). */
export const ratio = (a, b) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? round(a / b, 2) : NaN);

/**
 * Figure "render ratio" (issue 7): time until all elements are upgraded and painted, the elements
 * page vs. its static twin. Value = median(elements) / median(static) of `painted` (see
 * paintProbe: the end of the first frame after the document is parsed and every news-* element is
 * defined and has finished its update; on the static page, the first frame after the document is
 * parsed: the same end condition, with nothing to wait for). An element the bundle loads lazily
 * and that is still undefined and off-screen once the page has loaded (today the comment form at
 * the end of the article) is not waited for, and is listed in `detail.breakdown.elements.deferred`. ≥ 20 cold loads each (ctx.quick: 3), interleaved,
 * a fresh browser context each, in Debian's Chromium at 1280×800 with no throttling, served by the
 * demo server (compressed, as `npm start` serves them). A console error, uncaught exception,
 * failed request, HTTP error or CSP violation on either page fails the figure. Also reported: the
 * FCP and LCP of both pages (ratios and raw medians) and a median timing breakdown of each.
 * @param {{ root: string, quick: boolean, log: (msg: string) => void }} ctx
 */
export async function measure(ctx) {
  const runs = ctx.quick ? 3 : 20;
  const log = ctx.log ?? (() => {});
  const server = await startServer();
  let browser;
  try {
    browser = await launchChromium();
    const pages = {
      elements: `${server.url}demo/index.html`,
      static: `${server.url}bench/pages/static-article.html`,
    };
    log(`render ratio: ${runs} cold loads each of demo/index.html and bench/pages/static-article.html, interleaved`);
    const quiet = await waitForQuiet();
    const load = { before: loadavg()[0], cpuBusyBefore: quiet };
    const samples = await interleaved(browser, pages, runs, log, 'render');
    load.after = loadavg()[0];
    const elements = samples.elements;
    const plain = samples.static;
    const errors = {
      elements: errorsOf(elements, samples.warmupErrors.elements),
      static: errorsOf(plain, samples.warmupErrors.static),
    };
    const complete = (loads) => loads.filter((l) => Number.isFinite(l.painted));
    const painted = { elements: stat(complete(elements), (l) => l.painted), static: stat(complete(plain), (l) => l.painted) };
    const fcp = { elements: stat(elements, (l) => l.fcp), static: stat(plain, (l) => l.fcp) };
    const lcp = { elements: stat(elements, (l) => l.lcpTime), static: stat(plain, (l) => l.lcpTime) };
    const allMeasured = complete(elements).length === runs && complete(plain).length === runs;
    const clean = errors.elements.length === 0 && errors.static.length === 0;
    const value = ratio(painted.elements?.median, painted.static?.median);
    const fcpRatio = ratio(fcp.elements?.median, fcp.static?.median);
    const lcpRatio = ratio(lcp.elements?.median, lcp.static?.median);
    const detail = {
      runs,
      pages: { elements: 'demo/index.html', static: 'bench/pages/static-article.html' },
      endCondition:
        'the end of the first frame (rAF + posted task) after the later of: parsed (readyState interactive), every news-* element defined and updateComplete; static page: after parsed. Elements still undefined and off-screen once the page has loaded (lazy) are not waited for: see breakdown.elements.deferred',
      paintedMs: painted,
      fcpMs: fcp,
      lcpMs: lcp,
      fcpRatio,
      lcpRatio,
      breakdown: { elements: breakdown(elements), static: breakdown(plain) },
      loadAverage: load,
      errors,
    };
    for (const key of ['elements', 'static']) {
      const b = detail.breakdown[key];
      log(
        `  ${key}: painted ${painted[key]?.median} ms (html ${b.htmlResponseEnd}, scripts done ${b.scriptsResponseEnd}, dcl ${b.dclEnd}, ready ${b.ready}) · FCP ${fcp[key]?.median} · LCP ${lcp[key]?.median} ms`,
      );
      for (const e of errors[key]) log(`  ${key} ERROR (${e.loads} loads): ${e.error}`);
    }
    const row = {
      id: 'render-ratio',
      figure: 'render ratio',
      how: `demo/index.html (elements) vs. bench/pages/static-article.html: median time to all elements upgraded + painted, ${runs} cold loads each, interleaved${Object.keys(detail.breakdown.elements.deferred).length ? ` (lazy, off-screen, not waited for: ${Object.keys(detail.breakdown.elements.deferred).join(', ')})` : ''}`,
      value,
      unit: '×',
      budget: '≤ 1.3×',
      pass: allMeasured && clean && value <= 1.3,
      detail,
    };
    return [
      row,
      {
        id: 'render-fcp-ratio',
        figure: 'render: FCP ratio',
        how: `first-contentful-paint, same loads (elements ${fcp.elements?.median} ms / static ${fcp.static?.median} ms)`,
        value: fcpRatio,
        unit: '×',
        budget: 'report',
        pass: true,
        detail: { fcpMs: fcp },
      },
      {
        id: 'render-lcp-ratio',
        figure: 'render: LCP ratio',
        how: `largest-contentful-paint, same loads (elements ${lcp.elements?.median} ms / static ${lcp.static?.median} ms)`,
        value: lcpRatio,
        unit: '×',
        budget: 'report',
        pass: true,
        detail: { lcpMs: lcp, lcpElement: { elements: detail.breakdown.elements.lcpElement, static: detail.breakdown.static.lcpElement } },
      },
    ];
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
}
