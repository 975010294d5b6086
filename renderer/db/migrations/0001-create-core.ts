import type Dexie from 'dexie';

/** v1 — released with the foundation: this laptop's settings, team, contacts, inventory, audit chain. Never edit. */
export function migration0001(db: Dexie): void {
  db.version(1).stores({
    meta: 'key',
    settings: 'key',
    team: 'id, role, name',
    contacts: 'id, kind, name',
    systems: 'id, family, name',
    auditLog: 'seq, id, at, entity, entityId, action, actor',
  });
}
