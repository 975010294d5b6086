/**
 * Counts of the test runners' JSON reports, for the closing line of `npm test` (scripts/test-all.mjs).
 * Each report is read right after its step: Playwright empties its `outputDir` (test-results/) when it
 * starts, so a report written before it into that folder is gone by the end of the run.
 */

/** @typedef {{ passed: number, failed: number, skipped: number }} Counts */

/** @returns {Counts} */
export function zeroCounts() {
  return { passed: 0, failed: 0, skipped: 0 };
}

/** Vitest's `--reporter=json` (Jest-compatible): todo tests count as skipped. */
export function countVitest(report) {
  return {
    passed: report?.numPassedTests ?? 0,
    failed: report?.numFailedTests ?? 0,
    skipped: (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0),
  };
}

/** Playwright's `json` reporter: a flaky test passed on a retry. */
export function countPlaywright(report) {
  const s = report?.stats ?? {};
  return { passed: (s.expected ?? 0) + (s.flaky ?? 0), failed: s.unexpected ?? 0, skipped: s.skipped ?? 0 };
}

/** @returns {Counts} */
export function addCounts(a, b) {
  return { passed: a.passed + b.passed, failed: a.failed + b.failed, skipped: a.skipped + b.skipped };
}

/** `Tests: N passed, N failed, N skipped`. */
export function tallyLine(c) {
  return `Tests: ${c.passed} passed, ${c.failed} failed, ${c.skipped} skipped`;
}
