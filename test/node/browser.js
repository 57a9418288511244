// Launches Debian's Chromium through puppeteer-core for end-to-end tests of served pages.
export { launchChromium } from '../../scripts/chromium.js';

/** Records console messages, page errors and CSP violations of a page from its first script on. */
export async function watchPage(page) {
  const log = { console: [], errors: [], csp: [] };
  page.on('console', (msg) => log.console.push({ type: msg.type(), text: msg.text() }));
  page.on('pageerror', (error) => log.errors.push(String(error)));
  await page.exposeFunction('__reportCsp', (text) => log.csp.push(text));
  await page.evaluateOnNewDocument(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      // @ts-ignore — exposed by puppeteer
      window.__reportCsp(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return log;
}
