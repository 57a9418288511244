// `npm test`: everything, in order, with one closing line `N passed, N failed` for CI.
//   1. build (custom-elements.json, dist/ ESM + .d.ts, the CDN bundle)   — a failure stops the run
//   2. type check of sources, tests and stories (tsc strict)
//   3. Node tests (package shape, manifest, demo server + demo page end to end)
//   4. element and pure-logic tests in Chromium and Firefox (web-test-runner)
//   5. every Storybook story as a test, with axe (vitest + @storybook/addon-vitest)
//   6. the comment form and the demo server's contract against a real WordPress (`npm run test:wordpress`:
//      installs WordPress, MariaDB and PHP from Debian when they are missing; needs root for that)
// Set SKIP=stories,wtr,... to leave stages out while working (CI never sets it).
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, mkdirSync } from 'node:fs';

const skip = new Set((process.env.SKIP ?? '').split(',').filter(Boolean));
const totals = { passed: 0, failed: 0, skipped: 0 };
const summary = [];
/** Names of the failed tests, repeated at the end (CI may show only the last lines). */
const failures = [];

function run(name, command, args, env = {}) {
  const started = Date.now();
  console.log(`\n=== ${name}: ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(result.stdout ?? '');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: result.status === 0, stdout: result.stdout ?? '', seconds };
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function record(stage, counts, ok, seconds) {
  // A stage that failed without any counted failure (crash, load error) still counts as one.
  const failed = counts.failed + (!ok && counts.failed === 0 ? 1 : 0);
  totals.passed += counts.passed;
  totals.failed += failed;
  totals.skipped += counts.skipped ?? 0;
  summary.push(`${stage.padEnd(10)} ${String(counts.passed).padStart(4)} passed ${String(failed).padStart(3)} failed  (${seconds} s)`);
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

// 1. Build: nothing else is meaningful without it.
const build = run('build', 'npm', ['run', '--silent', 'build']);
record('build', { passed: build.ok ? 1 : 0, failed: 0 }, build.ok, build.seconds);
if (!build.ok) finish();

// 2. Type check.
const types = run('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
record('typecheck', { passed: types.ok ? 1 : 0, failed: 0 }, types.ok, types.seconds);

// 3. Node tests.
if (!skip.has('node')) runNodeTests('node', ['--test'], ['test/node/']);

// 4. Browsers.
if (!skip.has('wtr')) {
  const wtr = run('browsers', process.execPath, ['node_modules/@web/test-runner/dist/bin.js']);
  const counts = readJson('test-results/wtr.json') ?? { passed: 0, failed: 0, skipped: 0 };
  record('browsers', counts, wtr.ok, wtr.seconds);
  for (const failure of counts.failures ?? []) failures.push(`browsers: ${failure}`);
}

// 5. Stories.
if (!skip.has('stories')) {
  const stories = run('stories', 'npm', ['run', '--silent', 'test:stories']);
  const json = readJson('test-results/stories.json');
  const counts = json
    ? { passed: json.numPassedTests, failed: json.numFailedTests, skipped: json.numPendingTests + json.numTodoTests }
    : { passed: 0, failed: 0, skipped: 0 };
  record('stories', counts, stories.ok, stories.seconds);
  for (const file of json?.testResults ?? []) {
    for (const test of file.assertionResults ?? []) {
      if (test.status === 'failed') failures.push(`stories: ${test.fullName}: ${String(test.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300)}`);
    }
  }
}

// 6. Real WordPress.
// The same run as `npm run test:wordpress`, with the reporters this script counts.
if (!skip.has('wordpress')) runNodeTests('wordpress', ['--test', '--test-concurrency=1'], ['test/wordpress/']);

finish();

/** Runs a `node --test` command with a TAP copy of its report, and counts that report. */
function runNodeTests(stage, options, paths) {
  const tapFile = `test-results/${stage}.tap`;
  const reporters = ['--test-reporter=spec', '--test-reporter-destination=stdout', '--test-reporter=tap', `--test-reporter-destination=${tapFile}`];
  // Node reads options only before the test paths.
  const result = run(stage, process.execPath, [...options, ...reporters, ...paths]);
  let tap = '';
  try {
    tap = readFileSync(tapFile, 'utf8');
  } catch {
    // No report: the run crashed before it started; `record` counts that as a failure.
  }
  const count = (label) => Number(tap.match(new RegExp(`^# ${label} (\\d+)`, 'm'))?.[1] ?? 0);
  for (const match of tap.matchAll(/^\s*not ok \d+ - (.*)$/gm)) failures.push(`${stage}: ${match[1].slice(0, 300)}`);
  record(stage, { passed: count('pass'), failed: count('fail') + count('cancelled'), skipped: count('skipped') }, result.ok, result.seconds);
}

function finish() {
  console.log('\n=== summary');
  for (const line of summary) console.log(line);
  if (failures.length > 0) {
    console.log('failed:');
    for (const line of failures) console.log(`  ${line}`);
  }
  console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
  process.exit(totals.failed > 0 ? 1 : 0);
}
