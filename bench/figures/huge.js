/**
 * Figure "huge input": a 2 MB story body through `<news-story>` (sanitize + transform + render)
 * against `innerHTML` of the same, already-safe HTML, in real Chromium.
 *
 * One page (bench/pages/huge-bench.html, served by the demo server under its strict CSP, with the
 * bundle /dist/news-elements.js), 1280×800. The story is test/fixtures/story/reference.story.json
 * with its body replaced by 2 MB of paragraphs with a link and emphasis and a subhead every 500
 * paragraphs (the idea of test/server/story.js's `huge()`).
 *
 * Warm-up first (not timed): a `<news-story>` with the reference story (its normal body) is
 * rendered once, so the lazily imported sanitizer chunk (and any other lazy chunk) is loaded; then
 * one untimed round of each case with the 2 MB body. Then, interleaved, ≥ 5 runs each (quick: 2),
 * a garbage collection (`--js-flags=--expose-gc`) and a painted frame before each:
 * - (a) element: `el.story = { …story, body }` on a new `<news-story>` appended to the page; the
 *   clock stops when the body's last paragraph is in the element's DOM and the next frame has
 *   painted (requestAnimationFrame, then a task). `script`: until the element's last `updated()`
 *   (its own work: model, sanitize, transform, Lit render and insertion of the nodes).
 * - (b) reference: a `div.static-body` (styled like the story's body: column, font, spacing,
 *   links) appended, `div.innerHTML = html` (through a pass-through Trusted Types policy, as the
 *   page's CSP requires) where `html` is the sanitizer's own output for that body
 *   (`sanitizeStoryBodyToHtml`, from the same chunk the element loaded), then the next painted
 *   frame in the same way. `script`: the `innerHTML` assignment (parse and insertion).
 * The two end with the same number of paragraphs and links in the DOM (checked).
 * Value: median(a) / median(b). Budget ≤ 4×.
 *
 * Split (c): the sanitizer's own calls on the same body, timed alone: `sanitizeStoryBody` (DOMPurify
 * parse + filter into a fragment) and `transformStoryBody` (figures and "read also" lines to
 * elements); and one more run of each under the V8 sampling profiler, self time by origin
 * (sanitizer chunk, Lit and the elements, GC, other). style/layout/paint = total − script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, startServer } from '../lib/browser.js';
import { median, round, summary } from '../lib/stats.js';

const BUDGET = 4;
const SIZE = 2 * 1024 * 1024;

/** The reference story with a 2 MB body, as test/server/story.js's huge() builds it. */
export function hugeStory(root) {
  const story = JSON.parse(readFileSync(join(root, 'test/fixtures/story/reference.story.json'), 'utf8'));
  delete story.$schema;
  const paragraph =
    '<p>Paragraph with <a href="https://example.com/a">a link</a>, <em>emphasis</em> and text that goes on for a while so the body is long: lorem ipsum dolor sit amet, consectetur adipiscing elit.</p>\n';
  const parts = [];
  let size = 0;
  for (let i = 0; size < SIZE; i++) {
    const p = i % 500 === 0 ? `<h2>Part ${i / 500 + 1}</h2>\n` : paragraph;
    parts.push(p);
    size += p.length;
  }
  return { small: { ...story }, huge: { ...story, body: parts.join('') } };
}

