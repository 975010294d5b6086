#!/usr/bin/env node
/**
 * `npm test`: typecheck (both tsconfigs), lint, unit tests, build, e2e in Debian Chromium, Electron e2e
 * (or one line saying why it was skipped). Stops at the first failing step; ends with one line
 * `Tests: N passed, N failed, N skipped` counted from the runners' JSON reports.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const reports = 'test-results/reports';
mkdirSync(reports, { recursive: true });
const steps = [
  ['typecheck', 'npm', ['run', 'typecheck']],
  ['lint', 'npm', ['run', 'lint']],
  [
    'unit',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reports}/vitest.json`],
  ],
  ['build', 'npm', ['run', 'build']],
  [
    'e2e',
    'npx',
    ['playwright', 'test', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: `${reports}/playwright.json` },
  ],
  ['electron-e2e', 'npm', ['run', 'test:electron']],
];

const counts = { passed: 0, failed: 0, skipped: 0 };
function tally() {
  const v = `${reports}/vitest.json`;
  if (existsSync(v)) {
    const j = JSON.parse(readFileSync(v, 'utf8'));
    counts.passed += j.numPassedTests ?? 0;
    counts.failed += j.numFailedTests ?? 0;
    counts.skipped += (j.numPendingTests ?? 0) + (j.numTodoTests ?? 0);
  }
  const p = `${reports}/playwright.json`;
  if (existsSync(p)) {
    const s = JSON.parse(readFileSync(p, 'utf8')).stats ?? {};
    counts.passed += (s.expected ?? 0) + (s.flaky ?? 0);
    counts.failed += s.unexpected ?? 0;
    counts.skipped += s.skipped ?? 0;
  }
}

let failedStep = null;
const started = Date.now();
for (const [name, cmd, args, env] of steps) {
  const t0 = Date.now();
  console.log(`\n━━ ${name} ━━`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`━━ ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (r.status !== 0) {
    failedStep = name;
    break;
  }
}
tally();
if (failedStep && counts.failed === 0) counts.failed = 1; // a failed typecheck/lint/build counts as a failure
console.log(
  `\n${failedStep ? `Step "${failedStep}" failed.` : 'All steps passed.'} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
);
console.log(`Tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(failedStep ? 1 : 0);
