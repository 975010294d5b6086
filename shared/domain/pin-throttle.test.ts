import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PM_ONLY_AFTER, throttleDelaySeconds, throttleState } from './pin-throttle';

describe('wrong-PIN throttle schedule', () => {
  it('lets the first two slips pass, then doubles from 5 s, capped at 5 min', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map(throttleDelaySeconds)).toEqual([0, 0, 0, 5, 10, 20, 40, 80, 160, 300]);
  });

  it('after ten in a row waiting no longer helps: only the project manager', () => {
    expect(PM_ONLY_AFTER).toBe(10);
    expect(throttleDelaySeconds(10)).toBe(Infinity);
    expect(throttleState(10, 0, 1e12)).toEqual({ kind: 'pm-only' });
    expect(throttleState(25, undefined, 0)).toEqual({ kind: 'pm-only' });
  });

  it('never shrinks as wrong PINs add up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20 }), (n) => {
        expect(throttleDelaySeconds(n + 1)).toBeGreaterThanOrEqual(throttleDelaySeconds(n));
      }),
    );
  });

  it('says how long is left, and opens once the delay has passed', () => {
    const last = Date.parse('2026-11-02T08:00:00Z');
    expect(throttleState(3, last, last + 1000)).toEqual({ kind: 'wait', until: last + 5000, seconds: 4 });
    expect(throttleState(3, last, last + 5000)).toEqual({ kind: 'open' });
    expect(throttleState(2, last, last)).toEqual({ kind: 'open' });
    expect(throttleState(0, undefined, last)).toEqual({ kind: 'open' });
  });
});
