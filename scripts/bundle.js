// Builds the browser bundles with esbuild (Lit inside, minified ESM, code splitting for what is
// loaded on first use only):
//   dist/news-elements.js      the CDN bundle (src/bundle.ts): article, photo, byline and related
//                              list with Lit; the comment form, the story embed, the story body's
//                              sanitizer and Lit's hydrate support are chunks in dist/chunks/all/,
//                              fetched the first time a page needs them
//   dist/bundle/<tag>.js       one element with Lit, for pages that need only that one; its lazy
//                              chunks (sanitizer, hydrate support) in dist/chunks/<tag>/
//   dist/bundle/core.js        the pure logic (news-elements/core) as one module, for pages
//                              without a build
//   dist/news-elements.css     the optional pre-upgrade page stylesheet, beside the bundle
// Each build is its own module graph (two builds never share a chunk): a page loads one bundle.
// The CSS in Lit's css`` templates is minified (esbuild minifies the JavaScript around it only).
// A module with Lit's decorators is compiled on its own first (sources() says why).
// Every element bundle starts with src/cdn/gate.ts (see there).
// Writes dist/sizes.json: per bundle, the gzip and brotli size of what loads with it (the entry
// and the chunks it imports statically, each file compressed on its own, as a server sends
// them) and of each lazy chunk.
import { build, transform } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { copyFileSync, readFileSync, writeFileSync, mkdirSync, readdirSync, existsSync, rmSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { minifyCssTemplatesIn } from './minify-css.js';

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

/**
 * Our TypeScript sources: the CSS of their css`` templates minified (scripts/minify-css.js), and a
 * module using Lit's decorators compiled by itself first, with the project's tsconfig, so esbuild's
 * small decorator helper is part of that module. Compiled by the bundler instead, the helper is a
 * "runtime" chunk of its own (216 bytes) that every file of a bundle imports: one more request
 * up front in every bundle, and its own gzip overhead.
 */
function sources() {
  const tsconfigRaw = readFileSync('tsconfig.json', 'utf8');
  return {
    name: 'news-elements-sources',
    setup(b) {
      b.onLoad({ filter: /\/src\/.*\.ts$/ }, async (args) => {
        let source = await readFile(args.path, 'utf8');
        if (source.includes('css`')) source = minifyCssTemplatesIn(source);
        if (!source.includes("from 'lit/decorators.js'")) return { contents: source, loader: 'ts' };
        const { code } = await transform(source, { loader: 'ts', target: common.target, tsconfigRaw, sourcefile: args.path });
        return { contents: code, loader: 'js' };
      });
    },
  };
}

const toPascal = (tag) => tag.replace(/(^|-)(\w)/g, (_, __, c) => c.toUpperCase());
const tags = readdirSync('src/components').filter((name) => existsSync(`src/components/${name}/define.ts`));
/** What each one-element bundle defines: the element, and the elements it renders. */
const definedWith = { 'news-story': ['news-article', 'news-photo', 'news-byline', 'news-related', 'news-story'] };

// One-element entries: the classes, defined once Lit's hydrate support is in (only on pages with
// server-rendered markup: src/internal/hydration.ts).
const entries = resolve('node_modules/.cache/news-elements-entries');
rmSync(entries, { recursive: true, force: true });
mkdirSync(entries, { recursive: true });
for (const tag of tags) {
  const defined = definedWith[tag] ?? [tag];
  const lines = defined.map((t) => `import { ${toPascal(t)} } from ${JSON.stringify(resolve(`src/components/${t}/${t}.ts`))};`);
  lines.push(`import { defineWhenReady } from ${JSON.stringify(resolve('src/internal/hydration.ts'))};`);
  lines.push(`export { ${toPascal(tag)} };`);
  lines.push(
    `defineWhenReady([${defined.map((t) => `[${JSON.stringify(t)}, ${toPascal(t)}]`).join(', ')}], () => import('@lit-labs/ssr-client/lit-element-hydrate-support.js'));`,
  );
  writeFileSync(`${entries}/${tag}.js`, `${lines.join('\n')}\n`);
}

const outputs = [{ entry: 'src/bundle.ts', out: 'news-elements', name: 'all', chunks: 'all' }].concat(
  tags.map((tag) => ({ entry: `${entries}/${tag}.js`, out: `bundle/${tag}`, name: tag, chunks: tag })),
  [{ entry: 'src/core/index.ts', out: 'bundle/core', name: 'core' }],
);

rmSync('dist/chunks', { recursive: true, force: true });
rmSync('dist/bundle', { recursive: true, force: true });
mkdirSync('dist/bundle', { recursive: true });
const results = await Promise.all(
  outputs.map(({ entry, out, chunks }) =>
    build({
      ...common,
      entryPoints: [{ in: entry, out }],
      outdir: 'dist',
      splitting: !!chunks,
      chunkNames: chunks ? `chunks/${chunks}/[name]-[hash]` : undefined,
      plugins: [sources()],
    }),
  ),
);
copyFileSync('src/styles/news-elements.css', 'dist/news-elements.css');

// src/cdn/gate.ts, bundled on its own, first in every element bundle: at the top of each file the
// browser evaluates first (those of the entry's static closure that import no other file), in an
// async function awaited at the top level, so its names do not meet the file's own.
const gateCode = (
  await build({
    ...common,
    entryPoints: ['src/cdn/gate.ts'],
    write: false,
    supported: { 'top-level-await': true },
    legalComments: 'none',
  })
).outputFiles[0].text.trim();
if (/^\s*(import|export)\b/m.test(gateCode)) throw new Error('src/cdn/gate.ts must bundle to plain statements');
const gate = `await(async()=>{${gateCode}})();`;
outputs.forEach(({ out, name }, i) => {
  if (name === 'core') return;
  const metafile = results[i].metafile;
  for (const file of staticClosure(`dist/${out}.js`, metafile)) {
    if (metafile.outputs[file].imports.some((dep) => dep.kind === 'import-statement' && !dep.external)) continue;
    writeFileSync(file, `${gate}\n${readFileSync(file, 'utf8')}`);
  }
});

const compress = (file) => {
  const bytes = readFileSync(file);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

/** `file` and the chunks it imports statically (they load with it), recursively. */
export function staticClosure(file, metafile) {
  const files = [file];
  for (let i = 0; i < files.length; i++) {
    for (const dep of metafile.outputs[files[i]]?.imports ?? []) {
      if (dep.kind === 'import-statement' && !dep.external && !files.includes(dep.path)) files.push(dep.path);
    }
  }
  return files;
}

/** Sum of the files' sizes, each compressed on its own. */
export function sizes(files) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) {
    const s = compress(f);
    total.raw += s.raw;
    total.gzip += s.gzip;
    total.brotli += s.brotli;
  }
  return total;
}

