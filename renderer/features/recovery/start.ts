/**
 * The start-up decision: open the current database, and go to the recovery screen
 * (RecoveryScreen.tsx) — never to first-run setup — when it fails to open, when its upgrade stays
 * blocked by another connection, or when it opens empty while the data-state kept outside
 * IndexedDB (data-marker.ts) says this same database held records.
 */
import type { DataMarker, DataState } from '@shared/ipc/contract';
import type { DbState, OnsiteDb } from '../../db/db';
import { isEmptyDatabase } from './data-marker';

/** Why the recovery screen is shown (each has its explanation in the `recovery` namespace). */
export type RecoveryReason = 'corrupt' | 'disk-full' | 'quota' | 'blocked' | 'missing' | 'unknown';

export interface Recovery {
  reason: RecoveryReason;
  /** The browser's message, shown as a detail (English: it comes from Chromium); empty when there is none. */
  detail: string;
  /** The database that failed: it is kept under this name, never deleted. */
  dbName: string;
  marker: DataMarker | null;
}

export type StartResult = { kind: 'ready'; state: DbState; dbName: string } | { kind: 'recover'; recovery: Recovery };

export interface StartDeps {
  /** Opens the database (renderer/db openDatabase); `onBlocked` fires when an upgrade waits for another connection. */
  open(name: string, onBlocked: () => void): Promise<DbState>;
  /** The data-state kept outside IndexedDB (PlatformApi stateGet). */
  getState(): Promise<DataState>;
  /** A database named by the caller (the `?db=` query of tests) wins over the data-state's. */
  requested?: string;
  defaultName: string;
  /** How long a blocked upgrade may wait before the recovery screen is shown. */
  blockedWaitMs?: number;
}

/** Sorts a failed open into what the user is told. The message is Chromium's or Dexie's. */
export function classifyOpenError(message: string): RecoveryReason {
  if (/quota/i.test(message)) return 'quota';
  if (/no space|disk (is )?full|ENOSPC|out of (disk )?space/i.test(message)) return 'disk-full';
  if (/backing store|corrupt|checksum|UnknownError|Internal error|DataError|not readable/i.test(message))
    return 'corrupt';
  return 'unknown';
}

const errorMessage = (err: unknown) =>
  err instanceof Error ? `${err.name}: ${err.message}` : String(err ?? 'unknown error');

/** Opens the database and decides between the app and the recovery screen. */
export async function startDatabase(deps: StartDeps): Promise<StartResult> {
  let state: DataState = { marker: null, currentDb: null, asideDbs: [] };
  try {
    state = await deps.getState();
  } catch (err) {
    console.warn('data-state unreadable', err);
  }
  const dbName = deps.requested ?? state.currentDb ?? deps.defaultName;
  const recover = (reason: RecoveryReason, detail: string): StartResult => ({
    kind: 'recover',
    recovery: { reason, detail: detail.slice(0, 500), dbName, marker: state.marker },
  });

  let blockedTimer: ReturnType<typeof setTimeout> | undefined;
  let resolveBlocked!: (v: 'blocked') => void;
  const blocked = new Promise<'blocked'>((resolve) => (resolveBlocked = resolve));
  const onBlocked = () => {
    blockedTimer ??= setTimeout(() => resolveBlocked('blocked'), deps.blockedWaitMs ?? 10_000);
  };
  const opening = Promise.resolve().then(() => deps.open(dbName, onBlocked));
  let opened: DbState | 'blocked';
  try {
    opened = await Promise.race([opening, blocked]);
  } catch (err) {
    const message = errorMessage(err);
    return recover(classifyOpenError(message), message);
  } finally {
    clearTimeout(blockedTimer);
  }
  if (opened === 'blocked') {
    // If the other connection lets go later, the late database is closed: a reload opens it cleanly.
    void opening.then((s) => (s.kind === 'error' ? undefined : s.db?.close())).catch(() => undefined);
    // The explanation is the screen's own (RecoveryScreen.tsx); there is no browser message to show.
    return recover('blocked', '');
  }
  if (opened.kind === 'error') return recover(classifyOpenError(opened.message), opened.message);
  const db: OnsiteDb | null = opened.db;
  // The marker describes one named database: another one found empty (a second laptop's database
  // opened with `?db=` in the same browser, a fresh one after a switch) is a first run, not a loss.
  if (db && state.marker?.dbName === dbName && state.marker.records > 0 && (await isEmptyDatabase(db))) {
    db.close();
    // The screen shows the marker (what was held, when) in the user's language.
    return recover('missing', '');
  }
  return { kind: 'ready', state: opened, dbName };
}
