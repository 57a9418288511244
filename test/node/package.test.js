// The package as npm users and site builders get it, checked after `npm run build`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';

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

test('the CDN bundle is one self-contained module: no imports, Lit inside, every tag defined; the sanitizer is its one lazy chunk', () => {
  const bundle = readFileSync('dist/news-elements.js', 'utf8');
  // assert.ok, not doesNotMatch: a failure must not print the whole bundle.
  assert.ok(!/\bimport\s*(?:[\w{}*\s,]+from\s*)?["']/.test(bundle), 'no static imports (one file)');
  const lazy = [...bundle.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]);
  assert.deepEqual(lazy.length, 1, 'one dynamic import');
  assert.equal(lazy[0], './chunks/sanitize.js', 'the sanitizer file');
  const chunk = readFileSync(new URL(`../../dist/${lazy[0]}`, import.meta.url), 'utf8');
  assert.match(chunk, /DOMPurify|dompurify/, 'the chunk holds DOMPurify');
  assert.doesNotMatch(chunk, /\bimport\s*(?:[\w{}*\s,]+from\s*)?["']/, 'the chunk imports nothing');
  assert.doesNotMatch(bundle.replace(/\/\*[\s\S]*?\*\//g, ''), /DOMPurify\.|purify\.sanitize/, 'DOMPurify is not in the bundle itself');
  for (const tag of TAGS) assert.match(bundle, new RegExp(`"${tag}"`), `${tag} is defined`);
  assert.doesNotMatch(bundle, /\beval\(|new Function\(/, 'no eval');
  assert.doesNotMatch(bundle, /Lit is in dev mode/, 'production Lit');
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
