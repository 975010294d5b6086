/**
 * The renderer's only door to the machine. `platform` is picked once at start: the Electron
 * preload's `window.api` when present, otherwise the plain-Chromium implementation. Nothing else
 * in the renderer knows which one runs.
 */
import type { PlatformApi } from '@shared/ipc/contract';
import { createElectronPlatform } from './electron';
import { createWebPlatform } from './web';
import './globals';

export { PlatformError, toPlatformError } from './errors';
export type { OnsiteTestPlatform } from './globals';
export type {
  AppInfo,
  BackupEntry,
  BackupLocation,
  BackupWriteRequest,
  BackupWriteResult,
  FileFilter,
  IpcErrorCode,
  NotifyRequest,
  OpenedFile,
  OpenFileRequest,
  PdfRequest,
  PlatformApi,
  PrintOutcome,
  SaveFileRequest,
  SaveFileResult,
} from '@shared/ipc/contract';

/** The PlatformApi of this run; every call rejects with a PlatformError on failure. */
export const platform: PlatformApi = window.api ? createElectronPlatform(window.api) : createWebPlatform();
