// Sums the JSON reports of Vitest and Playwright into the one line CI reads: "N passed, N failed".
// A missing report counts as a failure: that suite did not get to run.
import fs from 'node:fs';

let passed = 0;
let failed = 0;
for (const file of process.argv.slice(2)) {
  if (!fs.existsSync(file)) {
    console.log(`${file}: missing (suite did not run)`);
    failed += 1;
    continue;
  }
  const r = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (r.stats && 'expected' in r.stats) {
    // Playwright
    passed += r.stats.expected + (r.stats.flaky ?? 0);
    failed += r.stats.unexpected;
    console.log(`suite ${file}: passed ${r.stats.expected}, failed ${r.stats.unexpected}`);
  } else {
    passed += r.numPassedTests;
    // A file that failed to load has no failed test but must still count.
    const brokenFiles = (r.testResults ?? []).filter(
      (t) => t.status === 'failed' && t.assertionResults.length === 0,
    ).length;
    failed += r.numFailedTests + brokenFiles;
    console.log(`suite ${file}: passed ${r.numPassedTests}, failed ${r.numFailedTests}`);
  }
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
