import { describe, expect, it } from 'vitest';
import { addCounts, countPlaywright, countVitest, tallyLine, zeroCounts } from './test-tally.mjs';

// Trimmed shapes of what `vitest run --reporter=json` and Playwright's `json` reporter write.
const vitestReport = {
  numTotalTests: 842,
  numPassedTests: 837,
  numFailedTests: 2,
  numPendingTests: 1,
  numTodoTests: 2,
  testResults: [],
};
const playwrightReport = {
  suites: [],
  stats: { startTime: '2026-12-04T10:00:00.000Z', duration: 1, expected: 19, unexpected: 1, flaky: 1, skipped: 3 },
};

describe('the closing line of npm test', () => {
  it('counts vitest passed, failed and skipped (pending and todo) tests', () => {
    expect(countVitest(vitestReport)).toEqual({ passed: 837, failed: 2, skipped: 3 });
  });

  it('counts a flaky Playwright test as passed and an unexpected one as failed', () => {
    expect(countPlaywright(playwrightReport)).toEqual({ passed: 20, failed: 1, skipped: 3 });
  });

  it('adds every runner, so the unit tests are not lost behind the e2e ones', () => {
    const total = [countVitest(vitestReport), countPlaywright(playwrightReport)].reduce(addCounts, zeroCounts());
    expect(tallyLine(total)).toBe('Tests: 857 passed, 3 failed, 6 skipped');
  });

  it('treats a missing or foreign report as zero tests, not as a crash', () => {
    expect(countVitest(null)).toEqual(zeroCounts());
    expect(countPlaywright({})).toEqual(zeroCounts());
  });
});
