/** Channel group `state:*`: what the database held, and which database is current (data-state.ts). */
import { requestSchemas } from '@shared/ipc/schemas';
import { readDataState, reportData, switchDatabase } from '../data-state';
import { handle } from './handle';
import type { IpcContext } from './context';

/** Registers `state:report`, `state:get`, `state:switch-db`. */
export function registerStateIpc(ctx: IpcContext): void {
  handle('state:report', requestSchemas['state:report'], (req) => reportData(ctx.userDataPath, req), ctx.origins);
  handle('state:get', requestSchemas['state:get'], () => readDataState(ctx.userDataPath), ctx.origins);
  handle(
    'state:switch-db',
    requestSchemas['state:switch-db'],
    (req) => switchDatabase(ctx.userDataPath, req),
    ctx.origins,
  );
}
