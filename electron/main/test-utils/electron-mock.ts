/**
 * A fake `electron` module for main-process unit tests (Electron cannot run on our machines).
 * Use: `vi.mock('electron', () => import('./test-utils/electron-mock'))`; the test then imports
 * `mockState` from here to inspect what main did. Only the APIs main uses are faked.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** A web contents double: records listeners and the window-open handler. */
export class FakeWebContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  print = vi.fn();
  getPrintersAsync = vi.fn(async (): Promise<{ name: string }[]> => [{ name: 'PDF' }]);
  send = vi.fn();
}

/** A BrowserWindow double that remembers the options it was built with. */
export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  static fromWebContents = vi.fn((): BrowserWindow | null => null);
  static getAllWindows = () => BrowserWindow.instances.filter((w) => !w.destroyed);

  readonly webContents = new FakeWebContents();
  destroyed = false;
  minimized = false;
  maximized = false;
  loadURL = vi.fn(async (_url: string) => undefined);
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  maximize = vi.fn(() => {
    this.maximized = true;
  });
  destroy = vi.fn(() => {
    this.destroyed = true;
  });

  constructor(readonly options: Record<string, unknown> & { webPreferences?: Record<string, unknown> }) {
    super();
    BrowserWindow.instances.push(this);
  }

  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  isMaximized = () => this.maximized;
  getNormalBounds = () => ({
    x: this.options.x as number,
    y: this.options.y as number,
    width: this.options.width as number,
    height: this.options.height as number,
  });
}

class FakeApp extends EventEmitter {
  isPackaged = false;
  ready = false;
  private resolveReady: () => void = () => undefined;
  private readyPromise = new Promise<void>((resolve) => {
    this.resolveReady = resolve;
  });
  paths: Record<string, string> = {};

  requestSingleInstanceLock = vi.fn(() => true);
  quit = vi.fn();
  exit = vi.fn();
  whenReady = vi.fn(() => this.readyPromise);
  isReady = () => this.ready;
  setAppUserModelId = vi.fn();
  getName = () => 'Onsite Desk';
  getVersion = () => '0.1.0';
  getLocale = () => 'zh-CN';
  getPath = vi.fn((name: string) => this.paths[name] ?? `/nonexistent/${name}`);

  /** Test helper: fires `ready`. */
  fireReady(): void {
    this.ready = true;
    this.resolveReady();
  }

  /** Test helper: back to a freshly launched, not-yet-ready app. */
  reset(): void {
    this.removeAllListeners();
    this.ready = false;
    this.isPackaged = false;
    this.paths = {};
    this.readyPromise = new Promise<void>((resolve) => {
      this.resolveReady = resolve;
    });
  }
}

export const app = new FakeApp();

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export const ipcMain = {
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  handle: vi.fn((channel: string, listener: (...args: unknown[]) => unknown) => {
    if (ipcMain.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    ipcMain.handlers.set(channel, listener);
  }),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  },
};

export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }]),
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => template),
  setApplicationMenu: vi.fn(),
};

export const dialog = {
  showSaveDialog: vi.fn(),
  showOpenDialog: vi.fn(),
};

/**
 * A safeStorage double: "encrypts" by XOR with a fixed byte behind a marker, so a stored secret
 * never appears in plain in the file and a file not made by it fails to decrypt.
 */
export const safeStorage = {
  available: true,
  isEncryptionAvailable: vi.fn(() => safeStorage.available),
  encryptString: vi.fn((plain: string) =>
    Buffer.concat([Buffer.from('SAFE'), Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0xa5))]),
  ),
  decryptString: vi.fn((data: Buffer) => {
    if (data.subarray(0, 4).toString() !== 'SAFE') throw new Error('Error while decrypting the ciphertext provided');
    return Buffer.from(data.subarray(4).map((b) => b ^ 0xa5)).toString('utf8');
  }),
};

export const shell = { openPath: vi.fn(async () => '') };

export class Notification extends EventEmitter {
  static isSupported = vi.fn(() => true);
  static created: Notification[] = [];
  show = vi.fn();
  close = vi.fn();
  constructor(readonly options: { title: string; body: string }) {
    super();
    Notification.created.push(this);
  }
}

/** Clears every recorded call and all state, for tests that re-import main per test. */
/** Sleep and screen-lock events (electron/main/lock.ts); a test emits them. */
export const powerMonitor = new EventEmitter();

export function resetElectronMock(): void {
  powerMonitor.removeAllListeners();
  vi.clearAllMocks();
  app.reset();
  ipcMain.handlers.clear();
  BrowserWindow.instances.length = 0;
  Notification.created.length = 0;
  safeStorage.available = true;
}

/** Everything a test may want to inspect, in one place. */
export const mockState = {
  app,
  protocol,
  ipcMain,
  session,
  screen,
  Menu,
  dialog,
  shell,
  BrowserWindow,
  Notification,
  safeStorage,
  powerMonitor,
};
