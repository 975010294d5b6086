import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KEEP_NEWEST, selectRetained } from './backup-retention';

const now = new Date(2026, 10, 25, 12).getTime();
const at = (daysAgo: number, hour: number) => new Date(2026, 10, 25 - daysAgo, hour).getTime();

describe('selectRetained', () => {
  it('keeps everything when there are few backups', () => {
    const items = [0, 1, 2].map((d) => ({ name: `b${d}`, modifiedMs: at(d, 9) }));
    expect(selectRetained(items, now).remove).toEqual([]);
  });

  it('keeps one a day (the newest) inside 30 days, and nothing older beyond the newest 10', () => {
    const items = [
      ...Array.from({ length: 10 }, (_, i) => ({ name: `today-${i}`, modifiedMs: at(0, i) })),
      { name: 'd1-a', modifiedMs: at(1, 8) },
      { name: 'd1-b', modifiedMs: at(1, 20) },
      { name: 'd29', modifiedMs: at(29, 23) },
      { name: 'd30', modifiedMs: at(30, 23) },
    ];
    const { keep, remove } = selectRetained(items, now);
    expect(keep.map((i) => i.name)).toEqual([...Array.from({ length: 10 }, (_, i) => `today-${9 - i}`), 'd1-b', 'd29']);
    expect(remove.map((i) => i.name)).toEqual(['d1-a', 'd30']);
  });

  it('invariants: a partition; the newest 10 kept; beyond them at most one per day, none older than 30 days (property)', () => {
    const item = fc.record({
      name: fc.string({ maxLength: 6 }),
      modifiedMs: fc.integer({ min: now - 90 * 86_400_000, max: now }),
    });
    const dayOf = (ms: number) => new Date(ms).toDateString();
    const firstDay = new Date(2026, 10, 25 - 29).getTime();
    fc.assert(
      fc.property(fc.array(item, { maxLength: 80 }), (items) => {
        const { keep, remove } = selectRetained(items, now);
        expect(keep.length + remove.length).toBe(items.length);
        expect(new Set([...keep, ...remove]).size).toBe(items.length);
        const times = items.map((i) => i.modifiedMs).sort((a, b) => b - a);
        const tenth = times[Math.min(KEEP_NEWEST, times.length) - 1] ?? Infinity;
        // Everything strictly newer than the 10th newest is kept, and at least 10 (or all) are.
        for (const i of items) if (i.modifiedMs > tenth) expect(keep).toContain(i);
        expect(keep.length).toBeGreaterThanOrEqual(Math.min(KEEP_NEWEST, items.length));
        // The extras beyond the newest 10: inside the 30-day window, one per day, the newest of that day.
        const extras = keep.slice(KEEP_NEWEST);
        for (const e of extras) {
          expect(e.modifiedMs).toBeGreaterThanOrEqual(firstDay);
          const sameDay = items.filter((i) => dayOf(i.modifiedMs) === dayOf(e.modifiedMs));
          expect(e.modifiedMs).toBe(Math.max(...sameDay.map((i) => i.modifiedMs)));
        }
        expect(new Set(extras.map((e) => dayOf(e.modifiedMs))).size).toBe(extras.length);
      }),
    );
  });
});
