/**
 * Month-over-month trends of numeric items: which way a metric moves relative to its threshold, when
 * it would cross it at the current pace, and the polyline of a sparkline. Pure; used on screen (the
 * inline sparkline) and by the system diagnosis report (its optimisation plan and trend charts), so
 * it lives here and not in the inspections feature: renderer/pdf/ imports no feature
 * (eslint-rules/feature-boundaries.js).
 */
import type { NumberSpec } from '../schemas/inspection';
import { impossibleValue, judgeNumber } from './inspection-judge';

type TrendSpec = Pick<NumberSpec, 'comparator' | 'threshold' | 'max'> & Partial<Pick<NumberSpec, 'unit'>>;

/** The points a trend can use: an impossible value (inspection-judge.ts) says nothing about a direction. */
const possible = (points: TrendPoint[], spec: TrendSpec) =>
  points.filter((p) => !impossibleValue({ unit: spec.unit ?? '', comparator: spec.comparator }, p.value));

export interface TrendPoint {
  /** `YYYY-MM` */
  month: string;
  value: number;
}

export type TrendDirection = 'worsening' | 'improving' | 'stable';

/** Months between two `YYYY-MM` strings (b − a). */
export function monthsBetween(a: string, b: string): number {
  const [ya, ma] = a.split('-').map(Number);
  const [yb, mb] = b.split('-').map(Number);
  return (yb - ya) * 12 + (mb - ma);
}

/** `YYYY-MM` shifted by `n` months. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const idx = y * 12 + (m - 1) + n;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
}

/** Least-squares slope per month of the points (0 with fewer than two). */
export function slopePerMonth(points: TrendPoint[]): number {
  if (points.length < 2) return 0;
  const xs = points.map((p) => monthsBetween(points[0].month, p.month));
  const mx = xs.reduce((s, x) => s + x, 0) / xs.length;
  const my = points.reduce((s, p) => s + p.value, 0) / points.length;
  let num = 0;
  let den = 0;
  points.forEach((p, i) => {
    num += (xs[i] - mx) * (p.value - my);
    den += (xs[i] - mx) ** 2;
  });
  return den === 0 ? 0 : num / den;
}

/** The direction that moves a value towards trouble: up for `≤` limits, down for `≥` floors. */
function badSign(spec: Pick<NumberSpec, 'comparator' | 'threshold' | 'max'>, last: number): 1 | -1 {
  if (spec.comparator === '<' || spec.comparator === '<=') return 1;
  if (spec.comparator === '>' || spec.comparator === '>=') return -1;
  // between: whichever bound is nearer
  return (spec.max ?? spec.threshold) - last < last - spec.threshold ? 1 : -1;
}

/**
 * Whether the metric is moving towards its threshold. A change smaller than 2 % of the threshold
 * (or 0.5 when the threshold is 0) per month counts as stable, so noise does not raise alarms.
 */
export function trendDirection(all: TrendPoint[], spec: TrendSpec): TrendDirection {
  const points = possible(all, spec);
  if (points.length < 2) return 'stable';
  const slope = slopePerMonth(points);
  const noise = Math.max(Math.abs(spec.threshold) * 0.02, 0.5);
  if (Math.abs(slope) < noise) return 'stable';
  return Math.sign(slope) === badSign(spec, points[points.length - 1].value) ? 'worsening' : 'improving';
}

/**
 * Months until the metric leaves its normal range at the current pace, counted from the last point:
 * 0 when it is already out of range; undefined when it is not heading out (or has fewer than two points).
 */
export function monthsToThreshold(all: TrendPoint[], spec: TrendSpec): number | undefined {
  if (all.length === 0) return undefined;
  if (judgeNumber(spec, all[all.length - 1].value) === 'abnormal') return 0;
  const points = possible(all, spec);
  const last = points[points.length - 1].value;
  const sign = badSign(spec, last);
  const slope = slopePerMonth(points) * sign;
  if (slope <= 0) return undefined;
  const limit = spec.comparator === 'between' && sign === 1 ? (spec.max ?? spec.threshold) : spec.threshold;
  // Sitting exactly on an inclusive limit and still moving that way: out by the next month.
  return Math.max(((limit - last) * sign) / slope, 1 / 30);
}

/**
 * Polyline points (`x,y x,y …`) of a sparkline in a `width × height` box, with `pad` points inside
 * the edges; the threshold line's y when it falls inside the value range drawn.
 */
export function sparkline(
  points: TrendPoint[],
  width: number,
  height: number,
  threshold?: number,
  pad = 2,
): { line: string; dots: { x: number; y: number }[]; thresholdY?: number } {
  if (points.length === 0) return { line: '', dots: [] };
  const values = points.map((p) => p.value);
  const withLimit = threshold === undefined ? values : [...values, threshold];
  let lo = Math.min(...withLimit);
  let hi = Math.max(...withLimit);
  if (hi === lo) {
    hi += 1;
    lo -= 1;
  }
  const x = (i: number) => (points.length === 1 ? width / 2 : pad + (i * (width - 2 * pad)) / (points.length - 1));
  const y = (v: number) => pad + ((hi - v) * (height - 2 * pad)) / (hi - lo);
  const dots = points.map((p, i) => ({ x: round(x(i)), y: round(y(p.value)) }));
  return {
    line: dots.map((d) => `${d.x},${d.y}`).join(' '),
    dots,
    thresholdY: threshold === undefined ? undefined : round(y(threshold)),
  };
}

const round = (n: number) => Math.round(n * 10) / 10;

/** One inspection's numeric answers, as trend sources. */
export interface TrendSource {
  month: string;
  /** Later sources of the same month win. */
  order: string;
  values: { systemId: string; itemId: string; value?: number; result?: string }[];
}

/** systemId → itemId → points (oldest first) from inspections' numeric answers; a month's latest source wins. */
export function collectTrends(sources: TrendSource[]): Map<string, Map<string, TrendPoint[]>> {
  const byKey = new Map<string, Map<string, number>>();
  for (const src of [...sources].sort((a, b) => a.month.localeCompare(b.month) || a.order.localeCompare(b.order))) {
    for (const v of src.values) {
      if (v.value === undefined || v.result === 'na') continue;
      const key = `${v.systemId}|${v.itemId}`;
      const m = byKey.get(key) ?? new Map<string, number>();
      m.set(src.month, v.value);
      byKey.set(key, m);
    }
  }
  const out = new Map<string, Map<string, TrendPoint[]>>();
  for (const [key, months] of byKey) {
    const [systemId, itemId] = key.split('|');
    const points = [...months.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([month, value]) => ({ month, value }));
    if (!out.has(systemId)) out.set(systemId, new Map());
    out.get(systemId)!.set(itemId, points);
  }
  return out;
}
