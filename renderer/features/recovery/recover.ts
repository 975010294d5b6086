/**
 * What the recovery screen does: list the backups the platform can still read (Electron: the
 * backup folder on disk, read by main; browser: the backup store, a separate IndexedDB database),
 * find the newest one that passes every check, and restore it into a FRESH database under a new
 * name. The broken database keeps its name and is never deleted: the platform records it as set
 * aside (Electron main also copies the profile's IndexedDB folder to userData/broken-<time>,
 * electron/main/data-state.ts) before the fresh database is created.
 */
import type { BackupEntry, PlatformInvokeApi } from '@shared/ipc/contract';
import { MAX_FILE_BYTES } from '@shared/ipc/schemas';
import { openDatabase, setDb, type OnsiteDb } from '../../db';
import { PlatformError } from '../../platform';
import { applyRestore, validateBackup, type RestorePlan, type ValidationResult } from '../backup';
import { readMarker } from './data-marker';
import type { Recovery } from './start';

export interface LoadedBackup {
  name: string;
  data: Uint8Array;
}

type Platform = Pick<PlatformInvokeApi, 'backupList' | 'backupRead' | 'openFile' | 'stateSwitchDb' | 'stateReport'>;

/** Backups newest first; `error` when the store cannot be read (its message, for the detail line). */
export async function listBackups(p: Platform): Promise<{ entries: BackupEntry[]; error: string | null }> {
  try {
    const entries = await p.backupList();
    return { entries: [...entries].sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt)), error: null };
  } catch (err) {
    return { entries: [], error: err instanceof Error ? err.message : String(err) };
  }
}

export type Validator = (data: Uint8Array, password?: string) => Promise<ValidationResult>;
const defaultValidator: Validator = (data, password) => validateBackup(data, { password });

/**
 * Reads and checks the listed backups from the newest down; returns the first that passes
 * (with its plan), or what was wrong with each one tried. An encrypted backup without the
 * password is skipped here (the user can choose it and type the password).
 */
export async function findNewestVerified(
  p: Platform,
  entries: BackupEntry[],
  validate: Validator = defaultValidator,
  onTry?: (name: string, index: number) => void,
): Promise<
  { ok: true; file: LoadedBackup; plan: RestorePlan } | { ok: false; tried: Array<{ name: string; reason: string }> }
> {
  const tried: Array<{ name: string; reason: string }> = [];
  for (const [i, entry] of entries.entries()) {
    onTry?.(entry.name, i);
    let file: LoadedBackup;
    try {
      file = await p.backupRead({ name: entry.name });
    } catch (err) {
      tried.push({ name: entry.name, reason: err instanceof Error ? err.message : String(err) });
      continue;
    }
    const result = await validate(file.data);
    if (result.ok) return { ok: true, file, plan: result.plan };
    tried.push({ name: entry.name, reason: result.needsPassword ? 'errors.passwordRequired' : result.errors[0]?.key });
  }
  return { ok: false, tried };
}

/** A backup file chosen in the open dialog; null when the user cancels. */
export async function openBackupFile(p: Platform): Promise<LoadedBackup | null> {
  try {
    return await p.openFile({
      filters: [{ name: 'Onsite Desk backup', extensions: ['odbk'] }],
      maxBytes: MAX_FILE_BYTES,
    });
  } catch (err) {
    if (err instanceof PlatformError && err.code === 'cancelled') return null;
    throw err;
  }
}

/** A fresh database name: the failed one's base and the time, e.g. `onsite-desk-r20261205T020304`. */
export function freshDbName(failed: string, now = new Date()): string {
  const base = failed.replace(/-r\d{8}T\d{6}$/, '');
  return `${base}-r${now.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '')}`.slice(0, 80);
}

/**
 * Restores `plan` into a fresh database: the platform first records the failed database as set
 * aside (and in Electron copies its folder), then the fresh one is created, filled in one
 * transaction with the restore's audit entry, and its marker reported. The caller reloads.
 */
export async function restoreIntoFresh(
  p: Platform,
  recovery: Recovery,
  file: LoadedBackup,
  plan: RestorePlan,
  now = new Date(),
  open: (name: string) => ReturnType<typeof openDatabase> = (name) => openDatabase(name),
): Promise<string> {
  const fresh = freshDbName(recovery.dbName, now);
  await p.stateSwitchDb({
    current: fresh,
    aside: recovery.dbName,
    reason: (recovery.detail ? `${recovery.reason}: ${recovery.detail}` : recovery.reason).slice(0, 500),
  });
  const state = await open(fresh);
  if (state.kind !== 'ok') throw new Error(state.kind === 'error' ? state.message : 'the fresh database is newer');
  const db: OnsiteDb = state.db;
  setDb(db);
  try {
    await applyRestore(db, plan, { name: file.name });
    await p.stateReport(await readMarker(db, now));
  } finally {
    setDb(null);
    db.close();
  }
  return fresh;
}
