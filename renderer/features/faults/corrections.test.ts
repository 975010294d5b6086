import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../db/audit';
import { freshTestDb, type TestDb, seedSite } from '../../db/test/fresh-db';
import type { OnsiteDb } from '../../db/db';
import { changeFaultLevel, correctIntake } from './corrections';
import { createFault, FaultInputError, listEvents, type NewFault } from './faults.repo';

let db: OnsiteDb;
let testDb: TestDb;
const h = (local: string) => `${local.replace(' ', 'T')}:00+08:00`;

function intake(over: Partial<NewFault> = {}): NewFault {
  return {
    level: 3,
    channel: 'hotline',
    reporter: { name: '赵磊', department: '信息技术部', phone: '021-6888 1215', email: '' },
    symptoms: '堡垒机 RDP 会话频繁断开',
    description: '',
    occurredAt: h('2026-11-25 08:50'),
    reportedAt: h('2026-11-25 09:00'),
    systemId: 'sys-1',
    assigneeId: 'u1',
    ...over,
  };
}

beforeEach(async () => {
  testDb = await freshTestDb({ actor: 'u1' });
  db = testDb.db;
  await seedSite(db);
});
afterEach(() => testDb.close());

describe('corrections after saving', () => {
  it('a level change is an audited event; the row follows it and the track moves on site', async () => {
    const f = await createFault(intake(), [], new Date(h('2026-11-25 09:01')));
    const now = new Date(h('2026-11-25 09:30'));
    const after = await changeFaultLevel(f, 2, '交易系统受影响', now);
    expect(after).toMatchObject({ level: 2, track: 'onsite' });
    const ev = (await listEvents(f.id)).find((e) => e.type === 'level-changed');
    expect(ev).toMatchObject({ at: now.toISOString(), payload: { level: 2, from: 3, reason: '交易系统受影响' } });
    const audit = await db.auditLog.toArray();
    expect(audit.some((a) => a.summary.includes('level-changed→2'))).toBe(true);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('refuses a change without a reason, to the same level, and the reserved auto-upgrade marker', async () => {
    const f = await createFault(intake(), [], new Date(h('2026-11-25 09:01')));
    const now = new Date(h('2026-11-25 09:30'));
    await expect(changeFaultLevel(f, 2, '  ', now)).rejects.toBeInstanceOf(FaultInputError);
    await expect(changeFaultLevel(f, 3, 'x', now)).rejects.toMatchObject({ messageKey: 'faults:errors.sameLevel' });
    await expect(changeFaultLevel(f, 2, 'auto-upgrade', now)).rejects.toBeInstanceOf(FaultInputError);
    expect((await listEvents(f.id)).length).toBe(1);
  });

  it('an intake correction keeps the previous values in the event and the row shows the new ones', async () => {
    const f = await createFault(intake(), [], new Date(h('2026-11-25 09:01')));
    const next = {
      reporter: { name: '钱敏', department: '运营部', phone: '', email: 'qm@example.com' },
      channel: 'email' as const,
      complexity: 'complex' as const,
      systemId: 'sys-2',
      symptoms: '堡垒机无法登录',
    };
    const after = await correctIntake(f, next, '登记时选错了系统', new Date(h('2026-11-25 09:40')));
    expect(after).toMatchObject({
      channel: 'email',
      complexity: 'complex',
      systemId: 'sys-2',
      symptoms: '堡垒机无法登录',
      reporter: { name: '钱敏' },
    });
    const ev = (await listEvents(f.id)).find((e) => e.type === 'intake-corrected');
    expect(ev?.payload).toMatchObject({
      reason: '登记时选错了系统',
      channel: { from: 'hotline', to: 'email' },
      systemId: { from: 'sys-1', to: 'sys-2' },
      symptoms: { from: '堡垒机 RDP 会话频繁断开', to: '堡垒机无法登录' },
      reporter: { from: { name: '赵磊' }, to: { name: '钱敏' } },
    });
    // Nothing left to correct: refused, nothing written.
    await expect(correctIntake(after, next, 'again', new Date(h('2026-11-25 09:50')))).rejects.toMatchObject({
      messageKey: 'faults:errors.nothingCorrected',
    });
    expect((await listEvents(f.id)).length).toBe(2);
  });
});
