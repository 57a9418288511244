// Figure "lighthouse": the Lighthouse scores of the demo article (demo/index.html served by the
// demo server, as `npm start` serves it: compressed, under its CSP), in Debian's Chromium.
//
// Lighthouse 12.2.3 from node_modules (the devDependency), its default settings — mobile form
// factor, simulated throttling (Lantern: slow 4G, 4× CPU slowdown), which is what "a Lighthouse
// score" means — and four categories: performance, accessibility, best-practices, SEO.
// Each run launches a fresh Chromium (chrome-launcher: new temporary profile, empty cache), with
// scripts/chromium.js's flags and --headless=new. Full: 5 runs (Lighthouse's own advice against its
// variance), quick: 1, each once the CPU is quiet (waitForQuiet, 30 s at most); the row is the median
// score per category. Every audit that does not score 1 is listed in the row's detail (id, title,
// score, displayValue, weight and the audit's first items) so it can be fixed, and the last
// report is saved whole to bench/.results/lighthouse.json.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const BUDGETS = { performance: 98, accessibility: 100, 'best-practices': 100, seo: 100 };
/** Modes whose score counts (the others are informative, manual or not applicable). */
const SCORED = new Set(['binary', 'numeric', 'metricSavings']);
const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift', 'speed-index', 'interactive', 'max-potential-fid'];

/** Shortens long values of an audit's detail items for the results file. */
function trim(value, depth = 0) {
  if (typeof value === 'string') return value.length > 300 ? `${value.slice(0, 300)}…` : value;
  if (Array.isArray(value)) return value.slice(0, 8).map((v) => trim(v, depth + 1));
  if (value && typeof value === 'object') {
    if (depth > 4) return '…';
    return Object.fromEntries(Object.entries(value).filter(([k]) => k !== 'data' || typeof value[k] !== 'string' || value[k].length < 300).map(([k, v]) => [k, trim(v, depth + 1)]));
  }
  return value;
}

/** The audits of a report that lose points: per category, with their weight and evidence. */
function failingAudits(lhr) {
  const failing = [];
  for (const id of CATEGORIES) {
    const category = lhr.categories[id];
    if (!category) continue;
    for (const ref of category.auditRefs) {
      const audit = lhr.audits[ref.id];
      if (!audit || !SCORED.has(audit.scoreDisplayMode) || audit.score === null || audit.score >= 1) continue;
      failing.push({
        category: id,
        id: ref.id,
        title: audit.title,
        score: audit.score,
        displayValue: audit.displayValue ?? null,
        weight: ref.weight,
        group: ref.group ?? null,
        explanation: audit.explanation ?? null,
        metricSavings: audit.metricSavings ?? null,
        items: trim(audit.details?.items ?? []),
      });
    }
  }
  return failing;
}

/**
 * Audits that could not run (they score nothing, so a category can read 100 without them). With
 * Lighthouse 12.2.3 and a much newer Chromium, the trace engine fails on the screenshot events
 * ("reading 'frame_sequence'"): render-blocking-resources, layout-shifts, the LCP element audits.
 */
function erroredAudits(lhr) {
  return Object.entries(lhr.audits)
    .filter(([, a]) => a.scoreDisplayMode === 'error')
    .map(([id, a]) => ({ id, title: a.title, error: String(a.errorMessage ?? '').slice(0, 300) }));
}

/** The metrics of a report (value, display, score), for the results file. */
function metricsOf(lhr) {
  return Object.fromEntries(METRICS.map((m) => [m, lhr.audits[m] ? { value: lhr.audits[m].numericValue, display: lhr.audits[m].displayValue, score: lhr.audits[m].score } : null]));
}

/** FCP, LCP, TBT of a report, for the log. */
function metricLine(lhr) {
  return ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time'].map((m) => `${m.split('-').map((w) => w[0].toUpperCase()).join('')} ${lhr.audits[m]?.displayValue ?? '?'}`).join(', ');
}

/** One Lighthouse run through the Node API, Chromium launched by chrome-launcher. */
async function runApi(url, chrome) {
  const { default: lighthouse } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const launched = await chromeLauncher.launch({ chromePath: chrome.path, chromeFlags: chrome.flags, logLevel: 'error' });
  try {
    const result = await lighthouse(url, { port: launched.port, output: 'json', logLevel: 'error', onlyCategories: CATEGORIES });
    if (!result?.lhr) throw new Error('Lighthouse returned no report');
    return result.lhr;
  } finally {
    await launched.kill();
  }
}

