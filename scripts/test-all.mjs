#!/usr/bin/env node
/**
 * `npm test`: typecheck (both tsconfigs), lint, unit tests, build, e2e in Debian Chromium, Electron e2e
 * (or one line saying why it was skipped). Stops at the first failing step; ends with one line
 * `Tests: N passed, N failed, N skipped` counted from the runners' JSON reports (scripts/test-tally.mjs).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { addCounts, countPlaywright, countVitest, tallyLine, zeroCounts } from './test-tally.mjs';

// Outside test-results/: Playwright empties its outputDir (test-results/) when it starts.
const reports = 'out/test-reports';
mkdirSync(reports, { recursive: true });
const vitestJson = `${reports}/vitest.json`;
const e2eJson = `${reports}/playwright.json`;
const electronJson = `${reports}/electron.json`;

/** [name, command, args, extra env, JSON report written by the step, how to count it] */
const steps = [
  ['typecheck', 'npm', ['run', 'typecheck']],
  ['lint', 'npm', ['run', 'lint']],
  [
    'unit',
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`],
    {},
    vitestJson,
    countVitest,
  ],
  ['build', 'npm', ['run', 'build']],
  [
    'e2e',
    'npx',
    ['playwright', 'test', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: e2eJson },
    e2eJson,
    countPlaywright,
  ],
  [
    'electron-e2e',
    'npm',
    ['run', 'test:electron', '--', '--reporter=list,json'],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: electronJson },
    electronJson,
    countPlaywright,
  ],
  // Fuses, ASAR integrity, Electronegativity: on the packaged app after `npm run dist` in hosted CI,
  // on a fixture (with one line saying so) where no packaged app exists.
  ['artifact-checks', 'npm', ['run', 'check:artifact']],
];

let counts = zeroCounts();
let failedStep = null;
const started = Date.now();
for (const [name, cmd, args, env, report, count] of steps) {
  const t0 = Date.now();
  console.log(`\n━━ ${name} ━━`);
  if (report) rmSync(report, { force: true }); // never count a previous run's report
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`━━ ${name}: ${r.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (report && existsSync(report)) counts = addCounts(counts, count(JSON.parse(readFileSync(report, 'utf8'))));
  if (r.status !== 0) {
    failedStep = name;
    break;
  }
}
if (failedStep && counts.failed === 0) counts.failed = 1; // a failed typecheck/lint/build counts as a failure
console.log(
  `\n${failedStep ? `Step "${failedStep}" failed.` : 'All steps passed.'} (${((Date.now() - started) / 1000).toFixed(0)} s)`,
);
console.log(tallyLine(counts));
process.exit(failedStep ? 1 : 0);
