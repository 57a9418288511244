// What the test/wordpress/*.test.js files share: the real WordPress site, started before a file's
// tests and stopped after them. Not a test file: `node --test test/wordpress/` (npm run
// test:wordpress) runs only the files named like tests (*.test.js), and imports this one.
import { before, after } from 'node:test';
import { startWordPress } from '../../scripts/wordpress/site.js';

/**
 * The running site (`url`, `posts`, `getComment`, `setFlood`, …), set by the `before` hook of
 * useWordPress(). A live binding: importers see it once the hook has run. Every test file runs in
 * its own process, so each has its own site.
 */
export let site;

/**
 * Starts a real WordPress before this file's tests and stops it after them.
 * @param {{ stories?: boolean }} [options] passed to startWordPress (stories: the <news-story> posts)
 */
export function useWordPress(options = {}) {
  before(async () => {
    site = await startWordPress({ ...options, log: (line) => console.log(line) });
  });

  after(async () => {
    await site?.stop();
  });
}
