import { defaultDbName, onWriteCommitted, openDatabase, setDb, type OnsiteDb } from '../db';
import { keyAuditChain, readSeal, scheduleSeal } from '../db/audit-seal';
import { teamKey } from '../core/team-key';
import type { DbState } from '../db/db';
import { platform } from '../platform';
import { classifyOpenError, startDatabase, startMarkerReports, type Recovery } from '../features/recovery';
import { ensureTeamKey, loadTeamKey } from '../core/team-key-store';
import { requestPersistentStorage } from '../core/storage-persistence';
import { useSessionStore } from './session.store';

export type BootResult = { kind: 'ready'; state: DbState } | { kind: 'recover'; recovery: Recovery };

/**
 * Opens the database once at start and wires the cross-window events. A database that fails to
 * open, stays blocked, or is found empty while the data-state says it held records goes to the
 * recovery screen (renderer/features/recovery), never to first-run setup. The team key is loaded
 * first (renderer/core/team-key-store.ts): the pre-upgrade backup and every write need it.
 */
export async function bootDatabase(name?: string): Promise<BootResult> {
  try {
    return await boot(name);
  } catch (err) {
    // Anything unforeseen at start shows the recovery screen, never a blank page.
    const detail = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    return {
      kind: 'recover',
      recovery: {
        reason: classifyOpenError(detail),
        detail: detail.slice(0, 500),
        dbName: name ?? defaultDbName,
        marker: null,
      },
    };
  }
}

async function boot(name?: string): Promise<BootResult> {
  // A key that cannot be read (no protected storage on this computer) leaves the app usable;
  // what needs the key (backups) then says so.
  await loadTeamKey().catch((error: unknown) => console.error('[team key] not loaded', error));
  const start = await startDatabase({
    open: (n, onBlocked) => openDatabase(n, { onBlocked }),
    getState: () => platform.stateGet(),
    requested: name ?? new URLSearchParams(location.search).get('db') ?? undefined,
    defaultName: defaultDbName,
  });
  if (start.kind === 'recover') return start;
  const state = start.state;
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
    // No actor yet: the app opens locked, and unlocking sets who writes (renderer/features/access).
    const site = await db.settings.get('site');
    // What the database holds, kept outside IndexedDB after every write (never for a read-only one).
    if (state.kind === 'ok') startMarkerReports(db, (m) => platform.stateReport(m));
    // Set up before team keys existed: this laptop starts its own team (it can join another in Settings).
    if (site?.setupComplete && state.kind === 'ok')
      await ensureTeamKey(site.providerName || 'Onsite Desk').catch((error: unknown) =>
        console.error('[team key] not created', error),
      );
    // Ask once that the engine never evicts the data when the disk runs low (shown in Settings → Backup).
    if (state.kind === 'ok') void requestPersistentStorage();
    if (state.kind === 'ok')
      await startAuditSeal(db, site?.setupComplete === true).catch((error: unknown) =>
        console.error('[audit seal] not started', error),
      );
  }
  return { kind: 'ready', state };
}

/**
 * The keyed seal follows every committed write (renderer/db/audit-seal.ts). A database set up
 * before the seal existed is keyed once here: its records get baseline entries and the chain its
 * first seal. One that was sealed before (the marker kept outside IndexedDB says so) is never
 * re-keyed at start: a missing seal is shown on the audit page instead.
 */
async function startAuditSeal(db: OnsiteDb, setupComplete: boolean): Promise<void> {
  onWriteCommitted((written) => {
    const key = teamKey();
    if (key && written === db)
      void scheduleSeal(written, key).catch((error: unknown) => console.error('[audit seal]', error));
  });
  const key = teamKey();
  if (!key || !setupComplete || (await readSeal(db))) return;
  const marker = (await platform.stateGet().catch(() => null))?.marker;
  if (marker?.dbName === db.name && (marker.auditSealSeq ?? -1) >= 0) return;
  await keyAuditChain(db, key);
}
