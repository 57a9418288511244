// Measurement hygiene for the timed figures (render, ssr, lighthouse): start on a quiet machine.
import { readFileSync } from 'node:fs';

/** Busy share of all CPUs over `ms` (from /proc/stat; null where there is none). */
export async function cpuBusy(ms = 1000) {
  const read = () => {
    try {
      const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
      const n = fields.map(Number);
      const idle = n[3] + (n[4] ?? 0); // idle + iowait
      return { idle, total: n.reduce((a, b) => a + b, 0) };
    } catch {
      return null;
    }
  };
  const a = read();
  await new Promise((resolve) => setTimeout(resolve, ms));
  const b = read();
  if (!a || !b || b.total === a.total) return null;
  return 1 - (b.idle - a.idle) / (b.total - a.total);
}

/**
 * Waits until the machine is quiet (under QUIET of all CPUs busy over a second), `maxMs` at most,
 * before a timed measurement: work beside it (the previous figure's Chromium shutting down, a build)
 * is measured as the page's (Lighthouse's simulated throttling even multiplies it). Returns the busy
 * share measured last and the time waited.
 */
const QUIET = 0.2;
export async function waitForQuiet(maxMs = 30000) {
  const start = performance.now();
  let busy = await cpuBusy();
  while (busy !== null && busy > QUIET && performance.now() - start < maxMs) busy = await cpuBusy();
  return { busy: busy === null ? null : Math.round(busy * 100) / 100, waitedMs: Math.round(performance.now() - start) };
}
