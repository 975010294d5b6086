/**
 * The one way to register an IPC handler: it checks the sender, parses the payload with zod and
 * always resolves to an `IpcResult`, so a bad payload or a failing disk never becomes an
 * unhandled rejection (which Electron would turn into an untyped "Error invoking remote method").
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import type { Channel, IpcContract, IpcResult } from '@shared/ipc/contract';
import { describeZodError, ipcFail, ipcOk } from '@shared/ipc/schemas';
import { isTrustedUrl } from '../origin';
import { toIpcError } from './errors';

export type Req<C extends Channel> = IpcContract[C]['req'];
export type Res<C extends Channel> = IpcContract[C]['res'];
export type Handler<C extends Channel> = (req: Req<C>, event: IpcMainInvokeEvent) => Promise<Res<C>> | Res<C>;
export type Listener<C extends Channel> = (event: IpcMainInvokeEvent, payload: unknown) => Promise<IpcResult<Res<C>>>;

/**
 * True when the message comes from a frame of the app itself. `senderFrame` is null when the
 * frame has navigated away or been destroyed since sending; that counts as untrusted.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, origins: readonly string[]): boolean {
  const url = event.senderFrame?.url;
  return typeof url === 'string' && isTrustedUrl(url, origins);
}

/** Builds the listener for one channel (exported separately so tests can call it without ipcMain). */
export function createListener<C extends Channel>(
  channel: C,
  schema: z.ZodType<Req<C>>,
  fn: Handler<C>,
  origins: readonly string[],
): Listener<C> {
  return async (event, payload) => {
    if (!isTrustedSender(event, origins)) {
      return ipcFail('forbidden-sender', `${channel}: the sender is not part of the app`);
    }
    const parsed = schema.safeParse(payload);
    if (!parsed.success) {
      return ipcFail('invalid-payload', `${channel}: ${describeZodError(parsed.error)}`);
    }
    try {
      return ipcOk(await fn(parsed.data, event));
    } catch (error) {
      const ipcError = toIpcError(error);
      // The renderer shows the message to the user; the log keeps the stack for support.
      console.error(`[ipc] ${channel} failed (${ipcError.code})`, error);
      return { ok: false, error: ipcError };
    }
  };
}

/** Registers a validated, sender-checked handler for `channel` on ipcMain. */
export function handle<C extends Channel>(
  channel: C,
  schema: z.ZodType<Req<C>>,
  fn: Handler<C>,
  origins: readonly string[],
): void {
  ipcMain.handle(channel, createListener(channel, schema, fn, origins));
}
