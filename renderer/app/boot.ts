import { openDatabase, setActor, setDb, type OnsiteDb } from '../db';
import type { DbState } from '../db/db';
import { useSessionStore } from './session.store';

/** Opens the database once at start and wires the cross-window events. */
export async function bootDatabase(name?: string): Promise<DbState> {
  const state = await openDatabase(name ?? new URLSearchParams(location.search).get('db') ?? undefined);
  if (state.kind === 'newer') useSessionStore.getState().setReadOnly(true);
  const db: OnsiteDb | null = state.kind === 'error' ? null : state.db;
  if (db) {
    setDb(db);
    // Another window (a newer app) wants to upgrade the schema: let it, and ask for a reload.
    db.on('versionchange', () => {
      db.close();
      useSessionStore.getState().setBanner('versionchange');
      return false;
    });
    db.on('blocked', () => useSessionStore.getState().setBanner('blocked'));
    const site = await db.settings.get('site');
    if (site?.currentUserId) setActor(site.currentUserId);
  }
  return state;
}
