// Builds the self-contained browser bundles with esbuild (Lit inside, minified ESM):
//   dist/news-elements.js        every element: the file a site builder loads from a CDN
//   dist/bundle/<tag>.js         one element with Lit, for pages that need only that one
//   dist/bundle/core.js          the pure logic (news-elements/core: text, dates, credits, related
//                                items, comment transports) as one module, for pages without a build
//   dist/news-elements.css       the optional pre-upgrade page stylesheet, beside the bundle
// and prints / writes their raw, gzip and brotli sizes (dist/sizes.json).
import { build } from 'esbuild';
import { copyFileSync, readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const common = {
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2021',
  tsconfig: 'tsconfig.json',
  legalComments: 'eof',
  logLevel: 'warning',
  // Lit's "development" export condition is never wanted in a shipped bundle.
  conditions: ['production'],
};

const tags = readdirSync('src/components').filter((name) => existsSync(`src/components/${name}/define.ts`));
const outputs = [{ entry: 'src/index.ts', out: 'dist/news-elements.js', name: 'all' }].concat(
  tags.map((tag) => ({ entry: `src/components/${tag}/define.ts`, out: `dist/bundle/${tag}.js`, name: tag })),
  [{ entry: 'src/core/index.ts', out: 'dist/bundle/core.js', name: 'core' }],
);

mkdirSync('dist/bundle', { recursive: true });
await Promise.all(outputs.map(({ entry, out }) => build({ ...common, entryPoints: [entry], outfile: out })));
copyFileSync('src/styles/news-elements.css', 'dist/news-elements.css');

export function sizes(file) {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const report = Object.fromEntries(outputs.map(({ out, name }) => [name, { file: out, ...sizes(out) }]));
writeFileSync('dist/sizes.json', JSON.stringify(report, null, 2));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [name, s] of Object.entries(report)) {
  console.log(`${name.padEnd(14)} ${s.file.padEnd(30)} ${kb(s.raw).padStart(9)} raw ${kb(s.gzip).padStart(8)} gzip ${kb(s.brotli).padStart(8)} brotli`);
}
