import type { TFunction } from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientSystem } from '@shared/schemas/core';
import type { Inspection, InspectionAnswer } from '@shared/schemas/inspection';
import type { ServiceRequest } from '@shared/schemas/request';
import type { PersonnelChange } from '@shared/schemas/team';
import type { Training, TrainingPlan } from '@shared/schemas/training';
import { writeTx } from '../../db';
import type { OnsiteDb } from '../../db/db';
import { freshTestDb, type TestDb, seedSite } from '../../db/test/fresh-db';
import { createI18n } from '../../i18n';
import { appendFaultEvents, createFault, type NewFault } from '../faults';
import { loadMonthlyRecords, loadMonthlyServiceData, monthBounds } from './monthly-data';

let testDb: TestDb;
let db: OnsiteDb;
let t: TFunction;
/** Shanghai wall time as an ISO instant. */
const h = (local: string) => `${local.replace(' ', 'T')}:00+08:00`;
const base = (id: string) => ({
  id,
  createdAt: h('2026-11-01 08:00'),
  updatedAt: h('2026-11-01 08:00'),
  updatedBy: 'u1',
});
const now = new Date(h('2026-12-03 10:00'));

function intake(over: Partial<NewFault>): NewFault {
  return {
    level: 3,
    channel: 'hotline',
    reporter: { name: '赵磊', department: '信息技术部', phone: '021-6888 1215', email: '' },
    symptoms: '堡垒机 RDP 会话频繁断开',
    description: '',
    occurredAt: h('2026-11-10 09:00'),
    reportedAt: h('2026-11-10 09:00'),
    systemId: 'sys-pam',
    assigneeId: 'u1',
    ...over,
  };
}

