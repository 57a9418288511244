#!/usr/bin/env node
// `node bench/explain-render.js [--runs N]`: where the render ratio's time goes (not a figure of
// `npm run bench`, and no budget: it explains one). It loads, interleaved and cold, exactly as the
// "render ratio" figure does (bench/figures/render.js: same probe, same end condition):
//   static      bench/pages/static-article.html, the figure's reference
//   demo        demo/index.html, the figure's elements page
//   lit         the static page with Lit and one trivial element wrapping the article
//   no-form     the demo without its <news-comment-form>
//   no-form, render-blocking   … and `blocking="render"` on the bundle's script: no paint before upgrade
//   no-form, no Intl           … and a stand-in Intl without ICU (bench/pages/explain/no-intl.js)
//   no-form, both              both
// and prints each one's painted time and its ratio to the static page. The variants are written to
// bench/pages/.generated/explain/ (gitignored), derived from demo/index.html at run time.
import { build } from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium, startServer } from './lib/browser.js';
import { breakdown, interleaved, ratio } from './figures/render.js';
import { median, round } from './lib/stats.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'bench/pages/.generated/explain');
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 12;

const BUNDLE = '<script type="module" src="/dist/news-elements.js"></script>';
const FORM = /\s*<news-comment-form\b[^>]*><\/news-comment-form>/;

/** `source` with `from` replaced by `to`; throws when `from` is not there (the demo changed). */
function swap(source, from, to) {
  const next = source.replace(from, to);
  if (next === source) throw new Error(`explain-render: ${from} not found; update bench/explain-render.js to the demo page`);
  return next;
}

mkdirSync(out, { recursive: true });
await build({
  entryPoints: [join(root, 'bench/pages/explain/lit-minimal.js')],
  bundle: true,
  format: 'esm',
  minify: true,
  conditions: ['production'],
  outfile: join(out, 'lit-minimal.js'),
  logLevel: 'warning',
});
const demo = readFileSync(join(root, 'demo/index.html'), 'utf8');
const plain = readFileSync(join(root, 'bench/pages/static-article.html'), 'utf8');
const noForm = swap(demo, FORM, '');
const blocking = (html) => swap(html, BUNDLE, BUNDLE.replace('<script ', '<script blocking="render" '));
const noIntl = (html) => swap(html, /<script [^>]*src="\/dist\/news-elements\.js"><\/script>/, (tag) => `<script src="/bench/pages/explain/no-intl.js"></script>\n    ${tag}`);
let lit = swap(plain, '</head>', '  <script type="module" src="/bench/pages/.generated/explain/lit-minimal.js"></script>\n  </head>');
lit = swap(lit, /<div class="article">([\s\S]*?<\/article>\s*)<\/div>/, '<news-minimal class="article">$1</news-minimal>');
const variants = {
  lit,
  'no-form': noForm,
  'no-form, render-blocking': blocking(noForm),
  'no-form, no Intl': noIntl(noForm),
  'no-form, both': noIntl(blocking(noForm)),
};
const pages = { static: '/bench/pages/static-article.html', demo: '/demo/index.html' };
for (const [name, html] of Object.entries(variants)) {
  const file = `${name.replace(/[^a-z]+/g, '-')}.html`;
  writeFileSync(join(out, file), html);
  pages[name] = `/bench/pages/.generated/explain/${file}`;
}

const server = await startServer();
const browser = await launchChromium();
try {
  console.log(`render ratio, explained: ${runs} cold loads of each page, interleaved (the figure's probe and end condition)`);
  const urls = Object.fromEntries(Object.entries(pages).map(([key, path]) => [key, new URL(path, server.url).href]));
  const samples = await interleaved(browser, urls, runs, (msg) => console.log(msg));
  const painted = (key) => median(samples[key].map((l) => l.painted).filter(Number.isFinite));
  const base = painted('static');
  console.log('| page | painted (ms) | ratio | FCP (ms) | errors |\n|---|---|---|---|---|');
  for (const key of Object.keys(pages)) {
    const errors = [...new Set(samples[key].flatMap((l) => l.errors))];
    console.log(`| ${key} | ${round(painted(key), 1)} | ${ratio(painted(key), base)}× | ${breakdown(samples[key]).fcp} | ${errors.join('; ') || '—'} |`);
  }
} finally {
  await browser.close();
  await server.stop();
}
