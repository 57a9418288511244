// Builds the self-contained browser bundles with esbuild (Lit inside, minified ESM):
//   dist/news-elements.js        every element: the file a site builder loads from a CDN
//   dist/bundle/<tag>.js         one element with Lit, for pages that need only that one
//   dist/bundle/core.js          the pure logic (news-elements/core: text, dates, credits, related
//                                items, comment transports, story adapters) as one module, for pages
//                                without a build
//   dist/news-elements.css       the optional pre-upgrade page stylesheet, beside the bundle
//   dist/chunks/sanitize.js      the story body's sanitizer (DOMPurify + our allow-list), which
//                                <news-story> imports on first use: the bundles do not carry it
// Each bundle is one file: the sanitizer is built on its own and left external to the others
// (esbuild's code splitting would also move shared helpers into a chunk every page must load).
// Prints / writes the raw, gzip and brotli sizes of each bundle and of the sanitizer chunk
// (dist/sizes.json).
import { build } from 'esbuild';
import { copyFileSync, readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const common = {
  bundle: true,
  format: 'esm',
  minify: true,
  target: 'es2021',
  tsconfig: 'tsconfig.json',
  legalComments: 'eof',
  logLevel: 'warning',
  metafile: true,
  // Lit's "development" export condition is never wanted in a shipped bundle.
  conditions: ['production'],
};

const tags = readdirSync('src/components').filter((name) => existsSync(`src/components/${name}/define.ts`));

// Each one-element bundle starts with Lit's hydrate support (it must run before Lit), as the
// "all" entry (src/index.ts) does: server-rendered markup is taken over, not rendered again.
const entries = resolve('node_modules/.cache/news-elements-entries');
rmSync(entries, { recursive: true, force: true });
mkdirSync(entries, { recursive: true });
for (const tag of tags) {
  writeFileSync(
    `${entries}/${tag}.js`,
    `import ${JSON.stringify(resolve('src/hydrate.ts'))};\nexport * from ${JSON.stringify(resolve(`src/components/${tag}/define.ts`))};\n`,
  );
}

/** Leaves `import('…/sanitize/index.js')` to the one sanitizer file, at `path` from the bundle. */
const externalSanitizer = (path) => ({
  name: 'external-sanitizer',
  setup(b) {
    b.onResolve({ filter: /\/sanitize\/index\.js$/ }, (args) => (args.kind === 'dynamic-import' ? { path, external: true } : undefined));
  },
});

const outputs = [{ entry: 'src/index.ts', outdir: 'dist', out: 'news-elements', name: 'all', sanitizer: './chunks/sanitize.js' }].concat(
  tags.map((tag) => ({ entry: `${entries}/${tag}.js`, outdir: 'dist/bundle', out: tag, name: tag, sanitizer: '../chunks/sanitize.js' })),
  [
    { entry: 'src/core/index.ts', outdir: 'dist/bundle', out: 'core', name: 'core' },
    { entry: 'src/sanitize/index.ts', outdir: 'dist/chunks', out: 'sanitize', name: 'sanitizer' },
  ],
);

rmSync('dist/chunks', { recursive: true, force: true });
rmSync('dist/bundle', { recursive: true, force: true });
mkdirSync('dist/bundle', { recursive: true });
const results = await Promise.all(
  outputs.map(({ entry, outdir, out, sanitizer }) =>
    build({ ...common, entryPoints: [{ in: entry, out }], outdir, plugins: sanitizer ? [externalSanitizer(sanitizer)] : [] }),
  ),
);
copyFileSync('src/styles/news-elements.css', 'dist/news-elements.css');

/** Raw, gzip and brotli size of `file` together with the chunks it imports statically (loaded with it). */
export function sizes(file, metafile) {
  const files = [file];
  for (let i = 0; metafile && i < files.length; i++) {
    for (const dep of metafile.outputs[files[i]]?.imports ?? []) {
      if (dep.kind === 'import-statement' && !files.includes(dep.path)) files.push(dep.path);
    }
  }
  const bytes = Buffer.concat(files.map((f) => readFileSync(f)));
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

const report = {};
outputs.forEach(({ outdir, out, name }, i) => {
  const file = `${outdir}/${out}.js`;
  report[name] = { file, ...sizes(file, results[i].metafile) };
});
writeFileSync('dist/sizes.json', JSON.stringify(report, null, 2));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [name, s] of Object.entries(report)) {
  console.log(`${name.padEnd(18)} ${s.file.padEnd(44)} ${kb(s.raw).padStart(9)} raw ${kb(s.gzip).padStart(8)} gzip ${kb(s.brotli).padStart(8)} brotli`);
}
