// The CDN bundle on a page showing server-rendered markup of ours (a declarative shadow root):
// nothing of the bundle beyond its first few lines (src/cdn/gate.ts) runs before the page's first
// contentful paint, or a second at most, so evaluating Lit and the elements does not compete with
// that paint. (Without server markup the bundle runs at once: test/bundle.test.ts.)
// Needs `npm run build:bundle` first (npm test builds before it runs the browsers).
import { expect } from '@open-wc/testing';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const load = (url: string) => import(/* @vite-ignore */ url);

describe('dist/news-elements.js on a page with server-rendered markup', () => {
  it('waits for the first contentful paint (here none comes: a second) before evaluating the rest', async () => {
    // A server-rendered element: an (empty, so nothing contentful is painted) shadow root.
    const server = document.createElement('news-byline');
    server.attachShadow({ mode: 'open' });
    document.body.append(server);
    // No paint on record and a visible page, whatever this test page did before.
    const original = performance.getEntriesByType;
    performance.getEntriesByType = ((type: string) => (type === 'paint' ? [] : original.call(performance, type))) as typeof performance.getEntriesByType;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
    try {
      const started = performance.now();
      let evaluated = false;
      const loading = load('/dist/news-elements.js').then(() => (evaluated = true));
      await sleep(400);
      expect(evaluated, 'the module is still waiting').to.equal(false);
      expect(customElements.get('news-article') === undefined, 'nothing defined').to.equal(true);
      await loading;
      expect(performance.now() - started, 'evaluated after the time-out').to.be.within(900, 6000);
    } finally {
      performance.getEntriesByType = original;
      delete (document as { visibilityState?: unknown }).visibilityState;
      server.remove();
    }
  });
});
