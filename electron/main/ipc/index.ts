/** Registers every IPC channel group. Each channel of `IpcContract` is handled exactly once. */
import { registerAppIpc } from './app';
import { registerBackupIpc } from './backup';
import type { IpcContext } from './context';
import { registerFileIpc } from './file';
import { registerNotifyIpc } from './notify';
import { registerOpenedFileIpc } from './opened-file';
import { registerPdfIpc } from './pdf';
import { registerSecretIpc } from './secrets';
import { registerStateIpc } from './state';

export type { IpcContext } from './context';

/** Registers all handlers on ipcMain. Call once, after `app` is ready. */
export function registerIpcHandlers(ctx: IpcContext): void {
  registerAppIpc(ctx);
  registerFileIpc(ctx);
  registerPdfIpc(ctx);
  registerNotifyIpc(ctx);
  registerBackupIpc(ctx);
  registerOpenedFileIpc(ctx);
  registerStateIpc(ctx);
  registerSecretIpc(ctx);
}
