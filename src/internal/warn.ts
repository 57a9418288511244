/**
 * One warning per element and per subject: a site builder's console shows what is wrong
 * (`[news-photo] attribute "alt" is missing …`) without being flooded on every re-render.
 */
const warned = new WeakMap<object, Set<string>>();

/**
 * Warns once for `owner` (usually the element) and `key` (usually the attribute name).
 * Never throws: a broken console must not break a lifecycle callback.
 */
export function warnOnce(owner: Element, key: string, message: string): void {
  let keys = warned.get(owner);
  if (!keys) {
    keys = new Set();
    warned.set(owner, keys);
  }
  if (keys.has(key)) return;
  keys.add(key);
  try {
    console.warn(`[${owner.localName}] ${message}`);
  } catch {
    /* a console that throws is not our problem to surface */
  }
}

/** Forgets what `owner` warned about for `key`, so a new, different bad value warns again. */
export function resetWarning(owner: Element, key: string): void {
  warned.get(owner)?.delete(key);
}
