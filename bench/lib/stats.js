// Small statistics for the benchmark's samples.

/** The median of numbers (the mean of the two middle ones for an even count). */
export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** The p-th percentile (0–100), nearest rank. */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Rounds to `digits` decimals (for the table and results.json). */
export const round = (value, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;

/** `{ median, min, max, p90, n, samples }` of a list of numbers, rounded. */
export function summary(values, digits = 2) {
  return {
    median: round(median(values), digits),
    min: round(Math.min(...values), digits),
    max: round(Math.max(...values), digits),
    p90: round(percentile(values, 90), digits),
    n: values.length,
    samples: values.map((v) => round(v, digits)),
  };
}
