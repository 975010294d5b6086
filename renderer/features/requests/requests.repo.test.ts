import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCalendar } from '@shared/domain/calendar';
import { defaultPolicy } from '@shared/domain/fault-clock';
import { recordHash } from '../../db/audit';
import { freshTestDb, type TestDb, seedSite } from '../../db/test/fresh-db';
import type { OnsiteDb } from '../../db/db';
import { createRequest, requestClock, requestStep, type NewRequest } from './requests.repo';

let db: OnsiteDb;
let testDb: TestDb;
const h = (local: string) => `${local.replace(' ', 'T')}:00+08:00`;
const cfg = { calendar: defaultCalendar(), policy: defaultPolicy() };

function input(over: Partial<NewRequest> = {}): NewRequest {
  return {
    type: 'account-permission',
    channel: 'hotline',
    reporter: { name: '刘婷', department: '信息安全部', phone: '021-6888 1230', email: '' },
    systemId: '',
    assigneeId: 'u1',
    title: '开通堡垒机审计账号',
    description: '',
    receivedAt: h('2026-11-25 16:50'),
    ...over,
  };
}

beforeEach(async () => {
  testDb = await freshTestDb({ actor: 'u1' });
  db = testDb.db;
  await seedSite(db, { deviceCode: 'B' });
});
afterEach(() => {
  testDb.close();
});

describe('service requests', () => {
  it('are numbered per laptop and month, and saved with the new reporter as a contact in one go', async () => {
    const now = new Date(h('2026-11-25 17:00'));
    const a = await createRequest(input({ saveReporterAsContact: true }), now);
    const b = await createRequest(input(), now);
    expect([a.number, b.number]).toEqual(['XQ-202611-B-001', 'XQ-202611-B-002']);
    const contacts = await db.contacts.toArray();
    expect(contacts).toHaveLength(1);
    expect(a.reporter.contactId).toBe(contacts[0].id);
    expect(contacts[0]).toMatchObject({ kind: 'client', name: a.reporter.name, phone: a.reporter.phone });
    expect(b.reporter.contactId).toBeUndefined();
    // Stored as returned, and each write has its audit entry with the stored row's content hash.
    expect(await db.serviceRequests.get(a.id)).toMatchObject({ number: a.number, status: 'open' });
    const entries = await db.auditLog.orderBy('seq').toArray();
    expect(entries.map((e) => [e.entity, e.entityId])).toEqual([
      ['contacts', contacts[0].id],
      ['serviceRequests', a.id],
      ['serviceRequests', b.id],
    ]);
    expect(entries[1].contentHash).toBe(recordHash(await db.serviceRequests.get(a.id)));
  });

  it('run a 30-minute 5×8 response clock that crosses the evening', async () => {
    const r = await createRequest(input(), new Date(h('2026-11-25 17:00')));
    // 16:50 + 30 business minutes = 10 minutes today, 20 tomorrow from 09:00.
    const c = requestClock(r, cfg, new Date(h('2026-11-26 09:15')));
    expect(c.dueAt).toBe('2026-11-26T09:20:00+08:00');
    expect(c.state).toBe('at-risk');
    const late = requestClock(r, cfg, new Date(h('2026-11-26 09:25')));
    expect(late.state).toBe('breached');
    const responded = await requestStep(
      r.id,
      { type: 'responded', at: h('2026-11-26 09:15') },
      new Date(h('2026-11-26 09:16')),
    );
    expect(requestClock(responded, cfg, new Date(h('2026-11-26 12:00'))).state).toBe('met');
  });

  it('go through analysis and resolution by phone or on site, with the history kept', async () => {
    const r = await createRequest(input(), new Date(h('2026-11-25 17:00')));
    const now = new Date(h('2026-11-26 11:00'));
    await requestStep(r.id, { type: 'analysed', at: h('2026-11-26 09:30'), analysis: '审批单齐全' }, now);
    const resolved = await requestStep(
      r.id,
      { type: 'resolved', at: h('2026-11-26 10:00'), resolutionMode: 'onsite', resolution: '已开通' },
      now,
    );
    expect(resolved).toMatchObject({
      status: 'resolved',
      resolutionMode: 'onsite',
      respondedAt: h('2026-11-26 10:00'),
      analysis: '审批单齐全',
    });
    expect(resolved.log.map((e) => e.type)).toEqual(['received', 'analysed', 'resolved']);
    const closed = await requestStep(r.id, { type: 'closed', at: h('2026-11-26 10:30') }, now);
    expect(closed.status).toBe('closed');
    const reopened = await requestStep(r.id, { type: 'reopened', at: h('2026-11-26 10:40') }, now);
    expect(reopened.status).toBe('responded');
    expect(reopened.resolvedAt).toBeUndefined();
  });

  it('refuse a step out of order or out of time, leaving the row untouched', async () => {
    const r = await createRequest(input(), new Date(h('2026-11-25 17:00')));
    const now = new Date(h('2026-11-26 11:00'));
    await expect(requestStep(r.id, { type: 'closed', at: h('2026-11-26 10:00') }, now)).rejects.toMatchObject({
      messageKey: 'requests:errors.notAllowed',
    });
    await expect(requestStep(r.id, { type: 'responded', at: h('2026-11-25 16:00') }, now)).rejects.toMatchObject({
      messageKey: 'requests:errors.beforeReceived',
      field: 'at',
    });
    await expect(createRequest(input({ receivedAt: h('2026-11-27 10:00') }), now)).rejects.toMatchObject({
      messageKey: 'requests:errors.future',
    });
    const row = await db.serviceRequests.get(r.id);
    expect(row).toEqual(r);
  });
});
