/** Channel `backup:take-opened`: the backup the OS asked the app to open (see open-file.ts). */
import { requestSchemas } from '@shared/ipc/schemas';
import { handle } from './handle';
import type { IpcContext } from './context';

/** Registers `backup:take-opened`. */
export function registerOpenedFileIpc(ctx: IpcContext): void {
  handle('backup:take-opened', requestSchemas['backup:take-opened'], () => ctx.openedBackups.take(), ctx.origins);
}
