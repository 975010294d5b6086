/**
 * Main-process entry: app lifecycle only. The order matters and no test can run Electron here:
 * privileged schemes before `ready`, `protocol.handle` and IPC after it, guards before any window.
 *
 * Backups are driven by the renderer (its own timer, schema upgrades, and closing): in Electron a
 * cancelled `beforeunload` silently keeps the window open (main does not handle
 * 'will-prevent-unload'), so the renderer can finish a close-time backup and then close again.
 */
import { join } from 'node:path';
import { app, session, type BrowserWindow } from 'electron';
import { MAIN_EVENT_CHANNEL, type MainEvent } from '@shared/ipc/contract';
import { BackupStore } from './backup-store';
import { registerIpcHandlers } from './ipc';
import { sweepTempPdfs } from './ipc/pdf';
import { installLockTriggers } from './lock';
import { installMenu } from './menu';
import { createNetworkGuard, installNetworkGuard } from './network-guard';
import { installOpenFileHandlers, OpenedBackups } from './open-file';
import { rendererEntryUrl, trustedOrigins } from './origin';
import { PRELOAD_PATH, RENDERER_ROOT } from './paths';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { hardenSession, installSecurityGuards } from './security';
import { ensureInstallId, readSettings } from './settings';
import { createMainWindow } from './window';

/** Must equal `appId` in electron-builder.yml: Windows shows notifications only for a known AppUserModelID. */
const APP_ID = 'cn.chenghu.onsitedesk';

// Synchronously at module load: schemes can only be made privileged before `ready`.
registerAppScheme();

let mainWindow: BrowserWindow | null = null;

/** Pushes an event to the window; lost if no page listens yet, so the renderer also asks at start. */
function sendToWindow(event: MainEvent): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(MAIN_EVENT_CHANNEL, event);
}

const openedBackups = new OpenedBackups({ notify: (name) => sendToWindow({ type: 'backup-file-opened', name }) });

/** Brings the existing window to the front (second launch, notification click, dock click). */
function focusMainWindow(): void {
  if (!mainWindow || mainWindow.isDestroyed()) {
    if (app.isReady()) openMainWindow();
    return;
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function openMainWindow(): void {
  mainWindow = createMainWindow({
    preloadPath: PRELOAD_PATH,
    url: rendererEntryUrl(app.isPackaged),
    userDataPath: app.getPath('userData'),
    title: app.getName(),
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

async function onReady(origins: readonly string[]): Promise<void> {
  const userDataPath = app.getPath('userData');
  const defaultBackupFolder = join(userDataPath, 'backups');

  hardenSession(session.defaultSession, origins);
  // Before any window exists, so not even the first page load can reach the network.
  const network = createNetworkGuard({ origins });
  installNetworkGuard(session.defaultSession, network);
  handleAppProtocol(RENDERER_ROOT);
  registerIpcHandlers({
    origins,
    userDataPath,
    defaultBackupFolder,
    // Read on every use: the user may choose another folder while the app runs.
    backups: new BackupStore({
      getFolder: () => readSettings(userDataPath).backupFolder ?? defaultBackupFolder,
      dataPath: userDataPath,
      getInstallId: () => ensureInstallId(userDataPath),
    }),
    mainWindow: () => mainWindow,
    network,
    openedBackups,
  });
  installMenu({
    onAbout: () => {
      focusMainWindow();
      sendToWindow({ type: 'show-about' });
    },
    onLock: () => sendToWindow({ type: 'lock' }),
  });
  installLockTriggers(sendToWindow);
  openMainWindow();
  void sweepTempPdfs();
}

if (!app.requestSingleInstanceLock()) {
  // Another instance owns the database; it gets a 'second-instance' event and focuses itself.
  app.quit();
} else {
  const origins = trustedOrigins(app.isPackaged);
  if (process.platform === 'win32') app.setAppUserModelId(APP_ID);
  installSecurityGuards(app, origins);
  app.on('second-instance', focusMainWindow);
  installOpenFileHandlers(app, openedBackups, focusMainWindow);
  app.on('activate', focusMainWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app
    .whenReady()
    .then(() => onReady(origins))
    .catch((error: unknown) => {
      console.error('[main] start-up failed', error);
      app.exit(1);
    });
}
