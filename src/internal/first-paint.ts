/**
 * When a page shows its server-rendered markup: what the bundles wait for before work that would
 * compete with the first paint. No imports (no Lit), so src/cdn/gate.ts can run it before the rest
 * of a bundle; src/internal/hydration.ts uses it too.
 */
const TAGS = 'news-article,news-photo,news-byline,news-related,news-comment-form,news-story';

/** Whether an element of ours in the document came with a shadow root from the server. */
export function hasServerMarkup(): boolean {
  if (typeof document === 'undefined') return false;
  for (const el of document.querySelectorAll(TAGS)) if (el.shadowRoot) return true;
  return false;
}

/**
 * Resolves once the page's first contentful paint is on screen: at once when it is on record or the
 * page is hidden (it draws nothing), else when the Paint Timing entry arrives (entries are added once
 * the frame is presented, not when it is drawn), or after a second at most (a page without content,
 * a browser without Paint Timing).
 */
export function afterFirstPaint(): Promise<void> {
  return new Promise((resolve) => {
    let observer: PerformanceObserver | undefined;
    const done = () => {
      observer?.disconnect();
      resolve();
    };
    const painted = (entries: PerformanceEntryList) => entries.some((entry) => entry.name === 'first-contentful-paint');
    try {
      if (document.visibilityState === 'hidden' || painted(performance.getEntriesByType('paint'))) return done();
      observer = new PerformanceObserver((list) => {
        if (painted(list.getEntries())) done();
      });
      observer.observe({ type: 'paint', buffered: true });
    } catch {
      /* no Paint Timing: the time-out below */
    }
    setTimeout(done, 1000);
  });
}
