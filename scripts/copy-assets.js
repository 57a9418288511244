// After tsc:
// - writes dist/styles/tokens.css from the one token list (src/styles/token-list.ts, compiled to
//   dist/styles/token-list.js), so the documented CSS file can never drift from the code;
// - minifies the CSS of the compiled css`…` templates in dist/ (as scripts/bundle.js does for the
//   bundles): the package's modules are what bundlers and renderStory() use, and a server-rendered
//   page repeats each element's styles in every shadow root (the reference story: 45 KB of its
//   67 KB of HTML were unminified styles).
import { writeFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { minifyCompiledCssTemplates } from './minify-css.js';

const { tokensCss } = await import('../dist/styles/token-list.js');
mkdirSync('dist/styles', { recursive: true });
writeFileSync('dist/styles/tokens.css', tokensCss());
console.log('wrote dist/styles/tokens.css');

/** tsc's .js files under dist/ (not the bundles, which scripts/bundle.js builds from src/). */
const compiled = readdirSync('dist', { recursive: true, encoding: 'utf8' })
  .map((path) => join('dist', path))
  .filter((path) => path.endsWith('.js') && !/^dist[/\\](bundle|chunks)[/\\]/.test(path) && path !== join('dist', 'news-elements.js'));
let minified = 0;
for (const file of compiled) {
  const source = readFileSync(file, 'utf8');
  if (!/(?<![\w$])css ?`/.test(source)) continue;
  const out = minifyCompiledCssTemplates(source);
  if (out !== source) {
    writeFileSync(file, out);
    minified++;
  }
}
console.log(`minified the css templates of ${minified} files in dist/`);
