/** Readers of the untrusted JSON values servers answer with (shared by ./wordpress.ts, ./json.ts, ./transport.ts). */

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
