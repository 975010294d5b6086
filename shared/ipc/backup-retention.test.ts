import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composeBackupName, parseBackupName, pinnedReasons } from './backup-names';
import { KEEP_NEWEST, planRetention, selectRetained } from './backup-retention';

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

describe('planRetention', () => {
  const reasons = ['auto', 'manual', 'close', 'pre-upgrade', 'pre-restore'] as const;
  const candidate = fc
    .record({
      at: fc.integer({ min: now - 90 * 86_400_000, max: now }),
      device: fc.constantFrom('A', 'B', 'AB'),
      reason: fc.constantFrom(...reasons),
      inManifest: fc.boolean(),
      pinnedByPerson: fc.boolean(),
      foreignName: fc.boolean(),
    })
    .map((c) => ({
      name: c.foreignName ? `copy-${c.at}.odbk` : composeBackupName(c.device, c.reason, new Date(c.at)),
      modifiedMs: c.at,
      inManifest: c.inManifest,
      pinned: pinnedReasons.has(c.reason) || c.pinnedByPerson,
      device: c.foreignName ? null : c.device,
    }));

  it('never deletes a pinned file, another laptop’s file, or a file missing from this laptop’s manifest (property)', () => {
    fc.assert(
      fc.property(fc.array(candidate, { maxLength: 120 }), (items) => {
        const removed = planRetention(items, 'A', now);
        for (const r of removed) {
          expect(r.pinned).toBe(false);
          expect(r.inManifest).toBe(true);
          expect(r.device).toBe('A');
          expect(parseBackupName(r.name)?.deviceCode).toBe('A');
        }
        // And it still rotates this laptop's own unpinned files by the same rule.
        const own = items.filter((i) => i.inManifest && !i.pinned && i.device === 'A');
        expect(removed).toEqual(selectRetained(own, now).remove);
      }),
      { seed: 20261204, verbose: true },
    );
  });

  it('keeps an old pre-restore backup that the plain rule would drop', () => {
    const old = { name: composeBackupName('A', 'pre-restore', new Date(at(60, 9))), modifiedMs: at(60, 9) };
    const items = [
      { ...old, inManifest: true, pinned: true },
      ...Array.from({ length: 12 }, (_, i) => ({
        name: composeBackupName('A', 'auto', new Date(at(0, i))),
        modifiedMs: at(0, i),
        inManifest: true,
        pinned: false,
      })),
    ];
    expect(selectRetained(items, now).remove.map((i) => i.name)).toContain(old.name);
    expect(planRetention(items, 'A', now).map((i) => i.name)).not.toContain(old.name);
    expect(planRetention(items, 'A', now)).toHaveLength(2); // today's two oldest autos, beyond the newest 10
  });
});
