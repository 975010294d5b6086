import type Dexie from 'dexie';

/**
 * v5 — `feedbackMeetings`: the meetings where the client's feedback was heard, with the actions
 * undertaken (shared/schemas/feedback.ts), listed in the monthly service report. Never edit.
 */
export function migration0005(db: Dexie): void {
  db.version(5).stores({
    feedbackMeetings: 'id, date, updatedAt',
  });
  // Nothing to transform: the new table starts empty.
}
