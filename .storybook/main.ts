import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { StorybookConfig } from '@storybook/web-components-vite';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Folders served as-is. Stories use `/demo/images/crocus-1200.jpg`; tests and stories share
 * `/test/assets/*`. A folder that does not exist yet is skipped (Storybook refuses a missing one).
 */
const staticDirs = [
  { from: '../demo', to: '/demo' },
  { from: '../test/assets', to: '/test/assets' },
].filter((dir) => existsSync(resolve(root, '.storybook', dir.from)));

const config: StorybookConfig = {
  framework: { name: '@storybook/web-components-vite', options: {} },
  stories: ['../stories/**/*.mdx', '../stories/**/*.stories.ts'],
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  staticDirs,
  core: { disableTelemetry: true, disableWhatsNewNotifications: true },
  async viteFinal(viteConfig) {
    const { mergeConfig } = await import('vite');
    return mergeConfig(viteConfig, {
      // Without this, Storybook's dev server / vitest pre-bundle Lit's directive helpers
      // separately and Lit ends up loaded twice ("Multiple versions of Lit loaded").
      optimizeDeps: { include: ['lit/directive-helpers.js', 'dompurify'] },
      // TS sources are transformed by oxc, which reads tsconfig.json: `experimentalDecorators`
      // (legacy decorators: the only kind oxc lowers) and `useDefineForClassFields: false`
      // (so a class field does not shadow Lit's reactive accessor). Pin the file explicitly.
      tsconfig: resolve(root, 'tsconfig.json'),
    });
  },
};

export default config;
