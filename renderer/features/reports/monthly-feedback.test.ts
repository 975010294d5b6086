import type { TFunction } from 'i18next';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedbackMeeting } from '@shared/schemas/feedback';
import { writeTx } from '../../db';
import type { OnsiteDb } from '../../db/db';
import { freshTestDb, seedSite, type TestDb } from '../../db/test/fresh-db';
import { createI18n } from '../../i18n';
import { loadMonthlyRecords, loadMonthlyServiceData } from './monthly-data';

let testDb: TestDb;
let db: OnsiteDb;
let t: TFunction;
const now = new Date('2026-12-03T10:00:00+08:00');
const meeting = (id: string, date: string, clientSaid: string): FeedbackMeeting => ({
  id,
  createdAt: now.toISOString(),
  updatedAt: now.toISOString(),
  updatedBy: 'u1',
  date,
  attendees: [
    { name: '周海峰', memberId: 'm1' },
    { name: '陈镕', contactId: 'c1' },
  ],
  clientSaid,
  actions: [{ what: `${clientSaid}：落实`, owner: '李喆', due: '2026-12-10', done: true }],
});

beforeEach(async () => {
  testDb = await freshTestDb({ actor: 'u1' });
  db = testDb.db;
  await seedSite(db);
  t = (await createI18n('zh-CN')).t;
  await writeTx(['feedbackMeetings'], async (_db, w) => {
    await w.put('feedbackMeetings', meeting('f-oct', '2026-10-31', '十月底的会'), 's');
    await w.put('feedbackMeetings', meeting('f-nov-2', '2026-11-30', '月末的会'), 's');
    await w.put('feedbackMeetings', meeting('f-nov-1', '2026-11-01', '月初的会'), 's');
    await w.put('feedbackMeetings', meeting('f-dec', '2026-12-01', '十二月的会'), 's');
  });
});
afterEach(() => testDb.close());

describe('monthly service report: client feedback meetings', () => {
  it('lists the meetings of the month, in date order, and not those of other months', async () => {
    const r = await loadMonthlyRecords('2026-11', t, now);
    expect(r.feedback).toEqual([
      {
        date: '2026-11-01',
        attendees: ['周海峰', '陈镕'],
        clientSaid: '月初的会',
        actions: [{ what: '月初的会：落实', owner: '李喆', due: '2026-12-10' }],
      },
      {
        date: '2026-11-30',
        attendees: ['周海峰', '陈镕'],
        clientSaid: '月末的会',
        actions: [{ what: '月末的会：落实', owner: '李喆', due: '2026-12-10' }],
      },
    ]);
    expect((await loadMonthlyServiceData('2026-11', t, now)).feedback.map((f) => f.date)).toEqual([
      '2026-11-01',
      '2026-11-30',
    ]);
    expect((await loadMonthlyRecords('2026-09', t, now)).feedback).toEqual([]);
  });
});
