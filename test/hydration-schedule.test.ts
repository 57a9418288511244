// When the bundles define the elements (src/internal/hydration.ts): on a page with server-rendered
// markup, after the hydrate support and after the page's first paint, so taking the markup over
// never delays the first paint of the server's HTML; on other pages at once.
import { expect } from '@open-wc/testing';
import { afterFirstPaint, defineWhenReady } from '../src/internal/hydration.js';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Runs `fn` with these Paint Timing entries (a blank test page may have none of its own). */
async function withPaintEntries<T>(entries: PerformanceEntry[], fn: () => Promise<T>): Promise<T> {
  const original = performance.getEntriesByType;
  performance.getEntriesByType = ((type: string) => (type === 'paint' ? entries : original.call(performance, type))) as typeof performance.getEntriesByType;
  try {
    return await fn();
  } finally {
    performance.getEntriesByType = original;
  }
}

/** …as before a page's first paint. */
const withoutPaintEntries = <T>(fn: () => Promise<T>) => withPaintEntries([], fn);

describe('afterFirstPaint', () => {
  it('resolves at once when the first contentful paint is on record', async () => {
    await nextFrame();
    const painted = { name: 'first-contentful-paint', entryType: 'paint', startTime: 1, duration: 0 } as PerformanceEntry;
    await withPaintEntries([painted], async () => {
      let framed = false;
      requestAnimationFrame(() => (framed = true));
      await afterFirstPaint();
      expect(framed).to.equal(false);
    });
  });

  it('before the first contentful paint: waits for it (frames drawn are not enough), a second at most', async () => {
    // This blank test page has no contentful paint: what it waits for never comes, and the time-out ends it.
    expect(performance.getEntriesByType('paint').some((e) => e.name === 'first-contentful-paint'), 'a blank page').to.equal(false);
    await withoutPaintEntries(async () => {
      const started = performance.now();
      let resolved = false;
      const waiting = afterFirstPaint().then(() => (resolved = true));
      await nextFrame();
      await nextFrame();
      expect(resolved, 'still waiting after two frames').to.equal(false);
      await waiting;
      expect(performance.now() - started).to.be.within(900, 3000);
    });
  });

  it('does not wait for frames on a hidden page (it draws none)', async () => {
    const state = Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')!;
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
    try {
      await withoutPaintEntries(async () => {
        let framed = false;
        requestAnimationFrame(() => (framed = true));
        await afterFirstPaint();
        expect(framed).to.equal(false);
      });
    } finally {
      delete (document as { visibilityState?: unknown }).visibilityState;
      expect(Object.getOwnPropertyDescriptor(Document.prototype, 'visibilityState')).to.deep.equal(state);
    }
  });
});

describe('defineWhenReady', () => {
  it('defines at once on a page without server-rendered markup', () => {
    class Plain extends HTMLElement {}
    defineWhenReady([['news-byline', Plain]], () => Promise.reject(new Error('must not load the hydrate support')));
    expect(customElements.get('news-byline')).to.equal(Plain);
  });

  it('with server-rendered markup: loads the hydrate support, then defines after the first paint', async () => {
    const server = document.createElement('news-article');
    server.attachShadow({ mode: 'open' }).innerHTML = '<p>from the server</p>';
    document.body.append(server);
    class Article extends HTMLElement {}
    let supportLoaded = false;
    let defined = false;
    try {
      await withoutPaintEntries(async () => {
        let framed = false;
        defineWhenReady(
          [['news-article', Article]],
          async () => {
            supportLoaded = true;
          },
          () => (defined = true),
        );
        requestAnimationFrame(() => (framed = true));
        for (let i = 0; i < 20 && !supportLoaded; i++) await Promise.resolve();
        expect(supportLoaded, 'the hydrate support was imported').to.equal(true);
        await nextFrame();
        await nextFrame();
        expect(framed).to.equal(true);
        expect(customElements.get('news-article'), 'not defined before the first contentful paint').to.equal(undefined);
        await customElements.whenDefined('news-article');
        expect(defined).to.equal(true);
      });
    } finally {
      server.remove();
    }
  });
});
