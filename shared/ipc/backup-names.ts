/**
 * Backup file names. Main chooses every name (the renderer never names a path): the time, this
 * laptop's device code and the reason are in it, so a person reading a shared folder sees whose
 * backup is whose, and retention can tell its own files from another laptop's.
 *
 *   onsite-desk-<yyyymmdd>-<hhmmssSSS>-<device code>-<reason>.odbk   (Shanghai wall time)
 */
import { formatInstant } from '../domain/time';
import { BACKUP_EXTENSION } from './schemas';

export const backupReasons = ['auto', 'manual', 'close', 'pre-upgrade', 'pre-restore'] as const;
export type BackupWriteReason = (typeof backupReasons)[number];

/** Backups that undo something (a restore, a schema upgrade): never deleted automatically. */
export const pinnedReasons: ReadonlySet<BackupWriteReason> = new Set(['pre-restore', 'pre-upgrade']);

const NAME = /^onsite-desk-(\d{8})-(\d{9})-([A-Z0-9]{1,3})-(auto|manual|close|pre-upgrade|pre-restore)\.odbk$/;

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `yyyymmdd-hhmmssSSS` of an instant in Shanghai wall time, as backup file names carry it. */
export function backupStamp(at: Date): string {
  // The one Shanghai conversion (shared/domain/time.ts) gives `2026-11-25T23:10:05+08:00`.
  const ms = at.getTime();
  const millis = ((ms % 1000) + 1000) % 1000;
  const wall = formatInstant(ms - millis);
  return `${wall.slice(0, 10).replaceAll('-', '')}-${wall.slice(11, 19).replaceAll(':', '')}${pad(millis, 3)}`;
}

/** The name of a backup written at `at` by `deviceCode` for `reason`. */
export function composeBackupName(deviceCode: string, reason: BackupWriteReason, at: Date): string {
  return `onsite-desk-${backupStamp(at)}-${deviceCode}-${reason}${BACKUP_EXTENSION}`;
}

/** The parts of a name this app gave; null for any other file name. */
export function parseBackupName(name: string): { deviceCode: string; reason: BackupWriteReason } | null {
  const m = NAME.exec(name);
  return m ? { deviceCode: m[3], reason: m[4] as BackupWriteReason } : null;
}
