/**
 * Duplicate-safe registration. The CDN bundle and an npm copy (or the bundle twice) can land on
 * the same page; `customElements.define` would throw on the second copy, so we define only when
 * the tag is free and warn once per page when another copy got there first.
 */
const registry = Symbol.for('news-elements.define');

interface DefineRegistry {
  warned: Set<string>;
}

function sharedRegistry(): DefineRegistry {
  // Shared through a global symbol so two copies of this module warn once between them.
  const g = globalThis as unknown as Record<symbol, DefineRegistry | undefined>;
  return (g[registry] ??= { warned: new Set() });
}

export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (typeof customElements === 'undefined') return; // SSR or a DOM-less test
  const existing = customElements.get(tag);
  if (!existing) {
    customElements.define(tag, ctor);
    return;
  }
  if (existing === ctor) return;
  const { warned } = sharedRegistry();
  if (warned.has(tag)) return;
  warned.add(tag);
  console.warn(
    `[${tag}] is already defined by another copy of news-elements on this page; ` +
      'keeping the first definition. Load the library once (the CDN bundle or the npm package).',
  );
}
