import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ClockDriftError, compareHlc, decodeHlc, encodeHlc, receive, tick, type Hlc } from './hlc';

const hlc = (device: string) =>
  fc.record({
    wall: fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }),
    counter: fc.integer({ min: 0, max: 0xffff }),
    device: fc.constant(device),
  });

describe('hybrid logical clock', () => {
  it('encodes so that string order is clock order', () => {
    fc.assert(
      fc.property(hlc('A'), hlc('B'), (a, b) => {
        const byFields = a.wall - b.wall || a.counter - b.counter || (a.device < b.device ? -1 : 1);
        expect(Math.sign(compareHlc(encodeHlc(a), encodeHlc(b)))).toBe(Math.sign(byFields));
        expect(decodeHlc(encodeHlc(a))).toEqual(a);
      }),
    );
  });

  it('ticks strictly forward, also when the wall clock goes back', () => {
    fc.assert(
      fc.property(hlc('A'), fc.integer({ min: 1_600_000_000_000, max: 1_900_000_000_000 }), (last, now) => {
        const next = tick(last, now);
        expect(compareHlc(encodeHlc(next), encodeHlc(last))).toBe(1);
        expect(next.wall).toBeGreaterThanOrEqual(now);
      }),
    );
  });

  it('after receiving, is ahead of both its own and the remote stamp', () => {
    fc.assert(
      fc.property(hlc('A'), hlc('B'), (last, remote) => {
        const now = Math.max(last.wall, remote.wall) - 1000;
        const next = receive(last, remote, now);
        expect(next.device).toBe('A');
        // (wall, counter) pairs compared as pairs: wall × 65536 would exceed 2^53.
        const after = (x: Hlc, y: Hlc) => x.wall > y.wall || (x.wall === y.wall && x.counter > y.counter);
        expect(after(next, last)).toBe(true);
        expect(after(next, remote)).toBe(true);
      }),
    );
  });

  it('refuses a remote clock more than a day ahead', () => {
    const last: Hlc = { wall: 1_700_000_000_000, counter: 0, device: 'A' };
    const remote: Hlc = { wall: last.wall + 2 * 86_400_000, counter: 0, device: 'B' };
    expect(() => receive(last, remote, last.wall)).toThrow(ClockDriftError);
    expect(() => decodeHlc('garbage')).toThrow(RangeError);
  });
});
