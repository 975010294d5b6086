import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { getDb, writeTx } from '../../db';
import { platform, type AppInfo, type BackupEntry } from '../../platform';
import {
  BackupError,
  lastAttemptKey,
  lastBackupKey,
  settingsKey,
  type BackupAttempt,
  type BackupSettings,
  type LastBackup,
} from './backup.service';

/** A backup older than this, or none, raises the banner. */
export const staleAfterMs = 7 * 24 * 3600_000;

function useMeta<T>(key: string): T | null | undefined {
  return useLiveQuery(async () => ((await getDb().meta.get(key))?.value as T | undefined) ?? null, [key]);
}

export const useLastBackup = () => useMeta<LastBackup>(lastBackupKey);
export const useLastAttempt = () => useMeta<BackupAttempt>(lastAttemptKey);
export const useBackupSettings = () => useMeta<BackupSettings>(settingsKey);
export interface LastRestore {
  at: string;
  source: string;
  preRestoreName: string | null;
  createdAt: string;
}
export const useLastRestore = () => useMeta<LastRestore>('backup.lastRestore');

/** True (stale) when the last good backup is older than 7 days or there is none; undefined while loading. */
export function isStale(last: LastBackup | null | undefined, now = Date.now()): boolean | undefined {
  if (last === undefined) return undefined;
  return !last || now - Date.parse(last.at) > staleAfterMs;
}

/** The dashboard warns when the last verified backup is older than a day (the data of a day's work exists once). */
export const dayOldAfterMs = 24 * 3600_000;
export function olderThanADay(last: LastBackup | null | undefined, now = Date.now()): boolean {
  return !!last && now - Date.parse(last.at) > dayOldAfterMs;
}

/** True where a backup password can be remembered: Electron, through main's safeStorage. */
export const canRememberPassword = () => Boolean(window.api);

/**
 * Saves the encryption choice; audited as a settings change (the password itself never is). The
 * password goes to main's protected storage (electron/main/secrets.ts), never into the database.
 */
export async function saveBackupSettings(next: BackupSettings & { password?: string }): Promise<void> {
  if (next.encrypt && !canRememberPassword()) throw new BackupError('errors.cannotRemember');
  await platform.secretSetBackupPassword({ password: next.encrypt ? (next.password ?? null) : null });
  await writeTx(['meta'], async (db, w) => {
    await db.meta.put({ key: settingsKey, value: { encrypt: next.encrypt } satisfies BackupSettings });
    await w.log(
      'settings',
      'backup',
      'settings',
      next.encrypt ? 'backup encryption on (password changed)' : 'backup encryption off',
    );
  });
}

/** Stored backups, newest first; `reload` after a backup or restore. */
export function useBackupList(): { list: BackupEntry[] | undefined; error: string | null; reload: () => void } {
  const [list, setList] = useState<BackupEntry[] | undefined>();
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const last = useLastBackup();
  useEffect(() => {
    let live = true;
    platform.backupList().then(
      (l) => live && (setList(l), setError(null)),
      (e: unknown) => live && (setList([]), setError(e instanceof Error ? e.message : String(e))),
    );
    return () => {
      live = false;
    };
  }, [tick, last?.name]);
  return { list, error, reload: () => setTick((n) => n + 1) };
}

export function useAppInfo(): AppInfo | undefined {
  const [info, setInfo] = useState<AppInfo>();
  useEffect(() => void platform.appInfo().then(setInfo, () => undefined), []);
  return info;
}
