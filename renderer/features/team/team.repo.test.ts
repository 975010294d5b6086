import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PersonnelChange } from '@shared/schemas/team';
import { verifyAuditChain } from '../../db/audit';
import { freshTestDb, seedSite, type TestDb } from '../../db/test/fresh-db';
import type { OnsiteDb } from '../../db/db';
import { PersonnelRuleError } from './personnel-rule';
import { fillRoster, savePersonnelChange, setDuty } from './team.repo';

let db: OnsiteDb;
let testDb: TestDb;
const change = (over: Partial<PersonnelChange> = {}) => ({
  leavingMemberId: 'u3',
  leavingName: '王堃',
  replacementName: '张明远',
  replacementPhone: '',
  replacementProfile: '',
  reason: '',
  noticeDate: '2026-11-16',
  plannedDate: '2026-12-21',
  status: 'pending' as const,
  notes: '',
  ...over,
});
const roster = () => db.roster.orderBy('date').toArray();

beforeEach(async () => {
  testDb = await freshTestDb({ actor: 'u1' });
  db = testDb.db;
  await seedSite(db);
});
afterEach(() => {
  testDb.close();
});

describe('personnel changes', () => {
  it('refuses a planned date under 30 days after the notice, storing nothing', async () => {
    await expect(savePersonnelChange(change({ plannedDate: '2026-12-15' }))).rejects.toBeInstanceOf(PersonnelRuleError);
    expect(await db.personnelChanges.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('saves one with 30 days or more, and its consent', async () => {
    const c = await savePersonnelChange(change());
    const consented = await savePersonnelChange({
      ...c,
      status: 'consented',
      consentDate: '2026-11-20',
      consentBy: '陈镕',
    });
    expect(consented).toMatchObject({
      id: c.id,
      status: 'consented',
      consentDate: '2026-11-20',
      createdAt: c.createdAt,
    });
    expect(await db.personnelChanges.count()).toBe(1);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});

describe('on-call roster', () => {
  it('keeps one engineer per day', async () => {
    await setDuty('2026-11-25', 'u2');
    await setDuty('2026-11-25', 'u3');
    expect((await roster()).map((e) => `${e.date} ${e.memberId}`)).toEqual(['2026-11-25 u3']);
    await setDuty('2026-11-25', null);
    expect(await roster()).toEqual([]);
  });

  it('fills only empty days unless told to overwrite', async () => {
    await setDuty('2026-12-02', 'u9');
    const days = ['2026-12-01', '2026-12-02', '2026-12-03'].map((date, i) => ({ date, memberId: i % 2 ? 'u3' : 'u2' }));
    expect(await fillRoster(days, false)).toBe(2);
    expect((await roster()).map((e) => e.memberId)).toEqual(['u2', 'u9', 'u2']);
    expect(await fillRoster(days, true)).toBe(3);
    expect((await roster()).map((e) => e.memberId)).toEqual(['u2', 'u3', 'u2']);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
