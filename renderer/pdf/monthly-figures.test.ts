/*
 * Reconciliation: the monthly report's figures (monthlyFigures) against the same figures counted
 * here independently, record by record, from generated months, the way the lists in the app
 * count them (a fault by its occurrence date, a clock when it ended, a restore when it happened).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { demoMonthRecords } from './demo/monthly-demo';
import { fcRuns } from '@shared/util/fc-runs';
import { median, monthlyFigures, type MonthlyRecords } from '@shared/domain/monthly-service';

/** `YYYY-MM` of an instant in Shanghai (UTC+8, no daylight saving), written out again here on purpose. */
const shMonth = (iso: string) => new Date(Date.parse(iso) + 8 * 3_600_000).toISOString().slice(0, 7);
const pct = (met: number, total: number) => (total ? Math.round((met / total) * 1000) / 10 : undefined);

function independently(r: MonthlyRecords, now: Date) {
  const inM = (iso?: string) => !!iso && shMonth(iso) === r.month;
  const faults = r.faults.filter((f) => inM(f.occurredAt));
  const clocks = r.faults.flatMap((f) =>
    f.clocks
      .filter((c) => (c.status === 'met' || c.status === 'breached') && inM(c.endedAt))
      .map((c) => ({ ...c, level: f.level })),
  );
  const restored = r.faults.filter((f) => inM(f.restoredAt));
  const minutes = (f: (typeof restored)[number]) => (Date.parse(f.restoredAt!) - Date.parse(f.occurredAt)) / 60_000;
  const today = new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  const runs = r.inspections.filter((i) => i.month === r.month);
  const surveys = r.faults.filter((f) => f.satisfaction && inM(f.satisfaction.at)).map((f) => f.satisfaction!.score);
  return {
    faultCount: faults.length,
    levels: [1, 2, 3, 4].map((l) => faults.filter((f) => f.level === l).length),
    channels: Object.fromEntries(
      [...new Set(faults.map((f) => f.channel))].map((c) => [c, faults.filter((f) => f.channel === c).length]),
    ),
    families: Object.fromEntries(
      [...new Set(faults.map((f) => f.family))].map((c) => [c, faults.filter((f) => f.family === c).length]),
    ),
    byKind: ['response', 'reply', 'arrival', 'fix', 'resolution', 'report'].map((k) => {
      const list = clocks.filter((c) => c.kind === k);
      return [list.filter((c) => c.status === 'met').length, list.length];
    }),
    byLevel: [1, 2, 3, 4].map((l) => {
      const list = clocks.filter((c) => c.level === l);
      const met = list.filter((c) => c.status === 'met').length;
      return [met, list.length, pct(met, list.length)];
    }),
    restore: [1, 2, 3, 4].map((l) => {
      const v = restored.filter((f) => f.level === l).map(minutes);
      return [v.length, v.length ? Math.round((v.reduce((a, b) => a + b, 0) / v.length) * 10) / 10 : undefined];
    }),
    toExperts: r.faults.flatMap((f) => f.escalations).filter((e) => e.toTier === 2 && inM(e.at)).length,
    toVendors: r.faults.flatMap((f) => f.escalations).filter((e) => e.toTier === 3 && inM(e.at)).length,
    requests: r.requests.filter((q) => inM(q.receivedAt)).length,
    requestsDone: r.requests.filter((q) => inM(q.receivedAt) && q.doneAt).length,
    runsDone: runs.filter((i) => i.finishedAt).length,
    runsLate: runs.filter((i) =>
      i.finishedAt
        ? new Date(Date.parse(i.finishedAt) + 8 * 3_600_000).toISOString().slice(0, 10) > i.dueDate
        : today > i.dueDate,
    ).length,
    surveys: surveys.length,
    meanScore: surveys.length ? Math.round((surveys.reduce((a, b) => a + b, 0) / surveys.length) * 10) / 10 : undefined,
  };
}

describe('monthly service figures reconcile with the records', () => {
  it('property: every figure of a generated month equals the count made record by record', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 25 }),
        fc.constantFrom('2026-02', '2026-11', '2026-12'),
        (seed, faults, runs, month) => {
          const r = demoMonthRecords({ month, faults, runs, seed });
          const now = new Date(`${month}-20T04:00:00Z`);
          const f = monthlyFigures(r, now);
          const x = independently(r, now);
          expect(f.faultCount).toBe(x.faultCount);
          expect([1, 2, 3, 4].map((l) => f.byLevel[l as 1])).toEqual(x.levels);
          expect(f.byChannel).toEqual(x.channels);
          expect(f.byFamily).toEqual(x.families);
          expect(
            (['response', 'reply', 'arrival', 'fix', 'resolution', 'report'] as const).map((k) => [
              f.slaByKind[k].met,
              f.slaByKind[k].total,
            ]),
          ).toEqual(x.byKind);
          expect(
            [1, 2, 3, 4].map((l) => {
              const a = f.slaByLevel[l as 1];
              return [a.met, a.total, a.percent];
            }),
          ).toEqual(x.byLevel);
          expect([1, 2, 3, 4].map((l) => [f.restoreByLevel[l as 1].count, f.restoreByLevel[l as 1].mean])).toEqual(
            x.restore,
          );
          expect([f.escalations.toExperts, f.escalations.toVendors]).toEqual([x.toExperts, x.toVendors]);
          expect([f.requests.received, f.requests.done, f.requests.open]).toEqual([
            x.requests,
            x.requestsDone,
            x.requests - x.requestsDone,
          ]);
          expect([f.inspections.due, f.inspections.done, f.inspections.late]).toEqual([runs, x.runsDone, x.runsLate]);
          expect([f.satisfaction.surveys, f.satisfaction.mean]).toEqual([x.surveys, x.meanScore]);
          // The month's totals agree with each other.
          expect(f.slaOverall.total).toBe(x.byKind.reduce((n, [, t]) => n + t, 0));
          expect(Object.values(f.byChannel).reduce((a, b) => a + b, 0)).toBe(f.faultCount);
        },
      ),
      { numRuns: fcRuns(60) },
    );
  });

  it('a fault of the month before, restored this month, counts its restore here but not as a fault of the month', () => {
    const r = demoMonthRecords({ month: '2026-11', faults: 10, runs: 2, seed: 3 });
    const before = r.faults.find((f) => f.occurredAt < '2026-10-31T16:00:00.000Z')!;
    expect(before).toBeDefined();
    const f = monthlyFigures(r, new Date('2026-12-03T00:00:00Z'));
    expect(f.faultCount).toBe(
      r.faults.filter((x) => x.occurredAt >= '2026-10-31T16:00:00.000Z' && x.occurredAt < '2026-11-30T16:00:00.000Z')
        .length,
    );
    expect(f.faultCount).toBeLessThan(r.faults.length);
  });

  it('median of an even and an odd count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });

  it('generated values can be: restores after the fault, scores 1–5', () => {
    const r = demoMonthRecords({ month: '2026-11', faults: 300, runs: 20, seed: 9 });
    for (const f of r.faults) {
      if (f.restoredAt) expect(Date.parse(f.restoredAt)).toBeGreaterThan(Date.parse(f.occurredAt));
      if (f.satisfaction) expect([1, 2, 3, 4, 5]).toContain(f.satisfaction.score);
    }
  });
});