/** In the page: helpers on `window.__huge` (kept between page.evaluate calls). */
function install() {
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  const task = () => new Promise((resolve) => setTimeout(resolve, 0));
  const policy = trustedTypes.createPolicy('bench-huge', { createHTML: (s) => s });
  const stage = document.getElementById('stage');
  const bodyOf = (el) => el.shadowRoot?.querySelector('news-article');
  const counts = (root) => ({ p: root.querySelectorAll(':scope > p').length, a: root.querySelectorAll(':scope > p a').length, h2: root.querySelectorAll(':scope > h2').length });
  const settle = async () => {
    stage.replaceChildren();
    await frame();
    if (typeof gc === 'function') gc();
    await frame();
  };
  /** Waits until the element's body has `paragraphs` paragraphs; returns when it saw them. */
  const bodyReady = async (el, paragraphs, deadline) => {
    for (;;) {
      const article = bodyOf(el);
      if (article && article.querySelectorAll(':scope > p:not([slot])').length >= paragraphs) return performance.now();
      if (performance.now() > deadline) throw new Error(`news-story body not rendered (${article ? article.querySelectorAll(':scope > p:not([slot])').length : 'no article'} paragraphs)`);
      await (el.updateComplete ?? task());
      await task();
    }
  };
  window.__huge = {
    async element(story, paragraphs) {
      await settle();
      const t0 = performance.now();
      const el = document.createElement('news-story');
      // When the element last committed a render (its `updated()`): the end of its script work,
      // before the browser's style, layout and paint of the result.
      let committed = t0;
      const proto = Object.getPrototypeOf(el);
      el.updated = function (changed) {
        committed = performance.now();
        return proto.updated.call(this, changed);
      };
      el.story = { ...story };
      stage.append(el);
      await task(); // sanitize and render run in microtasks of this task
      await bodyReady(el, paragraphs, t0 + 60000);
      await frame();
      const total = performance.now() - t0;
      const article = bodyOf(el);
      return { total, script: committed - t0, counts: { p: article.querySelectorAll(':scope > p:not([slot])').length, a: article.querySelectorAll(':scope > p:not([slot]) a').length, h2: article.querySelectorAll(':scope > h2:not([slot])').length } };
    },
    async inner(html) {
      await settle();
      const t0 = performance.now();
      const div = document.createElement('div');
      div.className = 'static-body';
      stage.append(div);
      div.innerHTML = policy.createHTML(html);
      const script = performance.now() - t0;
      await task();
      await frame();
      const total = performance.now() - t0;
      return { total, script, counts: counts(div) };
    },
    async split(sanitizerUrl, body, baseUrl) {
      await settle();
      const sanitizer = await import(sanitizerUrl);
      const t0 = performance.now();
      const fragment = sanitizer.sanitizeStoryBody(body, { baseUrl });
      const t1 = performance.now();
      sanitizer.transformStoryBody(fragment);
      const t2 = performance.now();
      return { sanitize: t1 - t0, transform: t2 - t1, nodes: fragment.childNodes.length };
    },
    async sanitizedHtml(sanitizerUrl, body, baseUrl) {
      const sanitizer = await import(sanitizerUrl);
      return sanitizer.sanitizeStoryBodyToHtml(body, { baseUrl });
    },
    /** Renders a small story once: loads the sanitizer (and any lazy chunk) on first use. */
    async warmUp(story) {
      await settle();
      // <news-story> may be defined lazily, when one is added to the page: add it, then wait.
      const el = document.createElement('news-story');
      el.story = { ...story };
      stage.append(el);
      await customElements.whenDefined('news-story');
      await bodyReady(el, 1, performance.now() + 30000);
      await frame();
      return performance
        .getEntriesByType('resource')
        .map((e) => e.name)
        .filter((name) => /\/dist\//.test(name) && /\.m?js$/.test(name));
    },
  };
}

/**
 * Runs `fn` under the V8 sampling profiler and sums self time by where the code comes from: the
 * sanitizer chunk (DOMPurify and our rules, with the DOM parsing and node work it calls), the other
 * /dist/ scripts (Lit and the elements), the garbage collector, native time outside any script
 * (`(program)`: the browser's style, layout and paint), idle, and the rest (the bench's own code). Proportions hold even when the
 * machine is busy; wall-clock milliseconds do not.
 */
async function profiled(page, sanitizerUrl, fn) {
  const cdp = await page.createCDPSession();
  try {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const result = await fn();
    const { profile } = await cdp.send('Profiler.stop');
    const group = new Map();
    for (const node of profile.nodes) {
      const { url, functionName } = node.callFrame;
      group.set(
        node.id,
        url === sanitizerUrl ? 'sanitizer' : /\/dist\//.test(url) ? 'litAndElements' : functionName === '(garbage collector)' ? 'gc' : functionName === '(idle)' ? 'idle' : functionName === '(program)' ? 'native' : 'other',
      );
    }
    const ms = { sanitizer: 0, litAndElements: 0, gc: 0, native: 0, other: 0, idle: 0 };
    profile.samples.forEach((id, i) => {
      ms[group.get(id)] += (profile.timeDeltas[i] ?? 0) / 1000;
    });
    for (const key of Object.keys(ms)) ms[key] = round(ms[key], 1);
    return { result, ms };
  } finally {
    await cdp.send('Profiler.disable').catch(() => undefined);
    await cdp.detach().catch(() => undefined);
  }
}

/** @param {{ root: string, quick: boolean, log: (msg: string) => void }} ctx */
export async function measure(ctx) {
  const runs = ctx.quick ? 2 : 5;
  const { small, huge } = hugeStory(ctx.root);
  const server = await startServer();
  let browser;
  try {
    browser = await launchChromium(['--js-flags=--expose-gc']);
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    const errors = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    const response = await page.goto(new URL('bench/pages/huge-bench.html', server.url).href, { waitUntil: 'load' });
    if (!response?.ok()) throw new Error(`huge-bench.html answered ${response?.status()}`);
    await page.evaluate(install);
    const scripts = await page.evaluate((s) => window.__huge.warmUp(s), small);
    const sanitizerUrl = scripts.find((name) => /sanitiz/i.test(name.split('/').pop()));
    if (!sanitizerUrl) throw new Error(`huge: no sanitizer chunk among the loaded scripts (${scripts.join(', ')})`);
    ctx.log(`huge: warmed up; sanitizer chunk ${new URL(sanitizerUrl).pathname}; scripts loaded: ${scripts.length}`);

    // Keep the 2 MB strings in the page: one transfer, not one per run.
    await page.evaluate((story) => {
      window.__hugeStory = story;
    }, huge);
    const html = await page.evaluate((url) => window.__huge.sanitizedHtml(url, window.__hugeStory.body, window.__hugeStory.url).then((h) => ((window.__hugeHtml = h), h.length)), sanitizerUrl);
    const paragraphs = (huge.body.match(/<p>/g) ?? []).length;
    ctx.log(`huge: body ${(huge.body.length / 1024 / 1024).toFixed(2)} MB, ${paragraphs} paragraphs; sanitized HTML ${(html / 1024 / 1024).toFixed(2)} MB`);

    const runElement = () => page.evaluate((n) => window.__huge.element(window.__hugeStory, n), paragraphs);
    const runInner = () => page.evaluate(() => window.__huge.inner(window.__hugeHtml));
    const runSplit = () => page.evaluate((url) => window.__huge.split(url, window.__hugeStory.body, window.__hugeStory.url), sanitizerUrl);

    // Untimed round of each with the 2 MB input (JIT, first allocation of the big heap).
    await runElement();
    await runInner();

    const a = [];
    const b = [];
    const c = [];
    for (let i = 0; i < runs; i++) {
      for (const which of i % 2 ? ['b', 'a'] : ['a', 'b']) {
        if (which === 'a') {
          const r = await runElement();
          a.push(r);
          ctx.log(`huge element ${i + 1}/${runs}: ${r.total.toFixed(0)} ms (script ${r.script.toFixed(0)} ms)`);
        } else {
          const r = await runInner();
          b.push(r);
          ctx.log(`huge innerHTML ${i + 1}/${runs}: ${r.total.toFixed(0)} ms (innerHTML ${r.script.toFixed(0)} ms)`);
        }
      }
      const s = await runSplit();
      c.push(s);
      ctx.log(`huge split ${i + 1}/${runs}: sanitize ${s.sanitize.toFixed(0)} ms, transform ${s.transform.toFixed(0)} ms`);
    }
    // Where the element's time goes: one more run of each under the sampling profiler (not in the figure).
    const profA = await profiled(page, sanitizerUrl, runElement);
    const profB = await profiled(page, sanitizerUrl, runInner);
    ctx.log(`huge profile element: ${JSON.stringify(profA.ms)} of ${profA.result.total.toFixed(0)} ms; innerHTML: ${JSON.stringify(profB.ms)} of ${profB.result.total.toFixed(0)} ms`);

    // Same content on both sides.
    const ca = a[0].counts;
    const cb = b[0].counts;
    if (ca.p !== cb.p || ca.a !== cb.a || ca.h2 !== cb.h2) throw new Error(`huge: the two DOMs differ: element ${JSON.stringify(ca)}, innerHTML ${JSON.stringify(cb)}`);
    if (errors.length) throw new Error(`huge: page errors: ${errors.join('; ')}`);

    const med = (list, key) => median(list.map((r) => r[key]));
    const ta = med(a, 'total');
    const tb = med(b, 'total');
    const sanitize = med(c, 'sanitize');
    const transform = med(c, 'transform');
    const scriptA = med(a, 'script');
    const scriptB = med(b, 'script');
    const ratio = ta / tb;
    return [
      {
        id: 'huge',
        figure: 'huge input',
        how: `2 MB story body: <news-story>.story (sanitize + transform + render) vs. innerHTML of the sanitized HTML, until in the DOM and painted; median of ${runs} runs each, interleaved, sanitizer warmed up`,
        value: round(ratio, 2),
        unit: '×',
        budget: `≤ ${BUDGET}×`,
        pass: ratio <= BUDGET,
        detail: {
          bodyBytes: huge.body.length,
          sanitizedBytes: html,
          paragraphs,
          domCounts: ca,
          sanitizerChunk: new URL(sanitizerUrl).pathname,
          medianMs: { element: round(ta, 1), innerHTML: round(tb, 1) },
          element: { total: summary(a.map((r) => r.total), 1), script: summary(a.map((r) => r.script), 1) },
          innerHTML: { total: summary(b.map((r) => r.total), 1), script: summary(b.map((r) => r.script), 1) },
          split: {
            // (a): script = until the element's last update (model, sanitize, transform, Lit render, insertion); the rest is style, layout, paint.
            elementScript: round(scriptA, 1),
            elementStyleLayoutPaint: round(ta - scriptA, 1),
            // (b): script = the innerHTML assignment (parse and insertion); the rest is style, layout, paint.
            innerHTMLScript: round(scriptB, 1),
            innerHTMLStyleLayoutPaint: round(tb - scriptB, 1),
            // The sanitizer's calls alone on the same body (wall clock, interleaved with the runs above).
            sanitize: summary(c.map((r) => r.sanitize), 1),
            transform: summary(c.map((r) => r.transform), 1),
            // Sampling profile of one more run of each: self time by origin (ms).
            profileElement: { totalMs: round(profA.result.total, 1), scriptMs: round(profA.result.script, 1), ...profA.ms },
            profileInnerHTML: { totalMs: round(profB.result.total, 1), scriptMs: round(profB.result.script, 1), ...profB.ms },
          },
        },
      },
    ];
  } finally {
    await browser?.close().catch(() => undefined);
    await server.stop();
  }
}
