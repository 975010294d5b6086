import { describe, expect, it } from 'vitest';
import { addMonths, monthsToThreshold, slopePerMonth, sparkline, trendDirection } from './inspection-trend';

const pts = (...values: number[]) => values.map((value, i) => ({ month: addMonths('2026-07', i), value }));

describe('trend', () => {
  it('slope per month by least squares', () => {
    expect(slopePerMonth(pts(50, 55, 60, 65))).toBeCloseTo(5);
    expect(slopePerMonth(pts(50))).toBe(0);
  });

  it('a rising usage against a ≤ limit is worsening; a falling free % against a ≥ floor too', () => {
    expect(trendDirection(pts(60, 65, 70), { comparator: '<=', threshold: 75 })).toBe('worsening');
    expect(trendDirection(pts(35, 30, 26), { comparator: '>=', threshold: 20 })).toBe('worsening');
    expect(trendDirection(pts(35, 38, 41), { comparator: '>=', threshold: 20 })).toBe('improving');
    expect(trendDirection(pts(60, 60.5, 60.2), { comparator: '<=', threshold: 80 })).toBe('stable');
  });

  it('months until the threshold at the current pace', () => {
    expect(monthsToThreshold(pts(60, 65, 70), { comparator: '<=', threshold: 75 })).toBeCloseTo(1);
    expect(monthsToThreshold(pts(60, 65, 80), { comparator: '<=', threshold: 75 })).toBe(0);
    expect(monthsToThreshold(pts(70, 65, 60), { comparator: '<=', threshold: 75 })).toBeUndefined();
    // At an inclusive limit of 0 and steady: not past it, not heading out.
    expect(monthsToThreshold(pts(0, 0, 0), { comparator: '<=', threshold: 0 })).toBeUndefined();
    expect(monthsToThreshold(pts(0, 0, 1), { comparator: '<=', threshold: 0 })).toBe(0);
  });

  it('an impossible backup success rate (150 % and up) is never an improvement, and is out of range now', () => {
    const spec = { unit: '%', comparator: '>=' as const, threshold: 98 };
    // Without the unit the same numbers read as a steady improvement; with it, the impossible points are left out.
    expect(trendDirection(pts(99, 150, 170, 199), { comparator: '>=', threshold: 98 })).toBe('improving');
    expect(trendDirection(pts(99, 150, 170, 199), spec)).toBe('stable');
    expect(monthsToThreshold(pts(99, 99.5, 150), spec)).toBe(0);
  });

  it('months roll over the year', () => {
    expect(addMonths('2026-11', 2)).toBe('2027-01');
    expect(addMonths('2026-01', -1)).toBe('2025-12');
  });

  it('sparkline maps the highest value to the top and draws the threshold inside the box', () => {
    const s = sparkline(pts(10, 20, 30), 100, 20, 25, 0);
    expect(s.dots[0]).toEqual({ x: 0, y: 20 });
    expect(s.dots[2]).toEqual({ x: 100, y: 0 });
    expect(s.thresholdY).toBeCloseTo(5);
    expect(s.line).toBe('0,20 50,10 100,0');
  });
});
