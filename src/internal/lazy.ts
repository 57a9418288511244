/**
 * Lazy definitions for the CDN bundle: an element only some pages use (the comment form, the
 * story embed) is fetched the first time one of its tags is in the document, not with the bundle.
 * `document.createElement(tag)` works before that (the element upgrades once defined), as do
 * `customElements.whenDefined(tag)` and properties set before the upgrade (Lit keeps them).
 */

/** Tags whose loader has started (shared by every call, so a module is requested once). */
const started = new Set<string>();
const waiting = new Map<string, () => Promise<unknown>>();
let observer: MutationObserver | undefined;

function load(tag: string): void {
  const loader = waiting.get(tag);
  if (!loader || started.has(tag)) return;
  started.add(tag);
  waiting.delete(tag);
  if (waiting.size === 0) {
    observer?.disconnect();
    observer = undefined;
  }
  loader().catch((error: unknown) => {
    started.delete(tag); // a later element may try again
    waiting.set(tag, loader);
    watch();
    try {
      console.warn(`[${tag}] its module could not be loaded (${String(error)}); the element stays undefined until a new <${tag}> is added.`);
    } catch {
      /* a console that throws must not break the page */
    }
  });
}

function scan(root: ParentNode): void {
  for (const tag of [...waiting.keys()]) if (root.querySelector(tag)) load(tag);
}

function watch(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const el = node as Element;
        if (waiting.has(el.localName)) load(el.localName);
        if (waiting.size && el.firstElementChild) scan(el);
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Defines `tag` by running `loader` (a dynamic `import()` of its define module) once the first
 * `<tag>` is in the document: now if one already is, else when one is added. `loadNow()` (e.g.
 * from an element that renders `<tag>` in its shadow root) starts it at once.
 */
export function defineLazily(tag: string, loader: () => Promise<unknown>): void {
  if (typeof customElements === 'undefined' || customElements.get(tag) || started.has(tag)) return;
  waiting.set(tag, loader);
  if (document.querySelector(tag)) load(tag);
  else watch();
}

/** Starts loading a lazily defined `tag` now (no-op when it is defined or not lazy). */
export function loadNow(tag: string): void {
  load(tag);
}

/** Whether `tag` is waiting to be (or being) defined lazily. */
export function isLazy(tag: string): boolean {
  return waiting.has(tag) || (started.has(tag) && !customElements.get(tag));
}