async function seed() {
  await seedSite(db, { updatedAt: now.toISOString() });
  const system = (id: string, family: ClientSystem['family'], name: string): ClientSystem => ({
    ...base(id),
    name,
    family,
    vendor: '',
    model: '',
    version: '',
    location: '',
    active: true,
  });
  const run = (id: string, number: string, month: string, dueDate: string, finishedAt?: string) =>
    ({
      ...base(id),
      number,
      month,
      mode: 'routine',
      status: finishedAt ? 'finished' : 'planned',
      dueDate,
      systems: [{ systemId: 'sys-pam' }, { systemId: 'sys-vc' }],
      templates: {},
      events: [],
      ...(finishedAt ? { finishedAt } : {}),
    }) as unknown as Inspection;
  const answer = (id: string, over: Partial<InspectionAnswer>) =>
    ({
      ...base(id),
      inspectionId: 'run-1',
      systemId: 'sys-vc',
      itemId: 'vc.datastore',
      answeredBy: 'u1',
      answeredAt: h('2026-11-18 10:00'),
      ...over,
    }) as InspectionAnswer;
  const request = (id: string, number: string, receivedAt: string, resolvedAt?: string) =>
    ({ ...base(id), number, receivedAt, ...(resolvedAt ? { resolvedAt } : {}) }) as unknown as ServiceRequest;
  const training = (id: string, topic: string, startDate: string, attendees: number) =>
    ({
      ...base(id),
      type: 'inspection',
      topic,
      startDate,
      endDate: startDate,
      attendees: Array.from({ length: attendees }, (_, i) => ({ name: `学员${i + 1}`, department: '' })),
    }) as unknown as Training;
  await writeTx(
    [
      'systems',
      'serviceRequests',
      'inspections',
      'inspectionAnswers',
      'trainings',
      'trainingPlans',
      'personnelChanges',
    ],
    async (_db, w) => {
      await w.put('systems', system('sys-pam', 'pam', '堡垒机'), 'seed');
      await w.put('systems', system('sys-vc', 'virtualization', '生产虚拟化集群'), 'seed');
      await w.put(
        'serviceRequests',
        request('q0', 'XQ-202610-A-001', h('2026-10-30 10:00'), h('2026-10-30 12:00')),
        's',
      );
      await w.put(
        'serviceRequests',
        request('q1', 'XQ-202611-A-001', h('2026-11-03 10:00'), h('2026-11-03 15:00')),
        's',
      );
      await w.put('serviceRequests', request('q2', 'XQ-202611-A-002', h('2026-11-28 16:00')), 's');
      // Run 1 finished two days after its due date (late); run 2 on time; run 3 is next month's.
      await w.put('inspections', run('run-1', 'XJRW-202611-A-01', '2026-11', '2026-11-20', h('2026-11-22 17:00')), 's');
      await w.put('inspections', run('run-2', 'XJRW-202611-A-02', '2026-11', '2026-11-27', h('2026-11-26 17:00')), 's');
      await w.put('inspections', run('run-3', 'XJRW-202612-A-01', '2026-12', '2026-12-18'), 's');
      await w.put('inspectionAnswers', answer('a1', { result: 'abnormal', solved: true }), 's');
      await w.put(
        'inspectionAnswers',
        answer('a2', { result: 'abnormal', systemId: 'sys-pam', followUp: { text: '扩容' } }),
        's',
      );
      await w.put('inspectionAnswers', answer('a3', { result: 'normal' }), 's');
      await w.put('trainings', training('tr-1', 'vSphere 8 健康检查', '2026-03-18', 9), 's');
      await w.put('trainings', training('tr-2', '防火墙策略梳理', '2026-11-19', 11), 's');
      await w.put(
        'trainingPlans',
        {
          ...base('plan-1'),
          year: 2026,
          type: 'special',
          slot: 1,
          plannedDate: '2026-12-17',
          topic: '',
          days: 3,
          notes: '',
        } satisfies TrainingPlan,
        's',
      );
      await w.put(
        'personnelChanges',
        {
          ...base('pc-1'),
          leavingMemberId: 'u2',
          leavingName: '王堃',
          replacementName: '刘洋',
          replacementPhone: '138 0000 0000',
          replacementProfile: '',
          reason: '',
          noticeDate: '2026-10-20',
          plannedDate: '2026-11-20',
          status: 'consented',
          notes: '',
        } as PersonnelChange,
        's',
      );
    },
  );

  // October: a fault wholly of the month before; it must not count.
  const f0 = await createFault(
    intake({ occurredAt: h('2026-10-15 09:00'), reportedAt: h('2026-10-15 09:00') }),
    [],
    new Date(h('2026-10-15 09:01')),
  );
  await appendFaultEvents(
    f0.id,
    [
      { type: 'responded', at: h('2026-10-15 09:05'), payload: {} },
      {
        type: 'resolved',
        at: h('2026-10-15 10:00'),
        payload: { rootCause: '会话超时', resolution: '调整超时', prevention: '' },
      },
    ],
    new Date(h('2026-10-15 10:01')),
  );
  // F1: responded in 10 min (met), resolved in an hour (met), no report issued within 8 business hours
  // (breached on 11-11, still running), the client answered 4.
  const f1 = await createFault(intake({}), [], new Date(h('2026-11-10 09:01')));
  await appendFaultEvents(
    f1.id,
    [
      { type: 'responded', at: h('2026-11-10 09:10'), payload: {} },
      {
        type: 'resolved',
        at: h('2026-11-10 10:00'),
        payload: { rootCause: '会话超时', resolution: '调整超时', prevention: '' },
      },
      {
        type: 'confirmation',
        at: h('2026-11-11 10:00'),
        payload: { satisfaction: 4, comment: '', confirmedBy: '赵磊' },
      },
    ],
    new Date(h('2026-11-11 10:01')),
  );
  // F2: responded after an hour (breached), escalated to an expert, never resolved.
  const f2 = await createFault(
    intake({ occurredAt: h('2026-11-12 09:00'), reportedAt: h('2026-11-12 09:00'), systemId: 'sys-vc' }),
    [],
    new Date(h('2026-11-12 09:01')),
  );
  await appendFaultEvents(
    f2.id,
    [
      { type: 'responded', at: h('2026-11-12 10:00'), payload: {} },
      {
        type: 'escalation',
        at: h('2026-11-12 10:30'),
        payload: {
          fromTier: 1,
          toTier: 2,
          recipientName: '孙立群',
          reason: '存储路径异常',
          systemInfo: '',
          actionsSummary: '',
        },
      },
    ],
    new Date(h('2026-11-12 10:31')),
  );
}

beforeEach(async () => {
  testDb = await freshTestDb({ actor: 'u1' });
  db = testDb.db;
  t = (await createI18n('en')).getFixedT('en');
  await seed();
});
afterEach(() => testDb.close());

describe('monthBounds', () => {
  it('takes the month in Shanghai time and knows the next month across a year end', () => {
    expect(monthBounds('2026-11').start.toISOString()).toBe('2026-10-31T16:00:00.000Z');
    expect(monthBounds('2026-12')).toMatchObject({ next: '2027-01', days: 31 });
  });
});

