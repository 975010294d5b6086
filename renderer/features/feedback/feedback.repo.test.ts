import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import { recordHash, verifyAuditChain } from '../../db/audit';
import type { OnsiteDb } from '../../db/db';
import { syncedTables } from '../../db/sync-capture';
import { freshTestDb, seedSite, type TestDb } from '../../db/test/fresh-db';
import {
  deleteFeedbackMeeting,
  feedbackIssues,
  saveFeedbackMeeting,
  undoDeleteFeedbackMeeting,
  type FeedbackDraft,
} from './feedback.repo';

let testDb: TestDb;
let db: OnsiteDb;
// 10:00 on 20 November 2026 in Shanghai.
const now = new Date('2026-11-20T10:00:00+08:00');
const draft = (over: Partial<FeedbackDraft> = {}): FeedbackDraft => ({
  date: '2026-11-18',
  attendees: [{ name: '周海峰', memberId: 'm1' }, { name: '陈镕', contactId: 'c1' }, { name: '欧阳菁' }],
  clientSaid: '巡检报告希望提前到次月 5 日前送达。',
  actions: [{ what: '巡检报告次月 5 日前提交', owner: '李喆', due: '2026-12-05', done: false }],
  ...over,
});

beforeEach(async () => {
  testDb = await freshTestDb({ actor: 'u1' });
  db = testDb.db;
  await seedSite(db);
});
afterEach(() => testDb.close());

async function refusal(d: FeedbackDraft): Promise<Array<{ path: PropertyKey[]; message: string }>> {
  const err = await saveFeedbackMeeting(d, now).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ZodError);
  return (err as ZodError).issues.map((i) => ({ path: i.path, message: i.message }));
}

describe('feedback meetings', () => {
  it('saves a meeting with one audit entry holding its content hash, and its change for sync', async () => {
    const m = await saveFeedbackMeeting(draft(), now);
    expect(await db.feedbackMeetings.get(m.id)).toEqual(m);
    expect(m).toMatchObject({ updatedBy: 'u1', date: '2026-11-18' });
    const entries = await db.auditLog.toArray();
    expect(entries.map((e) => [e.entity, e.entityId, e.action, e.actor, e.contentHash])).toEqual([
      ['feedbackMeetings', m.id, 'create', 'u1', recordHash(m)],
    ]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, count: 1 });
    expect(syncedTables.has('feedbackMeetings')).toBe(true);
    expect((await db.syncChanges.toArray()).map((c) => [c.table, c.recordId])).toEqual([['feedbackMeetings', m.id]]);

    const edited = await saveFeedbackMeeting({ ...m, actions: [{ ...m.actions[0], done: true }] }, now);
    expect(edited.createdAt).toBe(m.createdAt);
    expect((await db.auditLog.toArray()).map((e) => e.action)).toEqual(['create', 'update']);
  });

  it('refuses an action due before the meeting, at that action’s due date', async () => {
    const issues = await refusal(
      draft({
        actions: [
          { what: '按时', owner: '李喆', due: '2026-11-18', done: false },
          { what: '倒填', owner: '王堃', due: '2026-11-17', done: false },
        ],
      }),
    );
    expect(issues).toEqual([{ path: ['actions', 1, 'due'], message: 'feedback:validation.dueBeforeMeeting' }]);
    expect(await db.feedbackMeetings.count()).toBe(0);
    expect(await db.auditLog.count()).toBe(0);
  });

  it('refuses a meeting after today (Shanghai), at the meeting date; today itself is fine', async () => {
    expect(await refusal(draft({ date: '2026-11-21', actions: [] }))).toEqual([
      { path: ['date'], message: 'feedback:validation.dateInFuture' },
    ]);
    // 23:30 on the 20th in Shanghai is still the 20th there (15:30 UTC).
    await saveFeedbackMeeting(draft({ date: '2026-11-20' }), new Date('2026-11-20T15:30:00Z'));
    expect(await db.feedbackMeetings.count()).toBe(1);
    expect(feedbackIssues(draft({ date: '2026-11-21', actions: [] }), now).map((i) => i.path)).toEqual([['date']]);
  });

  it('refuses a meeting without attendees or without what the client said', async () => {
    const issues = await refusal(draft({ attendees: [], clientSaid: '   ' }));
    expect(issues.map((i) => i.path[0]).sort()).toEqual(['attendees', 'clientSaid']);
  });

  it('deletes with an audit entry, and undo puts the same meeting back', async () => {
    const m = await saveFeedbackMeeting(draft(), now);
    const removed = await deleteFeedbackMeeting(m.id);
    expect(await db.feedbackMeetings.count()).toBe(0);
    await undoDeleteFeedbackMeeting(removed!);
    expect(await db.feedbackMeetings.get(m.id)).toEqual(m);
    expect((await db.auditLog.toArray()).map((e) => e.action)).toEqual(['create', 'delete', 'restore']);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
