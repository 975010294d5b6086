import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPolicy } from '@shared/domain/fault-clock';
import { freshTestDb, type TestDb } from '../../db/test/fresh-db';
import type { OnsiteDb } from '../../db/db';
import { verifyAuditChain } from '../../db/audit';
import { loadClockConfig } from '../../core';
import { CalendarInputError, resetCalendarYear, saveCalendarYear, savePolicy, saveWorkHours } from './calendar.repo';

let db: OnsiteDb;
let testDb: TestDb;
beforeEach(async () => {
  testDb = await freshTestDb({ actor: 'tester' });
  db = testDb.db;
});
afterEach(() => testDb.close());

describe('calendar settings', () => {
  it('stores an imported year; the clocks use it; the edit is audited', async () => {
    await saveCalendarYear(
      JSON.stringify({ year: 2027, holidays: ['2027-01-01', '2027-02-08'], workdays: ['2027-02-06'] }),
    );
    const { calendar } = await loadClockConfig();
    expect(calendar.years).toContain(2027);
    expect(calendar.holidays).toContain('2027-02-08');
    expect(calendar.workdays).toContain('2027-02-06');
    const entries = await db.auditLog.toArray();
    expect(entries.at(-1)).toMatchObject({ entity: 'calendars', entityId: '2027', action: 'settings' });
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('refuses a bad year with every problem and stores nothing', async () => {
    // 2027-02-03 is a Wednesday: not a possible 调休 working day; 2026-05-01 is in the wrong year.
    const bad = { year: 2027, holidays: ['2026-05-01', '2027-13-01'], workdays: ['2027-02-03'] };
    const err = await saveCalendarYear(bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CalendarInputError);
    const codes = (err as CalendarInputError).issues.map((i) => (typeof i === 'string' ? i : i.code));
    expect(codes).toEqual(expect.arrayContaining(['wrong-year', 'workday-not-weekend']));
    expect(await db.calendars.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('refuses text that is not JSON', async () => {
    const err = (await saveCalendarYear('{ not json').catch((e: unknown) => e)) as CalendarInputError;
    expect(err.issues.map((i) => (typeof i === 'string' ? i : i.code))).toEqual(['invalid-json']);
  });

  it('resetting a year brings back the built-in data', async () => {
    await saveCalendarYear({ year: 2026, holidays: ['2026-01-01'], workdays: [] });
    expect((await loadClockConfig()).calendar.holidays).not.toContain('2026-10-01');
    await resetCalendarYear(2026);
    expect((await loadClockConfig()).calendar.holidays).toContain('2026-10-01');
  });

  it('work hours: overlapping windows are refused; a lunch break is kept', async () => {
    await expect(
      saveWorkHours([
        { start: '09:00', end: '13:00' },
        { start: '12:00', end: '17:00' },
      ]),
    ).rejects.toBeInstanceOf(CalendarInputError);
    await saveWorkHours([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ]);
    expect((await loadClockConfig()).calendar.workHours).toEqual([
      { start: '09:00', end: '12:00' },
      { start: '13:00', end: '17:30' },
    ]);
  });

  it('policy: a zero target is refused; a valid change applies and the audit names old and new', async () => {
    const base = defaultPolicy();
    await expect(
      savePolicy({ ...base, remote: { ...base.remote, resolutionMinutes: 0 } }, base),
    ).rejects.toBeInstanceOf(CalendarInputError);
    await savePolicy({ ...base, remote: { ...base.remote, resolutionMinutes: 300 } }, base);
    expect((await loadClockConfig()).policy.remote.resolutionMinutes).toBe(300);
    expect((await db.auditLog.toArray()).at(-1)?.summary).toContain('remote.resolutionMinutes: 240 → 300');
  });
});
