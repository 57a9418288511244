// web-test-runner prints no plain "N passed, N failed" line. This reporter counts every test of
// every browser, prints that line when the run ends and writes the counts for scripts/test.js.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

function tally(suite, counts, where) {
  for (const test of suite.tests ?? []) {
    if (test.skipped) counts.skipped += 1;
    else if (test.passed) counts.passed += 1;
    else {
      counts.failed += 1;
      counts.failures.push(`${[...where, test.name].join(' > ')}: ${String(test.error?.message ?? 'failed').split('\n')[0].slice(0, 300)}`);
    }
  }
  for (const child of suite.suites ?? []) tally(child, counts, [...where, child.name]);
}

export function countingReporter({ outFile }) {
  return {
    onTestRunFinished({ sessions }) {
      // `failures` names each failed test, so the closing summary says which (CI shows only the end).
      const counts = { passed: 0, failed: 0, skipped: 0, sessionErrors: 0, failures: [] };
      for (const session of sessions) {
        const where = [session.browser?.name ?? 'browser', session.testFile.replace(/^.*?\/test\//, 'test/')];
        if (session.testResults) tally(session.testResults, counts, where);
        // A file that fails to load or throws outside a test has no test results: count it.
        if (!session.passed && (session.errors?.length ?? 0) > 0) {
          counts.sessionErrors += 1;
          counts.failures.push(`${where.join(' > ')}: ${String(session.errors[0]?.message ?? 'error').split('\n')[0].slice(0, 300)}`);
        }
      }
      counts.failed += counts.sessionErrors;
      mkdirSync(dirname(outFile), { recursive: true });
      writeFileSync(outFile, JSON.stringify(counts));
      process.once('exit', () => {
        console.log(`wtr: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
      });
    },
  };
}
