/** Channel group `backup:*`: the backup folder and the backup files in it (see backup-store.ts). */
import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { requestSchemas } from '@shared/ipc/schemas';
import { updateSettings } from '../settings';
import { IpcFailure } from './errors';
import { showOpenDialog } from './file';
import { handle } from './handle';
import type { IpcContext } from './context';

/** Registers `backup:get-folder`, `backup:choose-folder`, `backup:write`, `backup:list`, `backup:read`, `backup:unpin`, `backup:location`. */
export function registerBackupIpc(ctx: IpcContext): void {
  const { backups, origins } = ctx;

  handle('backup:get-folder', requestSchemas['backup:get-folder'], () => backups.folder, origins);

  handle(
    'backup:choose-folder',
    requestSchemas['backup:choose-folder'],
    async (_req, event) => {
      const result = await showOpenDialog(event, {
        defaultPath: backups.folder,
        properties: ['openDirectory', 'createDirectory'],
      });
      const folder = result.filePaths[0];
      if (result.canceled || !folder) return null;
      // Refuse a read-only folder now rather than at the first automatic backup.
      await mkdir(folder, { recursive: true });
      try {
        await access(folder, constants.W_OK);
      } catch {
        throw new IpcFailure('io', `The folder ${folder} is not writable.`);
      }
      updateSettings(ctx.userDataPath, { backupFolder: folder });
      return folder;
    },
    origins,
  );

  handle('backup:write', requestSchemas['backup:write'], (req) => backups.write(req), origins);
  handle('backup:list', requestSchemas['backup:list'], () => backups.list(), origins);
  handle('backup:read', requestSchemas['backup:read'], (req) => backups.read(req.name), origins);
  handle('backup:unpin', requestSchemas['backup:unpin'], (req) => backups.unpin(req.name), origins);
  handle('backup:location', requestSchemas['backup:location'], () => backups.location(), origins);
}
