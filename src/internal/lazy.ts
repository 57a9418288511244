/**
 * Lazy definitions for the CDN bundle: an element only some pages use (the comment form, the
 * story embed) is fetched when the first of its tags is in the document and within a screen of
 * the viewport (a comment form at the end of a long article loads as the reader nears it, not
 * while the page starts), not with the bundle. `document.createElement(tag)` works before that
 * (the element upgrades once defined), as do `customElements.whenDefined(tag)` and properties set
 * before the upgrade (Lit keeps them). An element without a box (`display: none`, a closed
 * `<details>`) loads once it has one.
 */

/** Tags whose loader has started (shared by every call, so a module is requested once). */
const started = new Set<string>();
const waiting = new Map<string, () => Promise<unknown>>();
let observer: MutationObserver | undefined;
let visibility: IntersectionObserver | undefined;

function load(tag: string): void {
  const loader = waiting.get(tag);
  if (!loader || started.has(tag)) return;
  started.add(tag);
  waiting.delete(tag);
  if (waiting.size === 0) {
    observer?.disconnect();
    observer = undefined;
    visibility?.disconnect();
    visibility = undefined;
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

/** An element of a waiting tag is in the document: load its module when it nears the viewport. */
function found(el: Element): void {
  if (typeof IntersectionObserver === 'undefined') return load(el.localName);
  visibility ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) if (entry.isIntersecting) load(entry.target.localName);
    },
    // A screen above and below: loaded (and upgraded) before the reader gets there.
    { rootMargin: '100% 0px 100% 0px' },
  );
  visibility.observe(el);
}

function scan(root: ParentNode): void {
  for (const tag of waiting.keys()) for (const el of root.querySelectorAll(tag)) found(el);
}

function watch(): void {
  if (observer || typeof MutationObserver === 'undefined') return;
  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType !== 1) continue;
        const el = node as Element;
        if (waiting.has(el.localName)) found(el);
        if (waiting.size && el.firstElementChild) scan(el);
      }
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/**
 * Defines `tag` by running `loader` (a dynamic `import()` of its define module) once a `<tag>` in
 * the document is within a screen of the viewport. `loadNow()` (e.g. from an element that renders
 * `<tag>` in its own shadow root) starts it at once.
 */
export function defineLazily(tag: string, loader: () => Promise<unknown>): void {
  if (typeof customElements === 'undefined' || customElements.get(tag) || started.has(tag)) return;
  waiting.set(tag, loader);
  for (const el of document.querySelectorAll(tag)) found(el);
  watch();
}

/** Starts loading a lazily defined `tag` now (no-op when it is defined or not lazy). */
export function loadNow(tag: string): void {
  load(tag);
}

/** Whether `tag` is waiting to be (or being) defined lazily. */
export function isLazy(tag: string): boolean {
  return waiting.has(tag) || (started.has(tag) && !customElements.get(tag));
}
