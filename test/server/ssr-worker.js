// Worker thread of test/server/ssr.js: Lit's DOM shim installed on this thread's globals only (the
// test runner's own thread stays clean), the elements bundled from src/ with esbuild (Lit left
// external, as @lit-labs/ssr needs it), then one render per message.
import { rmSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import '@lit-labs/ssr/lib/install-global-dom-shim.js';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
// Inside node_modules so that the bundle's bare `lit` imports resolve to the repository's Lit.
const outfile = `${root}node_modules/.cache/news-elements-ssr/elements-${process.pid}-${Date.now()}.js`;
await build({
  stdin: {
    contents: [
      "import './test/helpers/ssr-elements.ts';",
      // A server renders in one pass: every language's strings up front.
      "import './src/core/messages/all.ts';",
      "export { bodyCss } from './src/components/news-article/news-article.body.styles.ts';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  // package.json's sideEffects lists the published define modules, not these test modules.
  ignoreAnnotations: true,
  tsconfig: `${root}tsconfig.json`,
  outfile,
  logLevel: 'silent',
});
const { bodyCss } = await import(pathToFileURL(outfile).href);
rmSync(outfile, { force: true }); // loaded: nothing reads it again

parentPort.on('message', async ({ id, markup }) => {
  const warnings = [];
  const warn = console.warn;
  console.warn = (...args) => warnings.push(args.map(String).join(' '));
  try {
    const out = await collectResult(render(html`${unsafeStatic(markup)}`));
    parentPort.postMessage({ id, html: out, warnings, bodyCss });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.stack : String(error), warnings });
  } finally {
    console.warn = warn;
  }
});
parentPort.postMessage({ ready: true });
