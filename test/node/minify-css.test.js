// scripts/minify-css.js: the CSS of Lit's css`…` templates, minified at bundle time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minifyCompiledCssTemplates, minifyCssTemplatesIn, minifyCssText } from '../../scripts/minify-css.js';

test('comments, white space around { } ; , and after :, and the last ; go', () => {
  assert.equal(minifyCssText(`\n  :host {\n    display: block; /* why */\n    margin: 0 auto;\n  }\n  a , b > c { color : red ; }\n`), ' :host{display:block;margin:0 auto}a,b > c{color :red}');
});

test('quoted strings are kept as they are', () => {
  assert.equal(minifyCssText(`q::before { content: ' ;  { } /* x */ '; }`), "q::before{content:' ;  { } /* x */ '}");
  assert.equal(minifyCssText(`a { font-family: "Noto  Sans", serif; }`), 'a{font-family:"Noto  Sans",serif}');
});

test('descendant selectors with pseudo-classes keep their space', () => {
  assert.equal(minifyCssText(':host :is(h1, h2) ::slotted(p) {}'), ':host :is(h1,h2) ::slotted(p){}');
});

test('only css`…` templates change, interpolations are copied as they are', () => {
  const source = 'const a = css`\n  :host { color: ${unsafeCSS(`x  y`)}; }\n`;\nconst b = html`<p>  keep  </p>`;\nconst c = mycss`a  b`;';
  assert.equal(minifyCssTemplatesIn(source), 'const a = css`:host{color:${unsafeCSS(`x  y`)}}`;\nconst b = html`<p>  keep  </p>`;\nconst c = mycss`a  b`;');
});

test('escapes in the template stay', () => {
  assert.equal(minifyCssTemplatesIn('css`q::before { content: "\\\\201C"; }`'), 'css`q::before{content:"\\\\201C"}`');
});

test("tsc's output (css `…`, with a space) is minified too", () => {
  assert.equal(minifyCompiledCssTemplates('export const s = css `\n  a { color: red; }\n`;'), 'export const s = css`a{color:red}`;');
  assert.equal(minifyCompiledCssTemplates('const mycss `a  b`'), 'const mycss `a  b`');
});
