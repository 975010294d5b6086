/** A bench case: `run` returns the measured figures (milliseconds unless `unit` says otherwise). */
export interface BenchResult {
  label: string;
  value: number;
  unit?: string;
  /** The budget on this machine; omit for figures that are only printed. */
  budget?: number;
}

export interface BenchCase {
  name: string;
  run: () => Promise<BenchResult[]>;
}

/** Median of `n` timed runs of `fn`, in milliseconds. */
export async function medianMs(n: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)];
}
