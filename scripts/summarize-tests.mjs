// Adds up the JSON reports of every test runner into the closing line "N passed, N failed".
// A runner that left no report (it crashed, or never ran) counts as one failure.
import { existsSync, readFileSync } from "node:fs";

let passed = 0;
let failed = 0;

function read(file) {
  if (!existsSync(file)) {
    console.log(`${file}: missing (the runner did not finish)`);
    failed += 1;
    return undefined;
  }
  return JSON.parse(readFileSync(file, "utf8"));
}

const vitest = read("test-results/vitest.json");
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  if (vitest.numTotalTests === 0) failed += 1;
}

const playwright = read("test-results/playwright.json");
if (playwright) {
  const s = playwright.stats;
  // "flaky" passed on a retry; it is counted as passed but named, so it is seen.
  passed += s.expected + s.flaky;
  failed += s.unexpected;
  if (s.flaky) console.log(`playwright: ${s.flaky} flaky test(s) passed on retry`);
  if (s.expected + s.flaky + s.unexpected === 0) failed += 1;
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
