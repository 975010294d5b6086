/** What the IPC handlers need from the rest of main, passed in so tests can supply fakes. */
import type { BrowserWindow } from 'electron';
import type { BackupStore } from '../backup-store';
import type { NetworkGuard } from '../network-guard';
import type { OpenedBackups } from '../open-file';

export interface IpcContext {
  /** Origins whose frames may call the API (see origin.ts). */
  origins: readonly string[];
  backups: BackupStore;
  userDataPath: string;
  /** Default backup folder (userData/backups), reported by app:info. */
  defaultBackupFolder: string;
  /** The main window, if open: parent of dialogs, focused on notification click. */
  mainWindow: () => BrowserWindow | null;
  /** The request blocker: its count goes into app:info; the print window may load one temp file. */
  network: NetworkGuard;
  /** The backup the OS asked us to open (double-click on an .odbk file). */
  openedBackups: OpenedBackups;
}
