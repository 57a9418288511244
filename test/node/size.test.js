// The size check of `npm test` (after its build): the bundle must not grow past its budget
// unnoticed. The same measurement as `npm run bench` (bench/figures/size.js): every file the
// bundle imports statically, each gzipped on its own, summed. See README, "Performance".
import { test } from 'node:test';
import assert from 'node:assert/strict';

process.env.NEWS_BENCH_NO_BUILD = '1'; // npm test has just built dist/
const { measure, BUNDLE_BUDGET_KB, ELEMENT_CEILINGS_KB } = await import('../../bench/figures/size.js');
const rows = await measure({ root: process.cwd(), quick: true, log: () => {} });
const row = (id) => rows.find((r) => r.id === id);

test(`dist/news-elements.js with its static chunks is at most ${BUNDLE_BUDGET_KB} KB gzip, without the sanitizer`, () => {
  const bundle = row('size.bundle.gzip');
  assert.ok(bundle, 'measured');
  assert.equal(bundle.detail.sanitizerInStaticGraph, false, 'the sanitizer is not loaded with the bundle');
  assert.ok(bundle.value <= BUNDLE_BUDGET_KB, `${bundle.value} KB gzip > ${BUNDLE_BUDGET_KB} KB`);
});

test('every chunk the bundle loads on first use exists', () => {
  const missing = rows.filter((r) => r.budget === 'file exists');
  assert.deepEqual(missing.map((r) => r.detail.error), []);
  for (const label of ['sanitizer', 'news-comment-form', 'news-story', 'hydrate']) {
    assert.ok(rows.some((r) => r.id.startsWith('size.') && r.id.includes(label.split(' ')[0])), `${label} chunk measured`);
  }
});

for (const [tag, ceiling] of Object.entries(ELEMENT_CEILINGS_KB)) {
  test(`dist/bundle/${tag}.js stays at most ${ceiling} KB gzip`, () => {
    const r = row(`size.element.${tag}`);
    assert.ok(r, 'measured');
    assert.ok(r.value <= ceiling, `${r.value} KB gzip > ${ceiling} KB`);
  });
}
