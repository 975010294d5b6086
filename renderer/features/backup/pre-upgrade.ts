import type Dexie from 'dexie';
import { setPreUpgradeHook } from '../../db/db';
import { platform } from '../../platform';
import { BackupError, backupPassword, makeBackupFile, readSettings } from './backup.service';
import { authIssue } from './validate';
import { decodeBackup } from './format-decode';

/**
 * The backup taken before a schema upgrade, from the old database as it is on disk. It must be
 * written and read back intact, or the upgrade does not happen (openDatabase reports the error).
 */
export async function preUpgradeBackup(old: Dexie, fromVersion: number): Promise<string> {
  const password = await backupPassword(await readSettings(old));
  const file = await makeBackupFile(old, 'pre-upgrade', { password, schema: fromVersion });
  const written = await platform.backupWrite({ data: file.data, reason: 'pre-upgrade', deviceCode: file.deviceCode });
  const back = await platform.backupRead({ name: written.name });
  const check = await decodeBackup(back.data, password, { views: true });
  if (!check.ok) throw new BackupError('errors.verifyFailed', check.errors);
  const auth = authIssue(check.backup.auth);
  if (auth) throw new BackupError('errors.verifyFailed', [auth]);
  return written.name;
}

/** Registers the pre-upgrade backup with the database layer; called once at start, before the database opens. */
export function installPreUpgradeBackup(): void {
  setPreUpgradeHook(async (old, from) => void (await preUpgradeBackup(old, from)));
}
