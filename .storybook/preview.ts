/// <reference types="vite/client" />
import type { Preview } from '@storybook/web-components-vite';
import { setCustomElementsManifest } from '@storybook/web-components-vite';
import { docOnlyRowsWithoutControls, manifestForDocs } from './manifest.js';

/*
 * Autodocs (attributes, properties, slots, parts, CSS properties, events) come from the
 * custom-elements manifest that `npm run analyze` writes. Every Storybook script runs it first;
 * the glob (instead of a plain JSON import) keeps a fresh checkout from failing `tsc` or the
 * build when the file has not been generated yet: autodocs are then just empty.
 */
const manifests = import.meta.glob<{ default: unknown }>('../custom-elements.json', { eager: true });
const manifest = Object.values(manifests)[0]?.default;
if (manifest) setCustomElementsManifest(manifestForDocs(manifest));
else console.warn('[storybook] custom-elements.json is missing: run `npm run analyze` for autodocs.');

const preview: Preview = {
  parameters: {
    options: { storySort: { order: ['Introduction', 'Foundations', 'Elements'] } },
    controls: { expanded: true },
    docs: { toc: true },
    a11y: {
      // An axe violation fails the story's test (npm run test:stories) instead of only
      // showing in the Accessibility panel.
      test: 'error',
    },
  },
  argTypesEnhancers: [docOnlyRowsWithoutControls],
  tags: ['autodocs'],
};

export default preview;
