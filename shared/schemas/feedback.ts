import { z } from 'zod';
import { isoDate, recordBase, requiredText } from './common';

/**
 * A meeting where the provider heard the client's feedback (定期听取反馈意见), as the monthly
 * service report lists it (`MonthlyFeedbackMeeting` in shared/domain/monthly-service.ts).
 */

/** One person at the meeting: a team member, a client contact, or a name typed in. */
export const feedbackAttendeeSchema = z.strictObject({
  name: requiredText(60),
  /** Set when picked from the team roster. */
  memberId: z.string().max(64).optional(),
  /** Set when picked from the client's contacts. */
  contactId: z.string().max(64).optional(),
});
export type FeedbackAttendee = z.infer<typeof feedbackAttendeeSchema>;

/** What the provider undertook in answer: who does it, by when, and whether it is done. */
export const feedbackActionSchema = z.strictObject({
  what: requiredText(500),
  owner: requiredText(60),
  due: isoDate,
  done: z.boolean(),
});
export type FeedbackAction = z.infer<typeof feedbackActionSchema>;

/** The stored meeting (also the check of backups and imports). */
export const feedbackMeetingSchema = z
  .strictObject({
    ...recordBase,
    /** The meeting's day (Shanghai). */
    date: isoDate,
    attendees: z.array(feedbackAttendeeSchema).min(1).max(100),
    /** What the client said, in the words of the minutes. */
    clientSaid: requiredText(5000),
    actions: z.array(feedbackActionSchema).max(50),
  })
  .superRefine((m, ctx) => {
    m.actions.forEach((a, i) => {
      if (a.due < m.date)
        ctx.addIssue({ code: 'custom', path: ['actions', i, 'due'], message: 'feedback:validation.dueBeforeMeeting' });
    });
  });
export type FeedbackMeeting = z.infer<typeof feedbackMeetingSchema>;

/**
 * A meeting as it is saved on `today` (`YYYY-MM-DD`, Shanghai): the stored checks, and the meeting
 * has taken place. Restored backups are checked by `feedbackMeetingSchema` alone, whatever day it is.
 */
export function feedbackMeetingOn(today: string) {
  return feedbackMeetingSchema.refine((m) => m.date <= today, {
    path: ['date'],
    message: 'feedback:validation.dateInFuture',
  });
}

/** Restore and import find the table's schema here (renderer/features/backup/table-schemas.ts). */
export const tableSchemas = { feedbackMeetings: feedbackMeetingSchema };
