import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { freshTestDb, type TestDb, seedSite } from '../../db/test/fresh-db';
import type { OnsiteDb } from '../../db/db';
import { monitorOnce, startFaultMonitor } from './fault-monitor';
import { needsAttention } from './fault-view';
import { appendFaultEvents, createFault, getFault, listEvents } from './faults.repo';

let db: OnsiteDb;
let testDb: TestDb;
const h = (local: string) => `${local.replace(' ', 'T')}:00+08:00`;

beforeEach(async () => {
  testDb = await freshTestDb({ actor: 'u1' });
  db = testDb.db;
  await seedSite(db);
});
afterEach(() => {
  testDb.close();
});

async function level3(reportedAt: string) {
  const f = await createFault(
    {
      level: 3,
      channel: 'hotline',
      reporter: { name: '赵磊', department: '', phone: '', email: '' },
      symptoms: '堡垒机登录缓慢',
      description: '',
      occurredAt: h(reportedAt),
      reportedAt: h(reportedAt),
      systemId: 's1',
      assigneeId: 'u1',
    },
    [],
    new Date(h(reportedAt)),
  );
  await appendFaultEvents(f.id, [{ type: 'responded', at: h(reportedAt), payload: {} }], new Date(h(reportedAt)));
  return f;
}

describe('fault monitor', () => {
  it('alerts once when a clock is at risk, once when it breaches, and records the upgrade once', async () => {
    const f = await level3('2026-11-25 09:00');
    expect(await monitorOnce(new Date(h('2026-11-25 10:00')))).toEqual([]);
    const atRisk = await monitorOnce(new Date(h('2026-11-25 12:20')));
    expect(atRisk.map((a) => `${a.kind}:${a.clock}`)).toEqual(['at-risk:resolution']);
    expect(await monitorOnce(new Date(h('2026-11-25 12:30')))).toEqual([]);
    // The app was closed over the breach (13:00): on start, the upgrade (which says the resolution
    // deadline was missed) is recorded and announced; the new arrival clock then runs.
    const later = await monitorOnce(new Date(h('2026-11-25 13:40')));
    expect(later.map((a) => a.kind)).toEqual(['upgrade']);
    expect(later[0].level).toBe(2);
    expect(await getFault(f.id)).toMatchObject({ level: 2, track: 'onsite' });
    expect(await monitorOnce(new Date(h('2026-11-25 13:41')))).toEqual([]);
    expect((await monitorOnce(new Date(h('2026-11-25 14:40')))).map((a) => `${a.kind}:${a.clock}`)).toEqual([
      'at-risk:arrival',
    ]);
    expect((await monitorOnce(new Date(h('2026-11-25 15:01')))).map((a) => `${a.kind}:${a.clock}`)).toEqual([
      'breached:arrival',
    ]);
    expect(await monitorOnce(new Date(h('2026-11-25 15:30')))).toEqual([]);
    const upgrades = (await listEvents(f.id)).filter((e) => e.type === 'level-changed');
    expect(upgrades).toHaveLength(1);
    expect(await db.alertLog.count()).toBe(4);
  });

  it('counts a fault for the badge from its projection once an open clock is at risk', async () => {
    const f = await level3('2026-11-25 09:00');
    const row = (await getFault(f.id))!;
    expect(needsAttention(row, new Date(h('2026-11-25 12:11')))).toBe(false);
    expect(needsAttention(row, new Date(h('2026-11-25 12:12')))).toBe(true);
  });
});

describe('a policy edit', () => {
  it("rebuilds the open faults' stored deadlines once", async () => {
    const f = await level3('2026-11-25 09:00');
    await monitorOnce(new Date(h('2026-11-25 09:30')));
    expect((await getFault(f.id))?.urgent?.dueAt).toBe('2026-11-25T13:00:00+08:00');
    // The team shortens the remote resolution target to 2 hours in Settings.
    await db.settingValues.put({
      key: 'policy',
      value: {
        ...(await import('@shared/domain/fault-clock')).defaultPolicy(),
        remote: { responseMinutes: 30, resolutionMinutes: 120, reportMinutes: 480 },
      },
    });
    await monitorOnce(new Date(h('2026-11-25 09:31')));
    expect((await getFault(f.id))?.urgent?.dueAt).toBe('2026-11-25T11:00:00+08:00');
    const audits = (await db.auditLog.toArray()).filter((a) => a.summary.includes('projections rebuilt'));
    await monitorOnce(new Date(h('2026-11-25 09:32')));
    expect((await db.auditLog.toArray()).filter((a) => a.summary.includes('projections rebuilt'))).toHaveLength(
      audits.length,
    );
  });
});

describe('startFaultMonitor', () => {
  it('runs once per session: a second start while it runs starts nothing new', async () => {
    const stop = startFaultMonitor(3_600_000);
    expect(startFaultMonitor(3_600_000)).toBe(stop);
    stop();
    const again = startFaultMonitor(3_600_000);
    expect(again).not.toBe(stop);
    again();
    // Let the first passes finish before the database is closed.
    await monitorOnce(new Date());
  });
});
