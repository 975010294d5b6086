/**
 * Backups of the open database: made, written through the platform (a folder on disk in Electron,
 * a separate IndexedDB in the browser), read back and verified (re-parsed and re-hashed against
 * the manifest), and recorded in `meta`.
 * One backup or restore runs at a time.
 */
import type Dexie from 'dexie';
import type { SiteSettings } from '@shared/schemas/core';
import { getDb, isReadOnly, tableOf } from '../../db';
import { schemaVersion } from '../../db/migrations';
import { platform, PlatformError } from '../../platform';
import { encodeBackup } from './format-encode';
import type { BackupIssue, BackupReason } from './format-types';
import { exportSnapshot } from './snapshot';
import { decodeBackup } from './format-decode';
import { formatBytes } from './messages';
import { backupStamp } from '@shared/ipc/backup-names';
import { NoTeamKeyError } from './format-auth';
import { authIssue } from './validate';

export const lastBackupKey = 'backup.last';
export const lastAttemptKey = 'backup.lastAttempt';
export const settingsKey = 'backup.settings';

/** The last backup that was written, read back and found intact. */
export interface LastBackup {
  at: string;
  name: string;
  folder: string;
  path: string;
  size: number;
  reason: BackupReason;
  sha256: string;
  encrypted: boolean;
  counts: Record<string, number>;
  /** The audit chain head when the snapshot was taken: another head means changes since (a restore included). */
  auditHead: string;
}

export interface BackupAttempt {
  at: string;
  reason: BackupReason;
  ok: boolean;
  name?: string;
  messageKey?: string;
  params?: Record<string, number | string>;
  issues?: BackupIssue[];
}

/**
 * This laptop's backup choices (meta `backup.settings`, never in a backup). The password itself is
 * never stored here: in Electron main keeps it, encrypted with safeStorage, when the user asks to
 * remember it (`secret:*` IPC); the browser build never remembers one.
 */
export interface BackupSettings {
  encrypt: boolean;
}

export type BackupStage = 'snapshot' | 'encode' | 'write' | 'verify' | 'done';
export type Progress = (stage: BackupStage, percent: number) => void;

/** A backup that failed; `messageKey` (namespace `backup`) says why in the user's language. */
export class BackupError extends Error {
  constructor(
    public messageKey: string,
    public issues: BackupIssue[] = [],
    public detail = '',
    /** Values for the message (e.g. sizes), formatted by the UI. */
    public params: Record<string, number | string> = {},
  ) {
    super(`${messageKey}${detail ? `: ${detail}` : ''}`);
    this.name = 'BackupError';
  }
}

let queue: Promise<unknown> = Promise.resolve();
/** Runs `fn` after every backup or restore already started. */
export function exclusive<T>(fn: () => Promise<T>): Promise<T> {
  const run = queue.then(fn, fn);
  queue = run.catch(() => undefined);
  return run;
}

/** `onsite-desk-20261125-231005123-A-auto.odbk`, in Shanghai wall time like everything the team reads. */
export function backupName(reason: BackupReason, deviceCode: string, now = new Date()): string {
  return `onsite-desk-${backupStamp(now)}-${deviceCode.replace(/[^A-Z0-9]/g, '') || 'X'}-${reason}.odbk`;
}

/** The device code as file names carry it (A–Z, 0–9, at most 3); `X` when unset. */
export function safeDeviceCode(code: string): string {
  return code.replace(/[^A-Z0-9]/g, '').slice(0, 3) || 'X';
}

export async function readSettings(db: Dexie = getDb()): Promise<BackupSettings> {
  const row = (await tableOf(db, 'meta').get(settingsKey)) as { value?: BackupSettings } | undefined;
  return row?.value ?? { encrypt: false };
}

/**
 * The password automatic backups are encrypted with: the one main remembers, when encryption is
 * on. Encryption on with no remembered password fails the backup rather than write it in clear.
 */
export async function backupPassword(s: BackupSettings): Promise<string | undefined> {
  if (!s.encrypt) return undefined;
  const pw = await platform.secretGetBackupPassword().catch(() => null);
  if (!pw) throw new BackupError('errors.passwordUnavailable');
  return pw;
}

/**
 * Removes a password stored in plain by earlier versions (meta `backup.settings`). In Electron it
 * moves to main's protected storage first; the browser build forgets it (encryption off).
 * Runs at start; true when something was removed.
 */
export async function scrubStoredPassword(db: Dexie = getDb()): Promise<boolean> {
  if (isReadOnly()) return false;
  const row = (await tableOf(db, 'meta').get(settingsKey)) as
    { value?: { encrypt?: boolean; password?: unknown } } | undefined;
  const old = row?.value?.password;
  if (old === undefined) return false;
  let encrypt = false;
  if (typeof old === 'string' && old && row?.value?.encrypt && window.api)
    encrypt = await platform.secretSetBackupPassword({ password: old }).then(
      () => true,
      () => false,
    );
  await tableOf(db, 'meta').put({ key: settingsKey, value: { encrypt } satisfies BackupSettings });
  return true;
}

