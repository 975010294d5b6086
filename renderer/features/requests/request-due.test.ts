import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultCalendar } from '@shared/domain/calendar';
import { defaultPolicy } from '@shared/domain/fault-clock';
import type { ServiceRequest } from '@shared/schemas/request';
import { freshTestDb, type TestDb, seedSite } from '../../db/test/fresh-db';
import type { OnsiteDb } from '../../db/db';
import { compareDue, requestAlerts, requestDue } from './request-due';
import { monitorRequestsOnce } from './request-monitor';
import { createRequest, requestStep } from './requests.repo';

const h = (local: string) => `${local.replace(' ', 'T')}:00+08:00`;
const at = (local: string) => new Date(h(local));
const cfg = { calendar: defaultCalendar(), policy: defaultPolicy() };
// Wednesday 25 November 2026 is a working day: the 30-minute 5×8 response is due at 09:30.
const WED = '2026-11-25';

type Row = Pick<ServiceRequest, 'id' | 'number' | 'receivedAt' | 'respondedAt' | 'status'>;
const req = (id: string, received: string, over: Partial<Row> = {}): Row => ({
  id,
  number: `XQ-202611-A-00${id}`,
  receivedAt: h(received),
  status: 'open',
  ...over,
});

describe('a service request’s due time', () => {
  it.each([
    ['running', `${WED} 09:10`, 'running', 20],
    ['due soon (80 % of the 30 minutes used)', `${WED} 09:25`, 'at-risk', 5],
    ['overdue', `${WED} 09:40`, 'breached', -10],
  ] as const)('%s', (_, now, state, left) => {
    const d = requestDue(req('1', `${WED} 09:00`), cfg, at(now));
    expect(d).toMatchObject({ open: true, dueAt: h(`${WED} 09:30`), leftMinutes: left });
    expect(d.clock.state).toBe(state);
  });

  it('counts business time: received at 16:50, due at 09:20 the next working day', () => {
    expect(requestDue(req('1', `${WED} 16:50`), cfg, at(`${WED} 17:30`)).dueAt).toBe(h('2026-11-26 09:20'));
  });

  it('once responded the deadline no longer runs: no time left shown, met', () => {
    const d = requestDue(
      req('1', `${WED} 09:00`, { respondedAt: h(`${WED} 09:20`), status: 'responded' }),
      cfg,
      at(`${WED} 10:00`),
    );
    expect(d).toMatchObject({ open: false, leftMinutes: undefined });
    expect(d.clock.state).toBe('met');
  });

  it('sorts waiting requests first, the most overdue first, then answered ones by deadline', () => {
    const now = at(`${WED} 11:00`);
    const rows = [
      req('a', `${WED} 09:00`, { respondedAt: h(`${WED} 09:05`), status: 'responded' }),
      req('b', `${WED} 10:50`),
      req('c', '2026-11-24 16:50', { respondedAt: h(`${WED} 09:05`), status: 'responded' }),
      req('d', `${WED} 09:30`),
    ];
    const sorted = [...rows].sort((x, y) => compareDue(requestDue(x, cfg, now), requestDue(y, cfg, now)));
    expect(sorted.map((r) => r.id)).toEqual(['d', 'b', 'c', 'a']);
  });
});

describe('request alerts', () => {
  it('one per threshold while the request waits for its response, none once it is answered or closed', () => {
    const rows = [
      req('1', `${WED} 09:00`),
      req('2', `${WED} 09:00`, { respondedAt: h(`${WED} 09:20`), status: 'responded' }),
      req('3', `${WED} 09:00`, { status: 'closed' }),
    ];
    expect(requestAlerts(rows, cfg, at(`${WED} 09:10`))).toEqual([]);
    expect(requestAlerts(rows, cfg, at(`${WED} 09:25`))).toEqual([
      {
        key: `request:1:response:${h(`${WED} 09:00`)}:at-risk`,
        requestId: '1',
        number: 'XQ-202611-A-001',
        kind: 'at-risk',
        dueAt: h(`${WED} 09:30`),
      },
    ]);
    expect(requestAlerts(rows, cfg, at(`${WED} 09:31`)).map((a) => a.kind)).toEqual(['breached']);
  });
});

describe('request monitor', () => {
  let db: OnsiteDb;
  let testDb: TestDb;
  beforeEach(async () => {
    testDb = await freshTestDb({ actor: 'u1' });
    db = testDb.db;
    await seedSite(db);
  });
  afterEach(() => testDb.close());

  it('announces due soon and overdue once each (alertLog), and nothing after the response', async () => {
    const input = {
      type: 'consultation' as const,
      channel: 'hotline' as const,
      reporter: { name: '刘婷', department: '', phone: '', email: '' },
      systemId: '',
      assigneeId: 'u1',
      title: '咨询',
      description: '',
      receivedAt: h(`${WED} 09:00`),
    };
    const r = await createRequest(input, at(`${WED} 09:00`));
    const answered = await createRequest(input, at(`${WED} 09:00`));
    await requestStep(answered.id, { type: 'responded', at: h(`${WED} 09:05`) }, at(`${WED} 09:05`));

    expect(await monitorRequestsOnce(at(`${WED} 09:10`))).toEqual([]);
    const soon = await monitorRequestsOnce(at(`${WED} 09:25`));
    expect(soon.map((a) => `${a.number}:${a.kind}`)).toEqual([`${r.number}:at-risk`]);
    expect(await monitorRequestsOnce(at(`${WED} 09:26`))).toEqual([]);
    expect((await monitorRequestsOnce(at(`${WED} 09:40`))).map((a) => a.kind)).toEqual(['breached']);
    expect(await monitorRequestsOnce(at(`${WED} 10:40`))).toEqual([]);
    expect((await db.alertLog.toArray()).map((a) => a.key).sort()).toEqual([
      `request:${r.id}:response:${h(`${WED} 09:00`)}:at-risk`,
      `request:${r.id}:response:${h(`${WED} 09:00`)}:breached`,
    ]);

    await requestStep(r.id, { type: 'responded', at: h(`${WED} 10:45`) }, at(`${WED} 10:45`));
    expect(await monitorRequestsOnce(at(`${WED} 11:00`))).toEqual([]);
  });
});
