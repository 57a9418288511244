/**
 * Duplicate-safe registration. The CDN bundle and an npm copy (or the bundle twice) can land on
 * the same page; `customElements.define` would throw on the second copy, so we define only when
 * the tag is free and warn once per page when another copy got there first.
 */
const registry = Symbol.for('news-elements.define');

interface DefineRegistry {
  warned: boolean;
}

function sharedRegistry(): DefineRegistry {
  // Shared through a global symbol so two copies of this module warn once between them.
  const g = globalThis as unknown as Record<symbol, DefineRegistry | undefined>;
  return (g[registry] ??= { warned: false });
}

export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return; // SSR or a DOM-less test
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing === ctor) return;
  // One warning per page, not one per tag: the cause (a second copy of the library) is one.
  const shared = sharedRegistry();
  if (shared.warned) return;
  shared.warned = true;
  console.warn(
    `[${tag}] is already defined by another copy of news-elements on this page; ` +
      'keeping the first definitions. Load the library once (the CDN bundle or the npm package).',
  );
}
