import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { recordHash, verifyAuditChain } from '../../db/audit';
import { freshTestDb, type TestDb, seedSite } from '../../db/test/fresh-db';
import type { OnsiteDb } from '../../db/db';
import { approveWithPin, setFirstPin } from '../access';
import {
  appendFaultEvents,
  createFault,
  escalateFault,
  escalationNeedsPm,
  FaultInputError,
  listEvents,
  recordPendingUpgrades,
  type NewFault,
} from './faults.repo';
import { applyChecks, checkProjections } from './projection-check';

let db: OnsiteDb;
let testDb: TestDb;
const h = (local: string) => `${local.replace(' ', 'T')}:00+08:00`;

async function site(deviceCode: string) {
  await seedSite(db, { deviceCode });
}

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

const faultRows = () => db.faults.toArray();
const eventRows = () => db.faultEvents.toArray();

beforeEach(async () => {
  testDb = await freshTestDb({ actor: 'u1' });
  db = testDb.db;
  await site('A');
});
afterEach(() => {
  testDb.close();
});

describe('createFault', () => {
  it('writes the fault, its reported event and the audit entries together', async () => {
    const f = await createFault(intake(), [], new Date(h('2026-11-25 09:01')));
    expect(f.number).toBe('GZ-202611-A-001');
    expect(f.status).toBe('reported');
    expect(f.track).toBe('remote');
    expect(f.urgent?.kind).toBe('response');
    const events = await eventRows();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ faultId: f.id, seq: 0, type: 'reported', at: h('2026-11-25 09:00') });
    expect(f.lastSeq).toBe(0);
    const chain = await verifyAuditChain(db);
    expect(chain.ok && chain.count).toBe(2);
    const entries = await db.auditLog.orderBy('seq').toArray();
    expect(entries.map((e) => [e.entity, e.entityId, e.action, e.contentHash])).toEqual([
      ['faultEvents', events[0].id, 'create', recordHash(events[0])],
      ['faults', f.id, 'create', recordHash((await faultRows())[0])],
    ]);
  });

  it('refuses a report time before the occurrence, writing nothing', async () => {
    const err = await createFault(
      intake({ reportedAt: h('2026-11-25 08:00') }),
      [],
      new Date(h('2026-11-25 09:01')),
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(FaultInputError);
    expect((err as FaultInputError).field).toBe('reportedAt');
    expect(await faultRows()).toHaveLength(0);
    expect(await eventRows()).toHaveLength(0);
  });

  it('refuses an attachment over the limit before anything is written', async () => {
    const big = { name: 'dump.bin', mime: 'application/octet-stream', data: new Uint8Array(10 * 1024 * 1024 + 1) };
    await expect(createFault(intake({ saveReporterAsContact: true }), [big])).rejects.toMatchObject({
      messageKey: 'attachments:tooLarge',
    });
    expect(await faultRows()).toHaveLength(0);
    expect(await db.contacts.count()).toBe(0);
    expect(await db.attachments.count()).toBe(0);
  });

  it('saves a new reporter as a client contact in the same transaction', async () => {
    const f = await createFault(intake({ saveReporterAsContact: true }));
    const contacts = await db.contacts.toArray();
    expect(contacts).toHaveLength(1);
    expect(f.reporter.contactId).toBe(contacts[0].id);
  });
});

describe('fault numbers', () => {
  it('never repeat on one laptop, even when written at once', async () => {
    const made = await Promise.all([1, 2, 3, 4, 5].map(() => createFault(intake())));
    expect(made.map((f) => f.number).sort()).toEqual([
      'GZ-202611-A-001',
      'GZ-202611-A-002',
      'GZ-202611-A-003',
      'GZ-202611-A-004',
      'GZ-202611-A-005',
    ]);
  });

  it('carry the device code, so two laptops never collide, and continue after imported numbers', async () => {
    await createFault(intake());
    await site('B');
    const b = await createFault(intake());
    expect(b.number).toBe('GZ-202611-B-001');
    await site('A');
    const other = await createFault(intake({ reportedAt: h('2026-12-01 10:00') }), [], new Date(h('2026-12-01 10:01')));
    expect(other.number).toBe('GZ-202612-A-001');
    const again = await createFault(intake());
    expect(again.number).toBe('GZ-202611-A-002');
  });
});

