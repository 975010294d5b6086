export type Counts = { passed: number; failed: number; skipped: number };
export function zeroCounts(): Counts;
export function countVitest(report: unknown): Counts;
export function countPlaywright(report: unknown): Counts;
export function addCounts(a: Counts, b: Counts): Counts;
export function tallyLine(c: Counts): string;
