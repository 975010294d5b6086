/* Test helper (not used by the app): how many cases a fast-check property runs. */
import fc from 'fast-check';

/**
 * `n` unless the run asks for more: `FC_RUNS=10000` (read by `tests/setup-fast-check.ts`) sets fast-check's
 * global `numRuns`, which a property's own `numRuns` would otherwise override.
 */
export function fcRuns(n: number): number {
  return fc.readConfigureGlobal().numRuns ?? n;
}