describe('appendFaultEvents', () => {
  it('writes the projection in the transaction of the event: a failure later in it leaves both untouched', async () => {
    const f = await createFault(intake(), [], new Date(h('2026-11-25 09:01')));
    await expect(
      appendFaultEvents(
        f.id,
        [{ type: 'responded', at: h('2026-11-25 09:05'), payload: {} }],
        new Date(h('2026-11-25 09:06')),
        [],
        async () => {
          throw new Error('disk unplugged');
        },
      ),
    ).rejects.toThrow();
    expect(await eventRows()).toHaveLength(1);
    expect((await faultRows())[0].status).toBe('reported');

    const after = await appendFaultEvents(
      f.id,
      [{ type: 'responded', at: h('2026-11-25 09:05'), payload: {} }],
      new Date(h('2026-11-25 09:06')),
    );
    expect(after.status).toBe('responded');
    expect(after.lastSeq).toBe(1);
    expect((await faultRows())[0]).toEqual(after);
  });

  it('refuses a clock event earlier than the last one (the log stays in order)', async () => {
    const f = await createFault(intake(), [], new Date(h('2026-11-25 09:01')));
    await appendFaultEvents(
      f.id,
      [{ type: 'paused', at: h('2026-11-25 10:00'), payload: {} }],
      new Date(h('2026-11-25 10:01')),
    );
    const err = await appendFaultEvents(
      f.id,
      [{ type: 'resumed', at: h('2026-11-25 09:30'), payload: {} }],
      new Date(h('2026-11-25 10:02')),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ messageKey: 'faults:errors.beforeLastEvent', field: 'at' });
  });

  it('refuses a waiver for a level-3 fault (the engine says the log would be malformed)', async () => {
    const f = await createFault(intake(), [], new Date(h('2026-11-25 09:01')));
    const err = await appendFaultEvents(
      f.id,
      [{ type: 'report-waived', at: h('2026-11-25 09:10'), payload: { reason: 'x' } }],
      new Date(h('2026-11-25 09:11')),
    ).catch((e: unknown) => e);
    expect(err).toMatchObject({ messageKey: 'faults:errors.badLog' });
    expect(await eventRows()).toHaveLength(1);
  });
});

describe('closing', () => {
  it('a level-4 fault closes with the report waived for a reason, in one append', async () => {
    const f = await createFault(intake({ level: 4 }), [], new Date(h('2026-11-25 09:01')));
    const now = new Date(h('2026-11-25 10:30'));
    await appendFaultEvents(
      f.id,
      [
        {
          type: 'resolved',
          at: h('2026-11-25 10:00'),
          payload: { rootCause: '咨询', resolution: '电话说明', prevention: '' },
        },
      ],
      now,
    );
    const closed = await appendFaultEvents(
      f.id,
      [
        { type: 'report-waived', at: h('2026-11-25 10:20'), payload: { reason: '咨询类问题，客户同意免出报告' } },
        { type: 'closed', at: h('2026-11-25 10:20'), payload: {} },
      ],
      now,
    );
    expect(closed).toMatchObject({ status: 'closed', flags: { reportWaived: true }, closedAt: h('2026-11-25 10:20') });
    expect(closed.attentionAt).toBeUndefined();
  });
});

describe('automatic upgrade', () => {
  it('is recorded once, stamped with the breach instant, and moves level 3 to level 2 on site', async () => {
    const f = await createFault(intake(), [], new Date(h('2026-11-25 09:01')));
    await appendFaultEvents(
      f.id,
      [{ type: 'responded', at: h('2026-11-25 09:10'), payload: {} }],
      new Date(h('2026-11-25 09:11')),
    );
    expect(await recordPendingUpgrades(f.id, new Date(h('2026-11-25 12:59')))).toHaveLength(0);
    const now = new Date(h('2026-11-25 15:00'));
    const first = await recordPendingUpgrades(f.id, now);
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      type: 'level-changed',
      by: 'system',
      payload: { level: 2, reason: 'auto-upgrade', from: 3 },
    });
    expect(Date.parse(first[0].at)).toBe(Date.parse(h('2026-11-25 13:00')));
    expect(await recordPendingUpgrades(f.id, now)).toHaveLength(0);
    expect(await recordPendingUpgrades(f.id, new Date(h('2026-11-25 15:30')))).toHaveLength(0);
    const row = (await faultRows())[0];
    expect(row).toMatchObject({ level: 2, track: 'onsite' });
    const upgrades = (await listEvents(f.id)).filter((e) => e.type === 'level-changed');
    expect(upgrades).toHaveLength(1);
  });

  it('is recorded with the next event when nobody recorded it before (a breach while the app was closed)', async () => {
    const f = await createFault(intake(), [], new Date(h('2026-11-25 09:01')));
    const row = await appendFaultEvents(
      f.id,
      [{ type: 'responded', at: h('2026-11-26 10:00'), payload: {} }],
      new Date(h('2026-11-26 10:01')),
    );
    expect(row.level).toBe(2);
    const types = (await listEvents(f.id)).map((e) => e.type);
    expect(types.filter((t) => t === 'level-changed')).toHaveLength(1);
    expect(await recordPendingUpgrades(f.id, new Date(h('2026-11-26 10:05')))).toHaveLength(0);
  });
});

describe('a projection changed behind the app', () => {
  it('is found against its log: the list shows what the log says and names the stored value', async () => {
    const now = new Date(h('2026-11-25 09:01'));
    const kept = await createFault(intake(), [], now);
    const changed = await createFault(intake({ symptoms: '防火墙 HA 切换' }), [], now);
    await db.faults.update(changed.id, { level: 1 });
    const stored = await faultRows();
    const found = await checkProjections(stored);
    expect([...found.keys()]).toEqual([changed.id]);
    expect(found.get(changed.id)?.mismatches).toEqual([{ field: 'level', stored: 1, derived: 3 }]);
    const shown = applyChecks(stored, found);
    expect(shown.find((f) => f.id === changed.id)?.level).toBe(3);
    expect(shown.find((f) => f.id === kept.id)).toBe(stored.find((f) => f.id === kept.id));
  });
});

