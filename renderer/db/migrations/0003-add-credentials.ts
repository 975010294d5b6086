import type Dexie from 'dexie';

/**
 * v3 — `credentials`: each team member's PIN hash on this laptop (shared/schemas/credential.ts),
 * keyed by the member's id. Never edit.
 */
export function migration0003(db: Dexie): void {
  db.version(3).stores({ credentials: 'memberId' });
  // Nothing to transform: the table starts empty; each member sets a PIN at setup or first unlock.
}
