/**
 * A bench figure. `run` returns these; `bench/run.ts` prints one line per figure:
 * `<area>.<measure>  <value> <unit>  [cpu <c> ms]  budget <b>  [ratio <r> vs <what>  goal <g>]  ok|SLOW`.
 * Milliseconds unless `unit` says otherwise.
 */
export interface BenchResult {
  label: string;
  value: number;
  unit?: string;
  /** Short stable id of the measure (kebab-case); derived from the label when omitted. */
  measure?: string;
  /** CPU time beside the wall time, in ms (our machines are shared: wall time also counts waiting for a core). */
  cpu?: number;
  /** The goal on this machine; omit for figures that are only printed. */
  budget?: number;
  /** A side-by-side comparison: this figure ÷ the same work done by `vs`, which must stay ≤ `goal`. */
  ratio?: { value: number; vs: string; goal: number };
}

export interface BenchCase {
  name: string;
  run: () => Promise<BenchResult[]>;
}

/** The median of some numbers (the mean of the two middle ones for an even count). */
export function median(values: number[]): number {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Medians of `n` runs of `fn`: wall time and this process's CPU time (process.cpuUsage), in ms. */
export interface Runs {
  wall: number;
  cpu: number;
  /** Every run's wall time, in run order. */
  walls: number[];
}

/** Runs `fn` `n` times, one after another, and returns the medians of wall and CPU time. */
export async function measureRuns(n: number, fn: () => unknown | Promise<unknown>): Promise<Runs> {
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let i = 0; i < n; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await fn();
    walls.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    cpus.push((c.user + c.system) / 1000);
  }
  return { wall: median(walls), cpu: median(cpus), walls };
}

/** Median wall time of `n` runs of `fn`, in milliseconds. */
export async function medianMs(n: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  return (await measureRuns(n, fn)).wall;
}

/** The p-th percentile (0–100) of a list of numbers. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const idx = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, idx)];
}

/** A line's verdict: SLOW when the value is over its budget or the ratio over its goal. */
export function verdict(r: BenchResult): 'ok' | 'SLOW' | null {
  if (r.budget === undefined && r.ratio === undefined) return null;
  const slow =
    (r.budget !== undefined && r.value > r.budget) || (r.ratio !== undefined && r.ratio.value > r.ratio.goal);
  return slow ? 'SLOW' : 'ok';
}

/** `label` → a stable kebab-case id (ASCII letters and digits only). */
export function measureId(r: BenchResult): string {
  if (r.measure) return r.measure;
  const slug = r.label
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60).replace(/-+$/, '') || 'figure';
}

function fmt(value: number, unit: string): string {
  const digits = unit === 'ms' ? 1 : Math.abs(value) >= 100 ? 0 : 2;
  return value.toFixed(digits);
}

/** One printed line for a figure of `area`. */
export function formatLine(area: string, r: BenchResult): string {
  const unit = r.unit ?? 'ms';
  const parts = [`${area}.${measureId(r)}`, `${fmt(r.value, unit)} ${unit}`];
  if (r.cpu !== undefined) parts.push(`cpu ${r.cpu.toFixed(1)} ms`);
  if (r.budget !== undefined) parts.push(`budget ${r.budget}`);
  if (r.ratio) parts.push(`ratio ${r.ratio.value.toFixed(2)} vs ${r.ratio.vs}  goal ${r.ratio.goal}`);
  const v = verdict(r);
  if (v) parts.push(v);
  return parts.join('  ');
}

/** The JSON record of a figure (`npm run bench -- --json <file>`). */
export function jsonRecord(area: string, r: BenchResult): Record<string, unknown> {
  return {
    id: `${area}.${measureId(r)}`,
    label: r.label,
    value: r.value,
    unit: r.unit ?? 'ms',
    cpu: r.cpu ?? null,
    budget: r.budget ?? null,
    ratio: r.ratio ?? null,
    verdict: verdict(r),
  };
}
