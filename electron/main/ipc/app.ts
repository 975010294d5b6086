/** Channel group `app:*`: facts about the running app. */
import { release } from 'node:os';
import { app } from 'electron';
import { requestSchemas } from '@shared/ipc/schemas';
import { handle } from './handle';
import type { IpcContext } from './context';

/** Registers `app:info`. */
export function registerAppIpc(ctx: IpcContext): void {
  handle(
    'app:info',
    requestSchemas['app:info'],
    () => ({
      name: app.getName(),
      version: app.getVersion(),
      platform: 'electron' as const,
      os: `${process.platform} ${release()} (${process.arch})`,
      dataPath: ctx.userDataPath,
      backupPath: ctx.defaultBackupFolder,
      versions: {
        electron: process.versions.electron ?? '',
        chrome: process.versions.chrome ?? '',
        node: process.versions.node,
      },
      blockedRequests: ctx.network.blockedCount(),
    }),
    ctx.origins,
  );
}
