import type Dexie from 'dexie';

/**
 * v5 — sync between the team's laptops (renderer/db/sync-capture.ts, renderer/features/sync):
 * `syncChanges` every field-level change (this laptop's and received ones), keyed by its hybrid
 * clock stamp; `syncState` this laptop's clock, version vector and what each peer told us;
 * `syncConflicts` the fields changed on two laptops since they last synced. Never edit.
 */
export function migration0005(db: Dexie): void {
  db.version(5).stores({
    syncChanges: 'id, [device+seq], [table+recordId]',
    syncState: 'key',
    syncConflicts: 'id, [table+recordId]',
  });
  // Nothing to transform: the new tables start empty; records written before v5 travel once
  // the sync page seeds them (renderer/features/sync/sync.repo.ts).
}
