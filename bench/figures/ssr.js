// `npm run bench`, figure "SSR render ratio": the server-rendered story vs. the same story as static
// HTML, in the same partner page, first contentful paint, cold loads in real Chromium, interleaved.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import zlib, { brotliCompressSync, gzipSync } from 'node:zlib';
import { launchChromium } from '../lib/browser.js';
import { round } from '../lib/stats.js';
import { waitForQuiet } from '../lib/quiet.js';
import { breakdown, errorsOf, interleaved, ratio, stat } from './render.js';
import { makeSsrPages } from '../pages/make-ssr-pages.js';

/** Where the generated pages are served (any path the demo server does not own). */
const PAGE_PATHS = {
  ssr: '/bench-ssr/ssr-story.html',
  static: '/bench-ssr/ssr-static.html',
  ssrHostile: '/bench-ssr/ssr-story-hostile.html',
  staticHostile: '/bench-ssr/ssr-static-hostile.html',
};

/**
 * The demo server (demo/server.js: /demo/, /dist/, /bench/, the REST routes) with the generated
 * pages in front of it, on one origin. Why not the demo's static handler: it serves every HTML
 * file under the site CSP (`style-src 'self'`, no hashes), which would block the server-rendered
 * story's <style> blocks; and not the demo's own /demo/embed-ssr.html route: it runs renderStory()
 * on every request (tens of ms of server time in the measured load, see `serverRenderMs`), which
 * the SSR throughput figure measures on its own. So both pages are rendered once, kept in memory,
 * and sent with the headers embed-routes.js sends for embed-ssr.html (its partnerCsp, with the
 * style hashes for the SSR page) and compressed as the demo's static handler compresses HTML.
 * Every other request goes to the demo server's own request handler, in process.
 */
export async function startPagesServer(root) {
  const { createDemoServer } = await import(pathToFileURL(join(root, 'demo/server.js')).href);
  const dataDir = mkdtempSync(join(tmpdir(), 'news-bench-ssr-'));
  const demo = createDemoServer({ dataDir, floodSeconds: 0 });
  /** @type {Map<string, { csp: string, raw: Buffer, br: Buffer, gzip: Buffer }>} */
  const pages = new Map();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const page = pages.get(path);
    if (!page) {
      demo.emit('request', req, res);
      return;
    }
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const encoding = /\bbr\b/.test(accepted) ? 'br' : /\bgzip\b/.test(accepted) ? 'gzip' : null;
    const body = encoding ? page[encoding] : page.raw;
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': body.length,
      'cache-control': 'no-cache',
      'x-content-type-options': 'nosniff',
      'content-security-policy': page.csp,
      ...(encoding ? { 'content-encoding': encoding, vary: 'accept-encoding' } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    origin: `http://127.0.0.1:${port}`,
    /** @param {string} path @param {{ html: string, csp: string }} page */
    add(path, { html, csp }) {
      const raw = Buffer.from(html, 'utf8');
      pages.set(path, {
        csp,
        raw,
        br: brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }),
        gzip: gzipSync(raw, { level: 9 }),
      });
    },
    stop: () =>
      new Promise((resolve) => {
        server.close(() => {
          demo.close(() => {
            rmSync(dataDir, { recursive: true, force: true });
            resolve();
          });
        });
        server.closeAllConnections?.();
      }),
  };
}

/**
 * Figure "SSR render ratio" (issue 7): first contentful paint of the partner page holding the
 * server-rendered story vs. the same partner page holding the same story as static HTML.
 *
 * The pair (bench/pages/make-ssr-pages.js): demo/embed-ssr.html's partner shell, both times;
 * in one, the renderStory() output of the demo's WordPress post (declarative shadow DOM, <style>
 * blocks allowed by hash, and the elements' module script kept, as the demo page ships it); in the
 * other, the same post as plain HTML (WordPress's content.rendered plus the header, photo, byline
 * and comment form as plain elements, one stylesheet with the elements' look, no script). The value
 * is measured without the partner's hostile.css (as /demo/embed-ssr.html?css=off): plain HTML has
 * no defence against it, so with it the static twin would not render the same story (hostile.css
 * shrinks its photo to 40 px, sets its paragraphs in two columns…) and the two paints would not be
 * of the same content; the pair with hostile.css is measured too and reported.
 *
 * FCP is the browser's first-contentful-paint entry. 40 cold loads of each page (ctx.quick: 3): single
 * loads spread over ±30 ms, so the median of 20 moved the ratio by about 0.04 from run to run (1.02,
 * 1.03 and 1.12 for one build), as much as the budget's margin. Started once the CPUs are quiet;
 * the four pages interleaved (order rotating each round), a fresh browser context each, Debian's
 * Chromium at 1280×800, no throttling. Value = median FCP (SSR) / median FCP (static); budget
 * ≤ 1.05×. LCP and the "all elements upgraded and painted" time of bench/figures/render.js are
 * reported as well. A console error, uncaught exception, failed request, HTTP error or CSP
 * violation on either page fails the figure.
 * @param {{ root: string, quick: boolean, log: (msg: string) => void }} ctx
 */
