// Debian's Chromium for the benchmark, launched as every test tool here launches it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDemoServer } from '../../demo/server.js';

/** A headless Chromium (Debian's, with the flags every tool here uses); close it with `browser.close()`. */
export { launchChromium } from '../../scripts/chromium.js';

/**
 * Runs `fn(page)` in a fresh incognito-like context (empty HTTP cache, no service worker): one
 * cold load. The context is closed afterwards, whatever happens.
 */
export async function withColdPage(browser, fn, { width = 1280, height = 800 } = {}) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width, height });
    await page.setCacheEnabled(false);
    return await fn(page);
  } finally {
    await context.close();
  }
}

/**
 * The demo server (what `npm start` serves: /demo/, /dist/, /bench/, …) on a free port, with its
 * comment database in a temporary folder. Call `stop()` when done.
 */
export async function startServer(options = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'news-bench-'));
  const { server, url } = await startDemoServer({ port: 0, dataDir, floodSeconds: 0, ...options });
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        server.close(() => {
          rmSync(dataDir, { recursive: true, force: true });
          resolve();
        });
        server.closeAllConnections?.();
      }),
  };
}
