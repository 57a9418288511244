/**
 * Lit's hydrate support, loaded only by pages that need it. Server-rendered markup (renderStory()'s
 * declarative shadow DOM) is taken over without rendering it again only if the support patches
 * LitElement before any element is defined; other pages (most) need not download it. The bundles
 * call `defineWhenReady`: when an element of ours in the document already has a (declarative)
 * shadow root, the support is imported first, then the elements are defined; else at once.
 */
import { LitElement } from 'lit';
import { defineElement } from './define.js';
import { afterFirstPaint, hasServerMarkup } from './first-paint.js';

/** Whether Lit's hydrate support already patched LitElement (it adds `defer-hydration`). */
function patched(): boolean {
  return (LitElement.observedAttributes ?? []).includes('defer-hydration');
}

let loading: Promise<void> | undefined;

/** Imports Lit's hydrate support (`@lit-labs/ssr-client/lit-element-hydrate-support.js`). */
export type SupportImporter = () => Promise<unknown>;

/**
 * Imports Lit's hydrate support with `importSupport` and applies it to this copy of Lit, once.
 * (The importer is the caller's, so each bundle decides what the support's chunk holds: the CDN
 * bundle's also imports what the bundle already loaded, to keep the bundle in few files.)
 */
function loadHydrateSupport(importSupport: SupportImporter): Promise<void> {
  loading ??= importSupport().then(() => {
    // The support installs itself from LitElement's module when loaded first; loaded after, it
    // is applied here, before any element is defined.
    const install = (globalThis as { litElementHydrateSupport?: (lit: { LitElement: typeof LitElement }) => void }).litElementHydrateSupport;
    if (!patched()) install?.({ LitElement });
  });
  return loading;
}

/**
 * Defines the elements: after loading the hydrate support when the page holds server-rendered
 * markup of ours (and once the page's first contentful paint is on screen: taking the markup over is a
 * long task, and the server's HTML is there to be seen first. Measured on the reference story, cold
 * loads: without waiting it ran before the first contentful paint in 3 of 10; waiting for one frame
 * to be drawn still in 4 of 16, as the frame is presented later; waiting for the paint entry, 0 of 16),
 * else now, all in one task (defining them a task apart was measured slower to paint: each step
 * re-lays the page out; 2.47× against 2.17× for the render ratio, 20 cold loads each, 2026-11-26).
 * `then` (the bundle starts its lazy elements there) runs after the definitions on a page with
 * server-rendered markup (a lazy element must be defined after the hydrate support too), else
 * first: a lazy element's file is then fetched while the others are defined, not after.
 * Never rejects: without the support the elements render the server's markup again
 * (NewsElement), slower but right.
 */
export function defineWhenReady(
  elements: ReadonlyArray<readonly [string, CustomElementConstructor]>,
  importSupport: SupportImporter,
  then?: () => void,
): void {
  const define = () => {
    for (const [tag, ctor] of elements) {
      try {
        defineElement(tag, ctor);
      } catch (error) {
        console.warn(`[${tag}] could not be defined: ${String(error)}`);
      }
    }
  };
  if (patched() || !hasServerMarkup()) {
    then?.();
    define();
  } else {
    loadHydrateSupport(importSupport)
      .then(afterFirstPaint, afterFirstPaint)
      .then(() => {
        define();
        then?.();
      });
  }
}
