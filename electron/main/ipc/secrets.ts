/**
 * Channel groups `teamkey:*` and `secret:*`: the team key and the remembered backup password, kept
 * by main with safeStorage (secrets.ts). The renderer receives the team key's bytes at start and
 * imports them as a non-extractable WebCrypto key (renderer/core/team-key-store.ts).
 */
import { safeStorage } from 'electron';
import { requestSchemas } from '@shared/ipc/schemas';
import { loadBackupPassword, loadTeamKey, saveTeamKey, setBackupPassword, type SafeStorageLike } from '../secrets';
import { handle } from './handle';
import type { IpcContext } from './context';

/** Registers `teamkey:load`, `teamkey:save`, `secret:get-backup-password`, `secret:set-backup-password`. */
export function registerSecretIpc(ctx: IpcContext, safe: SafeStorageLike = safeStorage): void {
  const { userDataPath, origins } = ctx;
  handle('teamkey:load', requestSchemas['teamkey:load'], () => loadTeamKey(userDataPath, safe), origins);
  handle('teamkey:save', requestSchemas['teamkey:save'], (req) => saveTeamKey(userDataPath, safe, req), origins);
  handle(
    'secret:get-backup-password',
    requestSchemas['secret:get-backup-password'],
    () => loadBackupPassword(userDataPath, safe),
    origins,
  );
  handle(
    'secret:set-backup-password',
    requestSchemas['secret:set-backup-password'],
    (req) => setBackupPassword(userDataPath, safe, req.password),
    origins,
  );
}
