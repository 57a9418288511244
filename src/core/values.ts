/**
 * Readers of untrusted values: JSON from attributes, servers and storage. Pure, never throw.
 * Shared by credits, related items and the comment transports.
 */

/** A plain object (not null, not an array). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A whole number ≥ 0, given as a number or as digits; null for anything else. */
export function nonNegativeInt(value: unknown): number | null {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value.trim())) return Number.parseInt(value, 10);
  return null;
}

/**
 * An attribute's JSON text, or a value given as a property, ready to validate: a string is
 * parsed (blank → `undefined`), anything else is returned as it is. A parse error is returned,
 * not thrown, so the caller can warn and render its fallback.
 */
export function readJsonInput(input: unknown): { value: unknown; error?: undefined } | { value?: undefined; error: string } {
  if (typeof input !== 'string') return { value: input };
  if (input.trim() === '') return { value: undefined };
  try {
    return { value: JSON.parse(input) as unknown };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
