/**
 * fast-check settings for every unit test project (vitest `setupFiles`).
 *
 * - `FC_RUNS=10000 npx vitest run` runs every property with that many cases: tests that pass their own
 *   `numRuns` read it through `fcRuns()` (`shared/util/fc-runs.ts`), the others take the global default.
 * - A failing property reports `{ seed, path }` and the counterexample in its error message (vitest prints
 *   it); `FC_SEED=<seed> FC_PATH=<path> npx vitest run <file> -t '<test name>'` replays exactly that case.
 */
import fc from 'fast-check';

const runs = Number(process.env.FC_RUNS);
const seed = Number(process.env.FC_SEED);
fc.configureGlobal({
  ...(Number.isInteger(runs) && runs > 0 ? { numRuns: runs } : {}),
  ...(process.env.FC_SEED && Number.isInteger(seed) ? { seed } : {}),
  ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
  // The assertion's own message (expected/received) goes into the report, next to the seed and path.
  includeErrorInReport: true,
});
