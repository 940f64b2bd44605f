// Sums the JSON reports of Vitest and Playwright into the one line CI reads: "N passed, N failed".
// A missing report counts as a failure: that suite did not get to run. Every failed test is named
// with the first lines of its error, so a red run can be read from the summary alone.
import fs from 'node:fs';

let passed = 0;
let failed = 0;
const failures = [];

function firstLines(text) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips terminal colour codes
  const plain = String(text ?? '').replace(/\u001b\[[0-9;]*m/g, '');
  return plain
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, 3)
    .join(' | ');
}

function playwrightFailures(suites, path = []) {
  for (const suite of suites ?? []) {
    const here = suite.title ? [...path, suite.title] : path;
    for (const spec of suite.specs ?? []) {
      for (const t of spec.tests ?? []) {
        if (t.status !== 'unexpected') continue;
        const error = t.results?.find((r) => r.error)?.error?.message;
        failures.push(`${[...here, spec.title].join(' › ')}\n    ${firstLines(error)}`);
      }
    }
    playwrightFailures(suite.suites, here);
  }
}

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
    playwrightFailures(r.suites);
    console.log(
      `suite ${file}: passed ${r.stats.expected}, failed ${r.stats.unexpected}, skipped ${r.stats.skipped ?? 0}`,
    );
  } else {
    passed += r.numPassedTests;
    // A file that failed to load has no failed test but must still count.
    const brokenFiles = (r.testResults ?? []).filter(
      (t) => t.status === 'failed' && t.assertionResults.length === 0,
    );
    for (const f of brokenFiles) failures.push(`${f.name}\n    ${firstLines(f.message)}`);
    for (const f of r.testResults ?? []) {
      for (const a of f.assertionResults ?? []) {
        if (a.status === 'failed') failures.push(`${a.fullName}\n    ${firstLines(a.failureMessages?.[0])}`);
      }
    }
    failed += r.numFailedTests + brokenFiles.length;
    console.log(`suite ${file}: passed ${r.numPassedTests}, failed ${r.numFailedTests}`);
  }
}
if (failures.length > 0) console.log(`failed:\n  ${failures.join('\n  ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