export async function measure(ctx) {
  const runs = ctx.quick ? 3 : 40;
  const log = ctx.log ?? (() => {});
  const server = await startPagesServer(ctx.root);
  let browser;
  try {
    const generated = await makeSsrPages({ root: ctx.root, origin: server.origin });
    for (const [key, path] of Object.entries(PAGE_PATHS)) server.add(path, generated.pages[key]);
    browser = await launchChromium();
    const urls = Object.fromEntries(Object.entries(PAGE_PATHS).map(([key, path]) => [key, `${server.origin}${path}`]));
    log(`SSR render ratio: ${runs} cold loads each of the SSR story and its static twin, with and without hostile.css, interleaved`);
    const quiet = await waitForQuiet();
    const load = { before: loadavg()[0], cpuBusyBefore: quiet };
    const samples = await interleaved(browser, urls, runs, log, 'ssr');
    load.after = loadavg()[0];

    const keys = /** @type {const} */ (['ssr', 'static', 'ssrHostile', 'staticHostile']);
    const fcp = Object.fromEntries(keys.map((key) => [key, stat(samples[key], (l) => l.fcp)]));
    const lcp = Object.fromEntries(keys.map((key) => [key, stat(samples[key], (l) => l.lcpTime)]));
    const painted = Object.fromEntries(keys.map((key) => [key, stat(samples[key], (l) => l.painted)]));
    const errors = Object.fromEntries(keys.map((key) => [key, errorsOf(samples[key], samples.warmupErrors[key])]));
    const value = ratio(fcp.ssr?.median, fcp.static?.median);
    const hostileValue = ratio(fcp.ssrHostile?.median, fcp.staticHostile?.median);
    const lcpRatio = ratio(lcp.ssr?.median, lcp.static?.median);
    const complete = keys.every((key) => samples[key].filter((l) => Number.isFinite(l.fcp)).length === runs);
    const clean = keys.every((key) => errors[key].length === 0);
    const serverRender = round(generated.serverRenderMs.slice(1).sort((a, b) => a - b)[1], 1);
    for (const key of keys) {
      const b = breakdown(samples[key]);
      log(`  ${key}: FCP ${fcp[key]?.median} · LCP ${lcp[key]?.median} · painted ${painted[key]?.median} ms (html ${b.htmlResponseEnd}, parsed ${b.domInteractive})`);
      for (const e of errors[key]) log(`  ${key} ERROR (${e.loads} loads): ${e.error}`);
    }
    const detail = {
      runs,
      pages: {
        ssr: 'demo/embed-ssr.html shell without hostile.css + renderStory(demo/data/wp-post-1.json), pre-rendered (bench/pages/.generated/ssr-story.html)',
        static: 'the same shell + the same story as plain HTML and bench/pages/ssr-static.css (bench/pages/.generated/ssr-static.html)',
        hostile: 'both again with demo/hostile.css (ssr-story-hostile.html, ssr-static-hostile.html)',
      },
      htmlBytes: generated.sizes,
      serverRenderMs: serverRender,
      fcpMs: fcp,
      lcpMs: lcp,
      lcpRatio,
      hostileFcpRatio: hostileValue,
      paintedMs: painted,
      breakdown: Object.fromEntries(keys.map((key) => [key, breakdown(samples[key])])),
      loadAverage: load,
      errors,
    };
    return [
      {
        id: 'ssr-render-ratio',
        figure: 'SSR render ratio',
        how: `partner page with the server-rendered story vs. the same page with the story as static HTML: median FCP, ${runs} cold loads each, interleaved (without hostile.css; with it: ${hostileValue}×)`,
        value,
        unit: '×',
        budget: '≤ 1.05×',
        pass: complete && clean && value <= 1.05,
        detail,
      },
      {
        id: 'ssr-lcp-ratio',
        figure: 'SSR: LCP ratio',
        how: `largest-contentful-paint, same loads (SSR ${lcp.ssr?.median} ms / static ${lcp.static?.median} ms)`,
        value: lcpRatio,
        unit: '×',
        budget: 'report',
        pass: true,
        detail: { lcpMs: lcp, lcpElement: { ssr: detail.breakdown.ssr.lcpElement, static: detail.breakdown.static.lcpElement } },
      },
    ];
  } finally {
    await browser?.close().catch(() => {});
    await server.stop();
  }
}
