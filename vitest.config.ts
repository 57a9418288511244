/*
 * Story tests: every story in stories/ runs in real Chromium (Debian's, no download) through
 * @storybook/addon-vitest. A story passes when it renders, its `play` function passes and axe
 * finds no violation (`parameters.a11y.test = 'error'` in .storybook/preview.ts).
 * Run: `npm run test:stories` (= analyze, then `vitest run --project=storybook`).
 */
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { CHROME_ARGS, CHROME_PATH } from './scripts/chromium.js';


export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        plugins: [storybookTest({ configDir: '.storybook' })],
        test: {
          name: 'storybook',
          browser: {
            enabled: true,
            headless: true,
            provider: playwright({
              launchOptions: {
                executablePath: CHROME_PATH,
                args: CHROME_ARGS,
              },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