/** One Lighthouse run through its CLI (when the Node API cannot be imported). */
async function runCli(root, url, chrome) {
  const dir = mkdtempSync(join(tmpdir(), 'news-lh-'));
  const out = join(dir, 'report.json');
  try {
    await new Promise((resolve, reject) => {
      const proc = spawn(
        process.execPath,
        [
          join(root, 'node_modules/lighthouse/cli/index.js'),
          url,
          '--output=json',
          `--output-path=${out}`,
          `--only-categories=${CATEGORIES.join(',')}`,
          `--chrome-path=${chrome.path}`,
          `--chrome-flags=${chrome.flags.join(' ')}`,
          '--quiet',
        ],
        { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
      );
      let err = '';
      proc.stderr.on('data', (d) => (err += d));
      proc.on('error', reject);
      proc.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse CLI exited ${code}: ${err.slice(-2000)}`))));
    });
    return JSON.parse(readFileSync(out, 'utf8'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Lighthouse scores of demo/index.html (median of 5 runs, quick: 1) and the audits that fail.
 * @param {{ root: string, quick: boolean, log: (msg: string) => void }} ctx
 */
export async function measure(ctx) {
  const { root, quick, log } = ctx;
  const { median } = await import(pathToFileURL(join(root, 'bench/lib/stats.js')).href);
  const { waitForQuiet } = await import(pathToFileURL(join(root, 'bench/lib/quiet.js')).href);
  const { startServer } = await import(pathToFileURL(join(root, 'bench/lib/browser.js')).href);
  const { CHROME_PATH, CHROME_ARGS } = await import(pathToFileURL(join(root, 'scripts/chromium.js')).href);
  const chrome = { path: CHROME_PATH, flags: [...CHROME_ARGS, '--headless=new'] };

  let runner = 'node API (import lighthouse / chrome-launcher)';
  let version = null;
  try {
    await import('lighthouse');
    await import('chrome-launcher');
    version = JSON.parse(readFileSync(join(root, 'node_modules/lighthouse/package.json'), 'utf8')).version;
  } catch (error) {
    runner = `CLI (node node_modules/lighthouse/cli/index.js): the Node API did not load: ${error.message}`;
    version = JSON.parse(readFileSync(join(root, 'node_modules/lighthouse/package.json'), 'utf8')).version;
  }
  log(`Lighthouse ${version} via ${runner.split(':')[0]}`);

  const runs = quick ? 1 : 5;
  const server = await startServer();
  const url = `${server.url}demo/index.html`;
  // The static twin of the render ratio (the same article as plain HTML and CSS, no script): what
  // the same server, machine and Lighthouse give a page that cannot be faster. Reported beside the
  // score, run for run (interleaved), so a slow run shows on both.
  const staticUrl = `${server.url}bench/pages/static-article.html`;
  const reports = [];
  const staticReports = [];
  const loads = [];
  /** @type {Array<{ busy: number | null, waitedMs: number }>} */
  const quietness = [];
  /** @type {Array<{ busy: number | null, waitedMs: number }>} */
  const staticQuietness = [];
  try {
    // Chromium asks for brotli, gzip, …: check the server answers the page and its assets that
    // way, so a server error is reported as such, not as Lighthouse's "unable to load the page".
    for (const path of ['demo/index.html', 'dist/news-elements.js', 'demo/demo.css']) {
      for (const encoding of ['gzip, deflate, br, zstd', 'gzip, deflate']) {
        const res = await fetch(`${server.url}${path}`, { headers: { 'accept-encoding': encoding } });
        await res.arrayBuffer().catch(() => {});
        if (!res.ok) throw new Error(`the demo server answers ${res.status} to GET /${path} with Accept-Encoding: ${encoding}`);
      }
    }
    for (let i = 0; i < runs; i++) {
      const quiet = await waitForQuiet();
      quietness.push(quiet);
      const t0 = performance.now();
      const lhr = runner.startsWith('node API') ? await runApi(url, chrome) : await runCli(root, url, chrome);
      if (lhr.runtimeError) throw new Error(`Lighthouse runtime error: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
      loads.push(loadavg().map((v) => Math.round(v * 100) / 100)); // the machine's load after the run (1, 5, 15 min)
      reports.push(lhr);
      const scores = CATEGORIES.map((c) => `${c} ${Math.round((lhr.categories[c]?.score ?? NaN) * 100)}`).join(', ');
      log(`run ${i + 1}/${runs} (${((performance.now() - t0) / 1000).toFixed(1)} s, after ${(quiet.waitedMs / 1000).toFixed(1)} s waiting for a quiet CPU, ${quiet.busy === null ? '?' : Math.round(quiet.busy * 100)}% busy): ${scores}`);
      staticQuietness.push(await waitForQuiet());
      const reference = runner.startsWith('node API') ? await runApi(staticUrl, chrome) : await runCli(root, staticUrl, chrome);
      if (reference.runtimeError) throw new Error(`Lighthouse runtime error on the static twin: ${reference.runtimeError.code} ${reference.runtimeError.message}`);
      staticReports.push(reference);
      log(`  static twin: performance ${Math.round((reference.categories.performance?.score ?? NaN) * 100)} (${metricLine(reference)}) · elements: ${metricLine(lhr)}`);
    }
  } finally {
    await server.stop();
  }

  const last = reports.at(-1);
  mkdirSync(join(root, 'bench/.results'), { recursive: true });
  writeFileSync(join(root, 'bench/.results/lighthouse.json'), JSON.stringify(last, null, 2));

  const perRun = reports.map((lhr, i) => ({
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100)])),
    metrics: metricsOf(lhr),
    failing: failingAudits(lhr).map((a) => `${a.category}:${a.id}`),
    runWarnings: lhr.runWarnings,
    benchmarkIndex: lhr.environment?.benchmarkIndex,
    loadAverage: loads[i],
    cpuBusyBefore: quietness[i],
  }));
  // Lighthouse's CPU benchmark of the host: a spread across runs means other work competed for the CPU.
  const indexes = perRun.map((r) => r.benchmarkIndex).filter(Number.isFinite);
  if (indexes.length > 1 && Math.max(...indexes) > 1.5 * Math.min(...indexes)) {
    log(`warning: the machine was busy (benchmarkIndex ${indexes.join(', ')}; load ${loads.map((l) => l[0]).join(', ')}): performance scores vary with it`);
  }
  const lastFailing = failingAudits(last);
  const errored = erroredAudits(last);
  if (errored.length) log(`${errored.length} audit(s) could not run (not scored): ${errored.map((a) => a.id).join(', ')} — ${errored[0].error.slice(0, 140)}`);
  const settings = last.configSettings ?? {};
  const environment = {
    lighthouseVersion: last.lighthouseVersion,
    runner,
    url: url.replace(/:\d+\//, ':<port>/'),
    formFactor: settings.formFactor,
    throttlingMethod: settings.throttlingMethod,
    throttling: settings.throttling,
    screenEmulation: settings.screenEmulation,
    chrome: { path: chrome.path, flags: chrome.flags, userAgent: last.environment?.hostUserAgent },
    savedReport: 'bench/.results/lighthouse.json (last run)',
  };
  if (lastFailing.length) {
    for (const a of lastFailing) log(`  fails: [${a.category}] ${a.id} (score ${a.score}${a.displayValue ? `, ${a.displayValue}` : ''}): ${a.title}`);
  }
  const staticScores = staticReports.map((lhr) => (lhr.categories.performance?.score == null ? null : Math.round(lhr.categories.performance.score * 100)));
  const staticRow = {
    id: 'lighthouse.performance.static',
    figure: 'Lighthouse performance: static twin',
    how: `the same Lighthouse on bench/pages/static-article.html (the render ratio's plain-HTML twin), run after each run of demo/index.html; median of ${runs}`,
    value: median(staticScores.filter((v) => v != null)),
    unit: 'score',
    budget: 'report',
    pass: true,
    detail: {
      scores: staticScores,
      metrics: staticReports.map(metricsOf),
      cpuBusyBefore: staticQuietness,
      failingAudits: failingAudits(staticReports.at(-1)).filter((a) => a.category === 'performance'),
    },
  };
  const rows = CATEGORIES.map((category) => {
    const scores = perRun.map((r) => r.scores[category]);
    const value = median(scores.filter((s) => s != null));
    return {
      id: `lighthouse.${category}`,
      figure: `Lighthouse ${category}`,
      how: `Lighthouse ${last.lighthouseVersion} on demo/index.html, defaults (mobile, simulated throttling), median of ${runs} run(s)`,
      value,
      unit: 'score',
      budget: `≥ ${BUDGETS[category]}`,
      pass: value >= BUDGETS[category],
      detail: {
        scores,
        failingAudits: lastFailing.filter((a) => a.category === category),
        failingInRuns: perRun.map((r) => r.failing.filter((f) => f.startsWith(`${category}:`))),
        ...(category === 'performance'
          ? {
              metrics: perRun.map((r) => r.metrics),
              benchmarkIndex: perRun.map((r) => r.benchmarkIndex),
              loadAverage: perRun.map((r) => r.loadAverage),
              cpuBusyBefore: perRun.map((r) => r.cpuBusyBefore),
            }
          : {}),
        runWarnings: perRun.map((r) => r.runWarnings),
        erroredAudits: errored,
        environment,
      },
    };
  });
  rows.splice(1, 0, staticRow);
  return rows;
}
