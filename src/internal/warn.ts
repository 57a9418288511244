/**
 * One warning per element and per subject: a site builder's console shows what is wrong
 * (`[news-photo] attribute "alt" is missing …`) without being flooded on every re-render.
 * The same message for the same subject never repeats; a different one (a new bad value) does.
 */
const warned = new WeakMap<object, Map<string, string>>();

/**
 * Warns for `owner` (usually the element) about `key` (usually the attribute name), unless the
 * last warning for that key said the same. Never throws: a broken console must not break a
 * lifecycle callback.
 */
export function warnOnce(owner: Element, key: string, message: string): void {
  let last = warned.get(owner);
  if (!last) {
    last = new Map();
    warned.set(owner, last);
  }
  if (last.get(key) === message) return;
  last.set(key, message);
  try {
    console.warn(`[${owner.localName}] ${message}`);
  } catch {
    /* a console that throws is not our problem to surface */
  }
}

/** Forgets what `owner` warned about for `key` (the value was fixed), so the same problem warns again later. */
export function resetWarning(owner: Element, key: string): void {
  warned.get(owner)?.delete(key);
}
