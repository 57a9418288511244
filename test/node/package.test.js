// The package as npm users and site builders get it, checked after `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const TAGS = ['news-article', 'news-photo', 'news-byline', 'news-related', 'news-comment-form', 'news-story'];

test('package.json has the shape npm users and tools expect', () => {
  assert.equal(pkg.name, 'news-elements');
  assert.equal(pkg.type, 'module');
  assert.equal(pkg.customElements, 'custom-elements.json');
  for (const sub of ['.', './article', './photo', './byline', './related', './comment-form']) assert.ok(pkg.exports[sub], `exports has ${sub}`);
});

test('every exports target exists, with its .d.ts', () => {
  for (const [sub, target] of Object.entries(pkg.exports)) {
    const files = typeof target === 'string' ? [target] : Object.values(target);
    for (const file of files) assert.ok(existsSync(file), `${sub} → ${file} exists`);
    if (typeof target !== 'string') assert.match(target.types, /\.d\.ts$/, `${sub} has types`);
  }
});

test('sideEffects names exactly the modules that define elements', () => {
  const defines = TAGS.map((tag) => `./dist/components/${tag}/define.js`);
  for (const file of defines) assert.ok(existsSync(file), file);
  const patterns = pkg.sideEffects.map((p) => new RegExp(`^${p.replace(/[.]/g, '\\.').replace(/\*/g, '[^/]+')}$`));
  for (const file of [...defines, './dist/index.js', './dist/news-elements.js']) {
    assert.ok(patterns.some((re) => re.test(file)), `${file} is declared as a side effect`);
  }
  // The element classes themselves must be side-effect free (tree-shakable, importable without defining).
  for (const tag of TAGS) {
    const file = `./dist/components/${tag}/${tag}.js`;
    assert.ok(!patterns.some((re) => re.test(file)), `${file} is not a side effect`);
    assert.doesNotMatch(readFileSync(file, 'utf8'), /customElements\.define|defineElement\(/, `${file} does not define itself`);
  }
});

/** A built file and the files it imports statically (relative paths only), recursively. */
function staticClosure(file) {
  const files = [file];
  for (let i = 0; i < files.length; i++) {
    const text = readFileSync(files[i], 'utf8');
    for (const m of text.matchAll(/\bimport\s*(?:[\w{}*$\s,]+from\s*)?["']([^"']+)["']/g)) {
      assert.match(m[1], /^\.\.?\//, `${files[i]} imports only relative chunks (${m[1]})`);
      const dep = join(dirname(files[i]), m[1]);
      if (!files.includes(dep)) files.push(dep);
    }
  }
  return files;
}

/** The dynamic imports of a set of files, resolved. */
function lazyImports(files) {
  return files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => join(dirname(f), m[1])));
}

