// Figure "throughput": how many stories per second the server rendering (renderStory() of
// dist/ssr/index.js: detect the source, sanitize the body with DOMPurify on jsdom, render the
// <news-story> element with @lit-labs/ssr into declarative shadow DOM) produces on one core.
//
// Two sources, each on its own: the demo's WordPress post (demo/data/wp-post-1.json turned into
// the REST answer `/wp-json/wp/v2/posts/1?_embed` with the origin put in, exactly as the demo
// server does it for /demo/embed-ssr.html, with the same options) and our reference story JSON
// (test/fixtures/story/reference.story.json). For each: a warm-up (JIT, module caches), then
// renders one after another (never concurrently) for N seconds (quick 2 s, full 10 s); we report
// stories/s (renders ÷ elapsed time) and the median time of one render.
//
// The measuring runs in a child Node process pinned to one CPU with `taskset -c <cpu>` when taskset
// exists (Node's helper threads — GC, compilation — share that core too: "one core" really means
// one core); else unpinned, and the row says so. This file is also the child's script
// (`node bench/figures/throughput.js --child …`).
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism, loadavg } from 'node:os';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const SELF = fileURLToPath(import.meta.url);
/** The origin the WordPress post is served with (as the demo server would on its default port). */
const ORIGIN = 'http://127.0.0.1:8000';

/** @returns {Promise<Array<{ name: string, label: string, source: unknown, options: object }>>} */
async function loadSources(root) {
  const { wordPressPost } = await import(pathToFileURL(join(root, 'demo/embed-routes.js')).href);
  const wp = await wordPressPost(ORIGIN, true); // ?_embed, no stored comments
  const reference = JSON.parse(await readFile(join(root, 'test/fixtures/story/reference.story.json'), 'utf8'));
  return [
    {
      name: 'wordpress',
      label: 'WordPress post (demo/data/wp-post-1.json, ?_embed)',
      source: wp,
      options: { baseUrl: `${ORIGIN}/wp-json/wp/v2/posts/1?_embed`, comments: true },
    },
    { name: 'reference', label: 'reference story JSON (test/fixtures/story/reference.story.json)', source: reference, options: { comments: true } },
  ];
}

/** The child: renders each source for `seconds`, prints one JSON line with the samples. */
async function child(root, seconds, warmupSeconds) {
  const { renderStory } = await import(pathToFileURL(join(root, 'dist/ssr/index.js')).href);
  const sources = await loadSources(root);
  const results = [];
  for (const { name, label, source, options } of sources) {
    const first = await renderStory(source, options);
    let warm = 1;
    const warmEnd = performance.now() + warmupSeconds * 1000;
    while (performance.now() < warmEnd) {
      await renderStory(source, options);
      warm++;
    }
    const samples = [];
    let length = 0;
    const start = performance.now();
    const end = start + seconds * 1000;
    let now = start;
    while (now < end) {
      const t0 = performance.now();
      const html = await renderStory(source, options);
      now = performance.now();
      samples.push(now - t0);
      length = html.length;
    }
    const elapsed = now - start;
    process.stderr.write(`${name}: ${samples.length} renders in ${(elapsed / 1000).toFixed(2)} s\n`);
    results.push({ name, label, warmupRenders: warm, renders: samples.length, elapsedMs: elapsed, htmlBytes: length, firstHtmlBytes: first.length, samples });
  }
  process.stdout.write(`${JSON.stringify({ results, pid: process.pid, node: process.version })}\n`);
}

/** Runs the child, pinned with taskset when it exists; resolves its parsed output. */
function runChild(root, seconds, warmupSeconds, log) {
  const cpus = availableParallelism();
  const cpu = cpus - 1; // the last core: the least likely to be busy with the OS's interrupts
  const hasTaskset = spawnSync('taskset', ['-c', String(cpu), 'true']).status === 0;
  const args = [SELF, '--child', root, String(seconds), String(warmupSeconds)];
  const [command, argv] = hasTaskset ? ['taskset', ['-c', String(cpu), process.execPath, ...args]] : [process.execPath, args];
  const pinning = hasTaskset
    ? `child process pinned to CPU ${cpu} of ${cpus} with \`taskset -c ${cpu}\` (all of its threads, GC included)`
    : `NOT pinned: taskset not available; child process free to use any of ${cpus} CPUs (its helper threads may run beside it)`;
  log(pinning);
  return new Promise((resolve, reject) => {
    const proc = spawn(command, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    proc.stdout.on('data', (d) => (out += d));
    proc.stderr.on('data', (d) => {
      err += d;
      for (const line of String(d).split('\n').filter(Boolean)) log(line);
    });
    proc.on('error', reject);
    proc.on('close', (code) => {
      if (code !== 0) return reject(new Error(`throughput child exited ${code}: ${err.slice(-2000)}`));
      try {
        resolve({ ...JSON.parse(out.trim().split('\n').pop()), pinning, pinned: hasTaskset, cpu: hasTaskset ? cpu : null, cpus });
      } catch (error) {
        reject(new Error(`throughput child printed no result: ${out.slice(-500)} ${err.slice(-500)}`));
      }
    });
  });
}

/**
 * SSR throughput of renderStory() on one core, per source.
 * @param {{ root: string, quick: boolean, log: (msg: string) => void }} ctx
 */
export async function measure(ctx) {
  const { root, quick, log } = ctx;
  const { median, summary, round } = await import(pathToFileURL(join(root, 'bench/lib/stats.js')).href);
  const seconds = quick ? 2 : 10;
  const warmupSeconds = quick ? 0.5 : 2;
  log(`renderStory() for ${seconds} s per source after ${warmupSeconds} s of warm-up`);
  const out = await runChild(root, seconds, warmupSeconds, log);
  return out.results.map((r) => {
    const perSecond = r.renders / (r.elapsedMs / 1000);
    const med = median(r.samples);
    const stats = summary(r.samples, 3);
    delete stats.samples;
    return {
      id: `throughput.${r.name}`,
      figure: `SSR throughput: ${r.name}`,
      how: `renderStory() of the ${r.label}, sequential, ${seconds} s after warm-up, one core; median ${round(med, 2)} ms/story`,
      value: round(perSecond, 1),
      unit: 'stories/s',
      budget: 'report',
      pass: true,
      detail: {
        storiesPerSecond: round(perSecond, 2),
        medianMsPerStory: round(med, 3),
        msPerStory: stats,
        renders: r.renders,
        warmupRenders: r.warmupRenders,
        elapsedMs: round(r.elapsedMs, 1),
        htmlBytes: r.htmlBytes,
        pinned: out.pinned,
        cpu: out.cpu,
        cpus: out.cpus,
        pinning: out.pinning,
        node: out.node,
        loadAverageAfter: loadavg().map((v) => round(v, 2)),
        // Every sample would be ~10^4 numbers: keep a decimated view of the distribution.
        samplesEvery100th: r.samples.filter((_, i) => i % 100 === 0).map((v) => round(v, 3)),
      },
    };
  });
}

if (process.argv[1] && fileURLToPath(pathToFileURL(process.argv[1])) === SELF && process.argv[2] === '--child') {
  const [, , , root, seconds, warmup] = process.argv;
  child(root, Number(seconds), Number(warmup)).catch((error) => {
    process.stderr.write(`${error?.stack ?? error}\n`);
    process.exit(1);
  });
}
