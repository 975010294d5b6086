/** PlatformApi for Electron: forwards to the preload's `window.api`, mapping failures to PlatformError. */
import type { PlatformApi } from '@shared/ipc/contract';
import { toPlatformError } from './errors';
import './globals';

/** Wraps the preload API so every rejection is a PlatformError with a usable `.code`. */
export function createElectronPlatform(api: PlatformApi): PlatformApi {
  const wrap =
    <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      try {
        return await fn(...args);
      } catch (error) {
        throw toPlatformError(error);
      }
    };
  return {
    appInfo: wrap(() => api.appInfo()),
    saveFile: wrap((req) => api.saveFile(req)),
    openFile: wrap((req) => api.openFile(req)),
    openPdf: wrap((req) => api.openPdf(req)),
    printPdf: wrap((req) => api.printPdf(req)),
    notify: wrap((req) => api.notify(req)),
    backupGetFolder: wrap(() => api.backupGetFolder()),
    backupChooseFolder: wrap(() => api.backupChooseFolder()),
    backupWrite: wrap((req) => api.backupWrite(req)),
    backupList: wrap(() => api.backupList()),
    backupRead: wrap((req) => api.backupRead(req)),
    backupUnpin: wrap((req) => api.backupUnpin(req)),
    backupLocation: wrap(() => api.backupLocation()),
    stateReport: wrap((req) => api.stateReport(req)),
    stateGet: wrap(() => api.stateGet()),
    stateSwitchDb: wrap((req) => api.stateSwitchDb(req)),
    backupTakeOpened: wrap(() => api.backupTakeOpened()),
    teamKeyLoad: wrap(() => api.teamKeyLoad()),
    teamKeySave: wrap((req) => api.teamKeySave(req)),
    secretGetBackupPassword: wrap(() => api.secretGetBackupPassword()),
    secretSetBackupPassword: wrap((req) => api.secretSetBackupPassword(req)),
    onMainEvent: (listener) => api.onMainEvent(listener),
  };
}
