// Totals the JSON reports of vitest (unit tests, Firefox e2e tests) and Playwright into the one
// closing line CI reads, "N passed, N failed", and fails when a suite is missing, ran nothing, or
// skipped a test.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
const problems = [];

for (const file of process.argv.slice(2)) {
  if (!existsSync(file)) {
    problems.push(`${file}: no report (the suite did not run)`);
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  let counts;
  if ('numPassedTests' in report) {
    // vitest
    counts = {
      passed: report.numPassedTests,
      failed: report.numFailedTests,
      skipped: report.numPendingTests + report.numTodoTests,
    };
  } else {
    // Playwright: flaky counts as passed-after-retry, but retries are off.
    const stats = report.stats;
    counts = { passed: stats.expected + stats.flaky, failed: stats.unexpected, skipped: stats.skipped };
    if (report.errors?.length) problems.push(`${file}: ${report.errors.length} error(s) outside tests`);
  }
  console.log(`${file}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  if (counts.passed + counts.failed === 0) problems.push(`${file}: no test ran`);
  if (counts.skipped > 0) problems.push(`${file}: ${counts.skipped} test(s) skipped`);
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
}

for (const problem of problems) console.log(`FAIL ${problem}`);
console.log(`${passed} passed, ${failed + problems.length} failed`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
