// When the bundles define the elements (src/internal/hydration.ts): on a page with server-rendered
// markup, after the hydrate support and once the first contentful paint is on screen, so taking the
// markup over never delays the first paint of the server's HTML; on other pages at once.
// (No requestAnimationFrame here: the test runner may run this page in a background tab, which draws
// no frames; the page's visibility is stated by each test.)
import { expect } from '@open-wc/testing';
import { afterFirstPaint } from '../src/internal/first-paint.js';
import { defineWhenReady } from '../src/internal/hydration.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const microtasks = async () => {
  for (let i = 0; i < 10; i++) await Promise.resolve();
};

/**
 * Runs `fn` with these Paint Timing entries (a test page has none of its own, or a real one) and
 * this `document.visibilityState`.
 */
async function withPage<T>(entries: PerformanceEntry[], visibility: DocumentVisibilityState, fn: () => Promise<T>): Promise<T> {
  const original = performance.getEntriesByType;
  performance.getEntriesByType = ((type: string) => (type === 'paint' ? entries : original.call(performance, type))) as typeof performance.getEntriesByType;
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility });
  try {
    return await fn();
  } finally {
    performance.getEntriesByType = original;
    delete (document as { visibilityState?: unknown }).visibilityState;
  }
}

const fcp = { name: 'first-contentful-paint', entryType: 'paint', startTime: 1, duration: 0 } as PerformanceEntry;

/** Whether `promise` settles within a few microtasks (no task, no frame). */
async function settlesAtOnce(promise: Promise<unknown>): Promise<boolean> {
  let settled = false;
  promise.then(() => (settled = true));
  await microtasks();
  return settled;
}

describe('afterFirstPaint', () => {
  it('resolves at once when the first contentful paint is on record', async () => {
    await withPage([fcp], 'visible', async () => {
      expect(await settlesAtOnce(afterFirstPaint())).to.equal(true);
    });
  });

  it('before the first contentful paint: waits for it, a second at most', async () => {
    // No contentful paint will come (the entries are stubbed empty and this page shows nothing new):
    // the time-out ends the wait.
    await withPage([], 'visible', async () => {
      const started = performance.now();
      let resolved = false;
      const waiting = afterFirstPaint().then(() => (resolved = true));
      await sleep(150);
      expect(resolved, 'still waiting after 150 ms').to.equal(false);
      await waiting;
      expect(performance.now() - started).to.be.within(900, 5000);
    });
  });

  it('does not wait on a hidden page (it paints nothing)', async () => {
    await withPage([], 'hidden', async () => {
      expect(await settlesAtOnce(afterFirstPaint())).to.equal(true);
    });
  });
});

describe('defineWhenReady', () => {
  it('defines at once on a page without server-rendered markup; the lazy elements start loading first', () => {
    class Plain extends HTMLElement {}
    let definedWhenThen: boolean | undefined;
    defineWhenReady(
      [['news-byline', Plain]],
      () => Promise.reject(new Error('must not load the hydrate support')),
      () => (definedWhenThen = customElements.get('news-byline') !== undefined),
    );
    expect(customElements.get('news-byline') === Plain).to.equal(true);
    expect(definedWhenThen, 'then runs before the definitions: a lazy file is fetched while they run').to.equal(false);
  });

  it('with server-rendered markup: loads the hydrate support, then defines once the first contentful paint is on screen', async () => {
    // An empty server shadow root: nothing contentful is painted, so no first contentful paint comes
    // and the wait ends by its time-out (a second).
    const server = document.createElement('news-article');
    server.attachShadow({ mode: 'open' });
    document.body.append(server);
    class Article extends HTMLElement {}
    let supportLoaded = false;
    let defined = false;
    try {
      await withPage([], 'visible', async () => {
        defineWhenReady(
          [['news-article', Article]],
          async () => {
            supportLoaded = true;
          },
          () => (defined = customElements.get('news-article') === Article),
        );
        await sleep(150);
        expect(supportLoaded, 'the hydrate support was imported').to.equal(true);
        expect(customElements.get('news-article') === undefined, 'not defined before the first contentful paint').to.equal(true);
        await customElements.whenDefined('news-article');
        expect(customElements.get('news-article') === Article).to.equal(true);
        expect(defined, 'then runs after the definitions (a lazy element needs the hydrate support too)').to.equal(true);
      });
    } finally {
      server.remove();
    }
  });
});
