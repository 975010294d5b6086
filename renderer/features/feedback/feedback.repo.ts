/**
 * Feedback meetings (定期听取反馈意见): what the client said and the actions undertaken. Every write is
 * one transaction with its audit entry (renderer/db/index.ts `writeTx`); a deleted meeting can be
 * put back (undo).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { shanghaiDate } from '@shared/domain/time';
import { feedbackMeetingOn, type FeedbackMeeting } from '@shared/schemas/feedback';
import { getDb, stamp, writeTx } from '../../db';

export type { FeedbackMeeting };
export type FeedbackDraft = Omit<FeedbackMeeting, 'id' | 'createdAt' | 'updatedAt' | 'updatedBy'> & { id?: string };

/** All meetings, newest first. */
export function useFeedbackMeetings(): FeedbackMeeting[] | undefined {
  return useLiveQuery(() => getDb().feedbackMeetings.orderBy('date').reverse().toArray(), []);
}

function summary(m: Pick<FeedbackMeeting, 'date' | 'attendees' | 'actions'>): string {
  return `${m.date} ${m.attendees.length} attendees ${m.actions.length} actions`;
}

/** The problems `d` would be refused for on `now`, by field path (the form shows them at their field). */
export function feedbackIssues(d: FeedbackDraft, now = new Date()): Array<{ path: PropertyKey[]; message: string }> {
  const r = feedbackMeetingOn(shanghaiDate(now)).safeParse(stamp({ ...d, id: d.id ?? 'draft' }));
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path, message: i.message }));
}

/**
 * Validates and saves a meeting (new or edited). Refused with a ZodError when an action is due
 * before the meeting or the meeting is after today (Shanghai) at `now`.
 */
export async function saveFeedbackMeeting(d: FeedbackDraft, now = new Date()): Promise<FeedbackMeeting> {
  return writeTx(['feedbackMeetings'], async (db, w) => {
    const existing = d.id ? await db.feedbackMeetings.get(d.id) : undefined;
    const row = feedbackMeetingOn(shanghaiDate(now)).parse(
      stamp({ ...d, id: existing?.id ?? d.id, createdAt: existing?.createdAt }),
    );
    await w.put('feedbackMeetings', row, summary(row), existing ? 'update' : 'create');
    return row;
  });
}

export async function deleteFeedbackMeeting(id: string): Promise<FeedbackMeeting | null> {
  return writeTx(['feedbackMeetings'], async (db, w) => {
    const m = await db.feedbackMeetings.get(id);
    if (!m) return null;
    await w.delete('feedbackMeetings', id, summary(m));
    return m;
  });
}

export async function undoDeleteFeedbackMeeting(m: FeedbackMeeting): Promise<void> {
  await writeTx(['feedbackMeetings'], async (_db, w) => {
    await w.put('feedbackMeetings', m, `${summary(m)} (undo delete)`, 'restore');
  });
}