/** Encodes a snapshot of `db` (the open database, or an old one before its upgrade). */
export async function makeBackupFile(
  db: Dexie,
  reason: BackupReason,
  opts: { password?: string; now?: Date; onProgress?: Progress; schema?: number } = {},
) {
  const now = opts.now ?? new Date();
  opts.onProgress?.('snapshot', 5);
  const tables = await exportSnapshot(db);
  const site = (await tableOf(db, 'settings').get('site')) as SiteSettings | undefined;
  const deviceCode = site?.deviceCode ?? 'X';
  const appVersion = await platform.appInfo().then(
    (i) => i.version,
    () => 'unknown',
  );
  const data = await encodeBackup(
    tables,
    { appVersion, schemaVersion: opts.schema ?? schemaVersion, createdAt: now.toISOString(), deviceCode, reason },
    {
      password: opts.password,
      onProgress: (f) => opts.onProgress?.('encode', 10 + Math.round(f * 50)),
    },
  );
  const counts = Object.fromEntries(tables.map((t) => [t.name, t.rows.length]));
  // Backups stored by the platform are named by it (main); this name is only for exported files.
  return { data, counts, name: backupName(reason, deviceCode, now), deviceCode: safeDeviceCode(deviceCode) };
}

function platformMessage(err: unknown): BackupError {
  if (err instanceof BackupError) return err;
  if (err instanceof NoTeamKeyError) return new BackupError('errors.noTeamKey');
  if (err instanceof PlatformError) {
    const low = /needs (\d+) bytes free, (\d+) available/.exec(err.message);
    if (err.code === 'disk-full' && low)
      return new BackupError('safety:backup.lowSpace', [], err.message, {
        needed: formatBytes(Number(low[1]), 'en'),
        free: formatBytes(Number(low[2]), 'en'),
      });
    return new BackupError(err.code === 'disk-full' ? 'errors.diskFull' : 'errors.writeFailed', [], err.message);
  }
  return new BackupError('errors.writeFailed', [], err instanceof Error ? err.message : String(err));
}

async function record(key: string, value: unknown): Promise<void> {
  // Bookkeeping of this laptop, not a record: not audited, and never inside a backup (snapshot.ts).
  if (!isReadOnly()) await getDb().meta.put({ key, value });
}

async function backupNow(
  reason: Exclude<BackupReason, 'export'>,
  onProgress?: Progress,
  now = new Date(),
): Promise<LastBackup> {
  if (isReadOnly()) throw new BackupError('errors.readOnly');
  const db = getDb();
  try {
    const settings = await readSettings(db);
    const password = await backupPassword(settings);
    const auditHead = await headOf(db);
    const file = await makeBackupFile(db, reason, { password, now, onProgress });
    onProgress?.('write', 65);
    const written = await platform.backupWrite({ data: file.data, reason, deviceCode: file.deviceCode });
    onProgress?.('verify', 80);
    const back = await platform.backupRead({ name: written.name });
    // The manifest check: re-parse every table and re-hash every table and image. (The strict
    // schema and reference checks run on restore; the full demo site passes them in the tests.)
    const check = await decodeBackup(back.data, password, { views: true });
    if (!check.ok) throw new BackupError('errors.verifyFailed', check.errors);
    const auth = authIssue(check.backup.auth);
    if (auth) throw new BackupError('errors.verifyFailed', [auth]);
    const folder = await platform.backupGetFolder().catch(() => '');
    const last: LastBackup = {
      at: now.toISOString(),
      name: written.name,
      folder,
      path: written.path,
      size: written.size,
      reason,
      sha256: written.sha256,
      encrypted: Boolean(password),
      counts: file.counts,
      auditHead,
    };
    await record(lastBackupKey, last);
    await record(lastAttemptKey, {
      at: now.toISOString(),
      reason,
      ok: true,
      name: written.name,
    } satisfies BackupAttempt);
    onProgress?.('done', 100);
    return last;
  } catch (err) {
    const e = platformMessage(err);
    await record(lastAttemptKey, {
      at: now.toISOString(),
      reason,
      ok: false,
      messageKey: e.messageKey,
      params: e.params,
      issues: e.issues.slice(0, 10),
    } satisfies BackupAttempt).catch(() => undefined);
    throw e;
  }
}

/** Makes, writes and verifies one backup; rejects with a BackupError. */
export function runBackup(reason: Exclude<BackupReason, 'export'>, onProgress?: Progress): Promise<LastBackup> {
  return exclusive(() => backupNow(reason, onProgress));
}

/** For a restore, which already holds the queue. */
export const backupUnlocked = backupNow;

async function headOf(db: Dexie): Promise<string> {
  return (await tableOf(db, 'auditLog').orderBy('seq').last())?.hash ?? '';
}

/** True when the audit chain moved since the last good backup (or there is none): a backup is due. */
export async function hasChangesSinceBackup(): Promise<boolean> {
  const db = getDb();
  const last = (await db.meta.get(lastBackupKey))?.value as LastBackup | undefined;
  return !last || last.auditHead !== (await headOf(db));
}

/** Saves a backup as a file of the user's choosing (USB stick, network share). */
export async function exportToFile(password: string | undefined, onProgress?: Progress): Promise<boolean> {
  return exclusive(async () => {
    const file = await makeBackupFile(getDb(), 'export', { password, onProgress }).catch((err: unknown) => {
      throw platformMessage(err);
    });
    onProgress?.('write', 70);
    try {
      const res = await platform.saveFile({
        defaultName: file.name,
        data: file.data,
        filters: [{ name: 'Onsite Desk backup', extensions: ['odbk'] }],
      });
      onProgress?.('done', 100);
      return res.saved;
    } catch (err) {
      if (err instanceof PlatformError && err.code === 'cancelled') return false;
      throw platformMessage(err);
    }
  });
}