test('the CDN bundle: Lit and four elements load with it; the form, the story, the sanitizer and hydrate support are fetched on first use', () => {
  const loaded = staticClosure('dist/news-elements.js');
  const code = loaded.map((f) => readFileSync(f, 'utf8')).join('\n');
  // assert.ok, not match: a failure must not print the whole bundle.
  for (const tag of ['news-article', 'news-photo', 'news-byline', 'news-related']) assert.ok(code.includes(`"${tag}"`), `${tag} is defined by the bundle`);
  assert.ok(/customElements|define/.test(code) && /LitElement|lit-html|\$lit\$/.test(code), 'Lit inside');
  assert.ok(!/DOMPurify\.|purify\.sanitize/.test(code.replace(/\/\*[\s\S]*?\*\//g, '')), 'DOMPurify is not loaded with the bundle');
  assert.ok(!code.includes('hydrate-internals-'), "Lit's hydrate support is not loaded with the bundle");
  assert.ok(!/\beval\(|new Function\(/.test(code), 'no eval');
  assert.ok(!code.includes('Lit is in dev mode'), 'production Lit');
  // What is fetched on first use, from the chunks beside the bundle.
  const lazy = [...new Set(lazyImports(loaded))];
  const lazyCode = (pattern) => lazy.some((f) => staticClosure(f).some((g) => pattern.test(readFileSync(g, 'utf8'))));
  assert.ok(lazy.every((f) => f.startsWith('dist/chunks/all/') && existsSync(f)), 'lazy chunks live in dist/chunks/all/');
  assert.ok(lazyCode(/"news-comment-form"/), 'the comment form is a lazy chunk');
  assert.ok(lazyCode(/"news-story"/), 'the story is a lazy chunk');
  assert.ok(lazyCode(/hydrate-internals-/), 'the hydrate support is a lazy chunk');
  const all = readdirSync('dist/chunks/all').map((f) => `dist/chunks/all/${f}`);
  assert.ok(all.some((f) => /DOMPurify|dompurify/.test(readFileSync(f, 'utf8'))), 'the sanitizer is a chunk of the bundle');
  const sizes = JSON.parse(readFileSync('dist/sizes.json', 'utf8'));
  assert.deepEqual(Object.keys(sizes.all.lazy).sort(), [
    'hydrate support',
    'news-comment-form',
    'news-story',
    'sanitizer',
    'translations: base',
    'translations: comment-form',
    'translations: related',
    'translations: story',
  ]);
});

test('the CDN bundle is few requests: two files up front (entry and shared chunk; no runtime helper chunk), and each lazy element or hydrate support is one more file', () => {
  // Each file is a request and a compile: a chain of small chunks cost the first paint (bench/README.md).
  const sizes = JSON.parse(readFileSync('dist/sizes.json', 'utf8'));
  assert.ok(sizes.all.files.length <= 2, `the bundle loads ${sizes.all.files.length} files: ${sizes.all.files.join(', ')}`);
  for (const name of ['news-comment-form', 'news-story', 'hydrate support']) {
    assert.deepEqual(sizes.all.lazy[name].files.length, 1, `${name}: ${sizes.all.lazy[name].files.join(', ')}`);
  }
  // The one-element bundles alike.
  for (const [name, bundle] of Object.entries(sizes)) {
    if (name === 'all' || name === 'core') continue;
    assert.ok(bundle.files.length <= 2, `${name} loads ${bundle.files.length} files: ${bundle.files.join(', ')}`);
    assert.deepEqual(bundle.lazy['hydrate support'].files.length, 1, `${name}'s hydrate support: ${bundle.lazy['hydrate support'].files.join(', ')}`);
  }
});

test('dist/bundle/core.js is the pure logic alone: self-contained, no Lit, no element defined', async () => {
  const core = readFileSync('dist/bundle/core.js', 'utf8');
  assert.doesNotMatch(core, /\bimport\s*(?:[\w{}*\s,]+from\s*)?["'][^./]/, 'no bare import specifiers');
  assert.doesNotMatch(core, /customElements|LitElement|lit-html/, 'no elements, no Lit');
  const { htmlToText, parseCredits } = await import(new URL('../../dist/bundle/core.js', import.meta.url));
  assert.equal(htmlToText('<p>Caf&#233; &amp; <em>bar</em></p>'), 'Café & bar');
  assert.equal(parseCredits('[{"name":"A"}]').credits.length, 1);
});

test('each element entry and the all entry ship type declarations', () => {
  for (const tag of TAGS) {
    const dts = readFileSync(`dist/components/${tag}/define.d.ts`, 'utf8');
    assert.match(dts, /export \{ News\w+ \}/, `${tag} define.d.ts exports its class`);
    const cls = readFileSync(`dist/components/${tag}/${tag}.d.ts`, 'utf8');
    assert.match(cls, new RegExp(`'${tag}': News\\w+`), `${tag} is in HTMLElementTagNameMap`);
  }
});

test('tokens.css is generated from the token list', async () => {
  const css = readFileSync('dist/styles/tokens.css', 'utf8');
  const { TOKENS } = await import('../../dist/styles/token-list.js');
  assert.ok(TOKENS.length > 10);
  for (const token of TOKENS) assert.ok(css.includes(`${token.name}: ${token.value};`), token.name);
});

test('news-elements/core runs in Node and offers the comment transports and the related-item adapters', async () => {
  const core = await import('../../dist/core/index.js');
  for (const name of ['createTransport', 'validateDraft', 'DraftStore', 'parseRestAnswer', 'normalizeItems', 'htmlToText']) {
    assert.equal(typeof core[name], 'function', name);
  }
  const transport = core.createTransport('json', async () => new Response('{"comment":{"id":3,"status":"hold","content":"Hi"}}', { status: 201 }));
  const request = { action: '/c', postId: '1', parent: '', draft: { content: 'Hi', name: 'A', email: 'a@b.cd', url: '' }, extra: {}, formAgeMs: 5000, remember: false };
  const result = await transport.send(request, { signal: new AbortController().signal, timeoutMs: 1000 });
  assert.equal(result.ok && result.comment.id, 3);
});

test('every element bundle evaluates src/cdn/gate.ts first: the files it loads up front that import no other start with it', () => {
  const sizes = JSON.parse(readFileSync('dist/sizes.json', 'utf8'));
  for (const [name, bundle] of Object.entries(sizes)) {
    if (name === 'core') continue;
    const leaves = staticClosure(bundle.file).filter((f) => staticClosure(f).length === 1);
    assert.ok(leaves.length > 0, `${name}: a file evaluated first`);
    for (const file of leaves) {
      const text = readFileSync(file, 'utf8');
      assert.ok(text.startsWith('await(async()=>{'), `${name}: ${file} starts with the gate`);
      assert.ok(text.slice(0, 1500).includes('first-contentful-paint'), `${name}: ${file}'s gate waits for the first contentful paint`);
    }
  }
  assert.ok(!readFileSync('dist/bundle/core.js', 'utf8').startsWith('await'), 'the core bundle (no elements) does not wait');
});
