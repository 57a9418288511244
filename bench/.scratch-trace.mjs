import { readFileSync } from 'node:fs';
import { launchChromium, withColdPage, startServer } from './lib/browser.js';
const server = await startServer();
const browser = await launchChromium();
const path = process.argv[2] ?? 'demo/index.html';
try {
  for (let run = 0; run < 3; run++) await withColdPage(browser, async (page) => {
    await page.tracing.start({ path: '/tmp/trace.json', categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'v8', 'blink'] });
    await page.goto(server.url + path, { waitUntil: 'networkidle0' });
    await page.tracing.stop();
    const events = JSON.parse(readFileSync('/tmp/trace.json', 'utf8')).traceEvents;
    const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
    const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
    const nav = events.find((e) => e.name === 'navigationStart')?.ts ?? mine[0].ts;
    const tasks = mine.filter((e) => e.name === 'RunTask' && e.dur > 8000);
    for (const t of tasks) {
      const inner = mine.filter((e) => e.ts >= t.ts && e.ts + e.dur <= t.ts + t.dur && e !== t && e.dur > 1500);
      const sum = new Map();
      for (const e of inner) sum.set(e.name, (sum.get(e.name) ?? 0) + e.dur / 1000);
      console.log(`@${((t.ts - nav) / 1000).toFixed(0)} task ${(t.dur / 1000).toFixed(0)} ms:`, [...sum].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', '));
    }
    console.log('---');
  });
} finally { await browser.close(); await server.stop(); }
