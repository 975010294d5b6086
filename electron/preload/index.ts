/**
 * The preload of every app window: exposes `window.api`, one function per channel of the contract,
 * and nothing else (never ipcRenderer). It runs in a sandboxed renderer, so it must build to ONE
 * CommonJS file that requires only `electron` (tests/unit/preload-sandbox.test.ts checks that).
 *
 * Errors: contextBridge copies only the message of an Error to the page (custom properties such
 * as `.code` are dropped), so the code also travels as a `[code] ` prefix of the message, which
 * renderer/platform/electron.ts turns back into a PlatformError.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  channelOf,
  MAIN_EVENT_CHANNEL,
  type Channel,
  type IpcErrorCode,
  type IpcResult,
  type MainEvent,
  type PlatformApi,
  type PlatformInvokeApi,
} from '@shared/ipc/contract';

/** An Error carrying the IPC error code (kept for callers inside the preload's own world). */
class IpcCallError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(`[${code}] ${message}`);
    this.name = 'IpcCallError';
  }
}

/** Calls one channel and unwraps its IpcResult: the value, or a rejection with an IpcCallError. */
function invoker(channel: Channel) {
  return async (req?: unknown): Promise<unknown> => {
    const result = (await ipcRenderer.invoke(channel, req)) as IpcResult<unknown>;
    if (result.ok) return result.value;
    throw new IpcCallError(result.error.code, result.error.message);
  };
}

const call = <M extends keyof PlatformInvokeApi>(method: M) => invoker(channelOf[method]) as PlatformApi[M];

const api = {
  appInfo: call('appInfo'),
  saveFile: call('saveFile'),
  openFile: call('openFile'),
  openPdf: call('openPdf'),
  printPdf: call('printPdf'),
  notify: call('notify'),
  backupGetFolder: call('backupGetFolder'),
  backupChooseFolder: call('backupChooseFolder'),
  backupWrite: call('backupWrite'),
  backupList: call('backupList'),
  backupRead: call('backupRead'),
  backupUnpin: call('backupUnpin'),
  backupLocation: call('backupLocation'),
  stateReport: call('stateReport'),
  stateGet: call('stateGet'),
  stateSwitchDb: call('stateSwitchDb'),
  backupTakeOpened: call('backupTakeOpened'),
  teamKeyLoad: call('teamKeyLoad'),
  teamKeySave: call('teamKeySave'),
  secretGetBackupPassword: call('secretGetBackupPassword'),
  secretSetBackupPassword: call('secretSetBackupPassword'),
  // The page gets a subscription, never ipcRenderer itself: only this one channel, only events.
  onMainEvent: (listener: (event: MainEvent) => void) => {
    const forward = (_event: IpcRendererEvent, payload: MainEvent) => listener(payload);
    ipcRenderer.on(MAIN_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(MAIN_EVENT_CHANNEL, forward);
    };
  },
} satisfies PlatformApi;

contextBridge.exposeInMainWorld('api', api);
