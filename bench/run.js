#!/usr/bin/env node
// `npm run bench`: runs every figure module of bench/figures/ one after another (never in
// parallel: they time things), prints a table (figure | value | budget | pass) and writes
// bench/results.json. Exit code 1 when any row fails (a module that throws is a failed row).
//
//   node bench/run.js                 every figure, full runs (a few minutes)
//   node bench/run.js --quick         fewer runs: a smoke test of the whole bench
//   node bench/run.js --only size,render --quick
//
// A figure module (bench/figures/<name>.js) exports `measure(ctx)`, ctx = { root, quick, log },
// and returns rows { id, figure, how, value, unit, budget, pass, detail } (see bench/README.md).
import { execFileSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Every figure, in the order they run (cheap and static first, the long browser runs later). */
export const FIGURES = ['size', 'render', 'ssr', 'cls', 'scale', 'huge', 'throughput', 'lighthouse'];

function parseArgs(argv) {
  const options = { quick: false, only: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--quick') options.quick = true;
    else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      if (!value) throw new Error('--only needs a list: --only size,render');
      options.only = value.split(',').map((s) => s.trim()).filter(Boolean);
      const unknown = options.only.filter((name) => !FIGURES.includes(name));
      if (unknown.length) throw new Error(`unknown figure(s): ${unknown.join(', ')} (known: ${FIGURES.join(', ')})`);
    } else if (arg === '--help' || arg === '-h') {
      console.log(`usage: node bench/run.js [--quick] [--only ${FIGURES.join(',')}]`);
      process.exit(0);
    } else throw new Error(`unknown argument: ${arg}`);
  }
  return options;
}

/** Runs a command for a short read-only answer; null when it fails. */
function quiet(command, args) {
  try {
    return execFileSync(command, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 20000 }).trim();
  } catch {
    return null;
  }
}

async function machine() {
  const { CHROME_PATH } = await import(pathToFileURL(join(root, 'scripts/chromium.js')).href);
  const list = cpus();
  return {
    cpus: list.length,
    cpuModel: list[0]?.model ?? null,
    memoryGB: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
    chromium: quiet(CHROME_PATH, ['--version']),
    // Other work on the machine skews every timing: the load average (1, 5, 15 min) at the end.
    loadAverage: loadavg().map((v) => Math.round(v * 100) / 100),
  };
}

const isRow = (row) => row && typeof row === 'object' && typeof row.id === 'string';

function formatValue(row) {
  if (typeof row.value !== 'number' || Number.isNaN(row.value)) return row.value == null || Number.isNaN(row.value) ? '—' : String(row.value);
  const abs = Math.abs(row.value);
  const text = Number.isInteger(row.value) ? String(row.value) : abs >= 100 ? row.value.toFixed(0) : abs >= 10 ? row.value.toFixed(1) : row.value.toFixed(2);
  const unit = row.unit === '×' || row.unit === 'x' ? '×' : row.unit ? ` ${row.unit}` : '';
  return `${text}${unit}`;
}

/** A plain text table; `|`-separated, so it pastes into Markdown as it is. */
function table(rows) {
  const lines = [['figure', 'value', 'budget', 'pass'], ...rows.map((r) => [r.figure, formatValue(r), r.budget ?? '', r.pass ? 'yes' : 'NO'])];
  const widths = lines[0].map((_, i) => Math.max(...lines.map((l) => String(l[i]).length)));
  const fmt = (l) => `| ${l.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [fmt(lines[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.slice(1).map(fmt)].join('\n');
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const names = options.only ? FIGURES.filter((n) => options.only.includes(n)) : FIGURES;
  const started = Date.now();
  const loadAtStart = loadavg().map((v) => Math.round(v * 100) / 100);
  const rows = [];
  const modules = [];
  const skipped = [];
  for (const name of names) {
    const file = join(root, 'bench/figures', `${name}.js`);
    if (!existsSync(file)) {
      console.error(`[${name}] skipped: bench/figures/${name}.js does not exist`);
      skipped.push(name);
      continue;
    }
    const log = (msg) => console.error(`[${name}] ${msg}`);
    const t0 = performance.now();
    let moduleRows = [];
    let error = null;
    try {
      const mod = await import(pathToFileURL(file).href);
      if (typeof mod.measure !== 'function') throw new Error(`bench/figures/${name}.js exports no measure(ctx)`);
      log(options.quick ? 'measuring (quick)…' : 'measuring…');
      const result = await mod.measure({ root, quick: options.quick, log });
      if (!Array.isArray(result) || !result.every(isRow)) throw new Error('measure() must return an array of rows { id, figure, … }');
      moduleRows = result.map((row) => ({ ...row, pass: row.pass === true }));
      if (!moduleRows.length) throw new Error('measure() returned no rows');
    } catch (e) {
      error = e;
      log(`FAILED: ${e?.stack ?? e}`);
      moduleRows.push({
        id: `${name}.error`,
        figure: `${name} (error)`,
        how: `bench/figures/${name}.js threw`,
        value: null,
        unit: '',
        budget: 'runs',
        pass: false,
        detail: { error: String(e?.message ?? e), stack: e?.stack ?? null },
      });
    }
    const seconds = Math.round((performance.now() - t0) / 100) / 10;
    log(`done in ${seconds} s`);
    modules.push({ name, seconds, rows: moduleRows.length, error: error ? String(error?.message ?? error) : null });
    rows.push(...moduleRows.map((row) => ({ module: name, ...row })));
  }

  const results = {
    date: new Date().toISOString(),
    quick: options.quick,
    only: options.only,
    machine: { ...(await machine()), loadAverageAtStart: loadAtStart },
    commit: quiet('git', ['rev-parse', 'HEAD']),
    seconds: Math.round((Date.now() - started) / 100) / 10,
    modules,
    skipped,
    rows,
  };
  writeFileSync(join(root, 'bench/results.json'), `${JSON.stringify(results, null, 2)}\n`);

  console.log(table(rows));
  const failed = rows.filter((r) => !r.pass);
  if (skipped.length) console.log(`\nskipped (no module): ${skipped.join(', ')}`);
  console.log(`\n${rows.length - failed.length}/${rows.length} rows pass${failed.length ? `; failing: ${failed.map((r) => r.id).join(', ')}` : ''}. ` + `Written to bench/results.json (${results.seconds} s${options.quick ? ', quick' : ''}).`);
  return failed.length ? 1 : 0;
}

// Exit explicitly: a handle a module forgot (a socket, a timer) must not keep the bench waiting.
main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error?.stack ?? error);
    process.exit(1);
  },
);