describe('loadMonthlyServiceData', () => {
  it('counts the faults of the month by level, channel and family, leaving October out', async () => {
    const d = await loadMonthlyServiceData('2026-11', t, now);
    expect(d.faultCount).toBe(2);
    // F2 counts at the level its log says today: upgraded to 2 when its resolution clock breached.
    expect(d.byLevel).toEqual({ 1: 0, 2: 1, 3: 1, 4: 0 });
    expect(d.byChannel).toEqual({ hotline: 2 });
    expect(d.byFamily).toEqual({ pam: 1, virtualization: 1 });
  });

  it('reads met / total from the clocks that ended in the month', async () => {
    const d = await loadMonthlyServiceData('2026-11', t, now);
    // Response: F1 in 10 min (met), F2 after an hour (breached).
    expect(d.slaByKind.response).toEqual({ met: 1, total: 2, percent: 50 });
    // Resolution: F1 in an hour (met); F2 unresolved past its 4 business hours (breached at 13:00).
    expect(d.slaByKind.resolution).toEqual({ met: 1, total: 2, percent: 50 });
    // F2's upgrade to level 2 started the 2-hour arrival clock: nobody arrived (breached at 15:00).
    expect(d.slaByKind.arrival).toEqual({ met: 0, total: 1, percent: 0 });
    // F1's analysis report was never issued (breached, still running); F2's report clock never started.
    expect(d.slaByKind.report).toEqual({ met: 0, total: 1, percent: 0 });
    expect(d.slaByKind.fix.total).toBe(0);
    expect(d.slaOverall).toEqual({ met: 2, total: 6, percent: 33.3 });
    expect(d.slaByLevel[3]).toEqual({ met: 2, total: 3, percent: 66.7 });
    expect(d.slaByLevel[2]).toEqual({ met: 0, total: 3, percent: 0 });
    expect(d.restoreByLevel[3]).toEqual({ count: 1, mean: 60, median: 60 });
    expect(d.restoreByLevel[2].count).toBe(0);
  });

  it('reads escalations and the closure survey from the fault logs', async () => {
    const d = await loadMonthlyServiceData('2026-11', t, now);
    expect(d.escalations.toExperts).toBe(1);
    expect(d.escalations.toVendors).toBe(0);
    expect(d.escalations.list[0]).toMatchObject({ fault: 'GZ-202611-A-002', toTier: 2, to: '孙立群' });
    expect(d.satisfaction).toMatchObject({ surveys: 1, mean: 4 });
    expect(d.satisfaction.byScore[4]).toBe(1);
  });

  it('counts requests, inspection runs, anomalies and trainings of the month', async () => {
    const d = await loadMonthlyServiceData('2026-11', t, now);
    expect(d.requests).toEqual({ received: 2, done: 1, open: 1 });
    expect(d.inspections).toEqual({ due: 2, done: 2, late: 1, lateNumbers: ['XJRW-202611-A-01'] });
    expect(d.anomalies.found).toBe(2);
    expect(d.anomalies.byState).toMatchObject({ 'solved-on-site': 1, 'follow-up': 1, open: 0 });
    expect(d.training).toEqual({ thisMonth: 1, yearToDate: 2, yearObligation: 4 });
  });

  it("writes the personnel change and next month's plan in the report's language", async () => {
    const d = await loadMonthlyServiceData('2026-11', t, now);
    expect(d.personnel).toEqual([{ date: '2026-11-20', what: '王堃 replaced by 刘洋 (written notice on 2026-10-20)' }]);
    expect(d.next.inspections).toEqual([{ date: '2026-12-18', what: 'XJRW-202612-A-01: 2 systems' }]);
    expect(d.next.trainings[0]).toMatchObject({ date: '2026-12-17' });
    expect(d.next.trainings[0].what).toMatch(/^Special training/);
  });

  it('gives October its own fault and none of November', async () => {
    const r = await loadMonthlyRecords('2026-10', t, now);
    const d = await loadMonthlyServiceData('2026-10', t, now);
    expect(d.faultCount).toBe(1);
    expect(d.slaByKind.response).toMatchObject({ met: 1, total: 1 });
    expect(d.requests.received).toBe(1);
    expect(r.inspections).toEqual([]);
  });
});