/** What a lazy chunk holds, named after the module it was split for (its entry point). */
function lazyName(entryPoint) {
  if (/ssr-client|hydrate-support/.test(entryPoint)) return 'hydrate support';
  if (/sanitize\//.test(entryPoint)) return 'sanitizer';
  const i18n = entryPoint.match(/messages\/([\w-]+)\.i18n\./)?.[1];
  if (i18n) return `translations: ${i18n}`;
  const tag = entryPoint.match(/components\/(news-[\w-]+)\//)?.[1] ?? entryPoint.match(/cdn\/lazy-(news-[\w-]+)\./)?.[1];
  return tag ?? relative('.', entryPoint);
}

const report = {};
outputs.forEach(({ out, name }, i) => {
  const metafile = results[i].metafile;
  const file = `dist/${out}.js`;
  const loaded = staticClosure(file, metafile);
  const lazy = {};
  for (const [path, output] of Object.entries(metafile.outputs)) {
    if (path.endsWith('.map') || loaded.includes(path) || !output.entryPoint || path === file) continue;
    const closure = staticClosure(path, metafile).filter((f) => !loaded.includes(f));
    lazy[lazyName(output.entryPoint)] = { files: closure, ...sizes(closure) };
  }
  report[name] = { file, files: loaded, ...sizes(loaded), lazy };
});
writeFileSync('dist/sizes.json', JSON.stringify(report, null, 2));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
for (const [name, s] of Object.entries(report)) {
  console.log(`${name.padEnd(18)} ${s.file.padEnd(30)} ${kb(s.raw).padStart(9)} raw ${kb(s.gzip).padStart(8)} gzip ${kb(s.brotli).padStart(8)} brotli  (${s.files.length} file${s.files.length > 1 ? 's' : ''})`);
  for (const [lazyName_, l] of Object.entries(s.lazy)) {
    console.log(`${''.padEnd(18)}   + on first use: ${lazyName_.padEnd(18)} ${kb(l.gzip).padStart(8)} gzip`);
  }
}
