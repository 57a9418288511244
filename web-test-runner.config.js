// Element and pure-logic tests in real browsers: Debian's Chromium and Firefox ESR.
// No test tool downloads a browser here; paths can be overridden with CHROME_PATH / FIREFOX_PATH.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { puppeteerLauncher } from '@web/test-runner-puppeteer';
import { defaultReporter } from '@web/test-runner';
import { countingReporter } from './scripts/wtr-counting-reporter.js';
import { CHROME_ARGS, CHROME_PATH, FIREFOX_PATH } from './scripts/chromium.js';
import { testMiddleware, testPlugins } from './test/server/index.js';


const only = process.env.BROWSERS?.split(',') ?? ['chromium', 'firefox'];
const browsers = [];
if (only.includes('chromium')) {
  browsers.push(
    chromeLauncher({
      launchOptions: {
        executablePath: CHROME_PATH,
        headless: true,
        args: CHROME_ARGS,
      },
    }),
  );
}
if (only.includes('firefox')) {
  browsers.push(
    puppeteerLauncher({
      launchOptions: {
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        headless: true,
      },
    }),
  );
}

export default {
  files: ['test/**/*.test.ts'],
  nodeResolve: true,
  browsers,
  concurrency: 1,
  concurrentBrowsers: 2,
  browserStartTimeout: 60000,
  testsFinishTimeout: 300000,
  testFramework: { config: { timeout: 10000 } },
  middleware: testMiddleware,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' }), ...testPlugins],
  reporters: [defaultReporter(), countingReporter({ outFile: 'test-results/wtr.json' })],
};
