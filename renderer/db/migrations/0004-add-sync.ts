import type Dexie from 'dexie';

/**
 * v4 — sync between the team's laptops (renderer/db/sync-capture.ts):
 * `syncChanges` every field-level change (this laptop's and received ones), keyed by its hybrid
 * clock stamp; `syncState` this laptop's clock, version vector and what each peer told us;
 * `syncConflicts` the fields changed on two laptops since they last synced. Never edit.
 */
export function migration0004(db: Dexie): void {
  db.version(4).stores({
    syncChanges: 'id, [device+seq], [table+recordId]',
    syncState: 'key',
    syncConflicts: 'id, [table+recordId]',
  });
  // Nothing to transform: the new tables start empty; a record written before v4 enters the change
  // log with its next write.
}