describe(
  'escalateFault: the escalation of a level-1 fault is received by the project manager',
  { timeout: 60_000 },
  () => {
    const member = (id: string, role: 'pm' | 'engineer', name: string) => ({
      id,
      name,
      role,
      phone: '',
      active: true,
      createdAt: h('2026-11-01 09:00'),
      updatedAt: h('2026-11-01 09:00'),
      createdBy: 'system',
      updatedBy: 'system',
    });
    const escalation = (at: string) => ({
      at,
      fromTier: 1 as const,
      toTier: 2 as const,
      recipientId: 'x1',
      recipientName: '吴涛',
      reason: '需二线专家协助',
      systemInfo: '',
      actionsSummary: '',
    });
    const at = (local: string) => new Date(h(local));

    beforeEach(async () => {
      await db.team.bulkPut([member('pm1', 'pm', '周海峰'), member('u1', 'engineer', '李喆')]);
      await setFirstPin('pm1', '909090', at('2026-11-25 08:00'));
      await setFirstPin('u1', '112233', at('2026-11-25 08:00'));
    });

    it('refuses without the PM approval, and records who received it and when with it', async () => {
      const f = await createFault(intake({ level: 1 }), [], at('2026-11-25 09:01'));
      expect(await escalationNeedsPm(f.id, at('2026-11-25 09:10'))).toBe(true);
      // The engineer's own PIN is not the project manager's.
      await expect(approveWithPin('fault-l1-escalation', '112233', at('2026-11-25 09:09'))).rejects.toMatchObject({
        code: 'pmWrong',
      });
      // No approval, one made up in code, or an approval of another decision: refused, nothing written.
      const forged = {
        decision: 'fault-l1-escalation' as const,
        approverId: 'pm1',
        approverName: '周海峰',
        approvedAt: h('2026-11-25 09:09'),
      };
      const other = await approveWithPin('inspection-onsite-fix', '909090', at('2026-11-25 09:09'));
      for (const approval of [undefined, null, forged, other])
        await expect(
          escalateFault(f.id, escalation(h('2026-11-25 09:10')), approval, at('2026-11-25 09:10')),
        ).rejects.toMatchObject({ code: 'approvalRequired' });
      // Nor around escalateFault: an escalation event appended directly, with or without a receipt in it.
      const { at: when, ...payload } = escalation(h('2026-11-25 09:10'));
      const receipt = { approverId: 'pm1', approverName: '周海峰', approvedAt: h('2026-11-25 09:09') };
      for (const p of [payload, { ...payload, receivedBy: receipt }])
        await expect(
          appendFaultEvents(f.id, [{ type: 'escalation', at: when, payload: p }], at('2026-11-25 09:10')),
        ).rejects.toMatchObject({ code: 'approvalRequired' });
      expect((await eventRows()).map((e) => e.type)).toEqual(['reported']);

      const approval = await approveWithPin('fault-l1-escalation', '909090', at('2026-11-25 09:09'));
      const next = await escalateFault(f.id, escalation(h('2026-11-25 09:10')), approval, at('2026-11-25 09:10'));
      expect(next.tier).toBe(2);
      const row = (await eventRows()).find((e) => e.type === 'escalation');
      expect(row?.payload).toMatchObject({
        receivedBy: { approverId: 'pm1', approverName: '周海峰', approvedAt: at('2026-11-25 09:09').toISOString() },
      });
      // The audit entry says who approved and when.
      const entries = await db.auditLog.where('entity').equals('faultEvents').toArray();
      expect(entries.at(-1)?.summary).toContain(
        `escalation L1→L2 received and approved by project manager 周海峰 (pm1) at ${new Date(h('2026-11-25 09:09')).toISOString()}`,
      );
      expect((await verifyAuditChain(db)).ok).toBe(true);
      // An approval serves once.
      await expect(
        escalateFault(
          f.id,
          { ...escalation(h('2026-11-25 09:20')), fromTier: 2, toTier: 3 },
          approval,
          at('2026-11-25 09:20'),
        ),
      ).rejects.toMatchObject({ code: 'approvalRequired' });
    });

    it('needs no approval below level 1, and records none', async () => {
      const f = await createFault(intake({ level: 3 }), [], at('2026-11-25 09:01'));
      expect(await escalationNeedsPm(f.id, at('2026-11-25 09:10'))).toBe(false);
      await escalateFault(f.id, escalation(h('2026-11-25 09:10')), undefined, at('2026-11-25 09:10'));
      const row = (await eventRows()).find((e) => e.type === 'escalation');
      expect(row?.payload).not.toHaveProperty('receivedBy');
    });
  },
);
