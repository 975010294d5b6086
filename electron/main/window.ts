/**
 * Window creation. Every BrowserWindow of the app takes its webPreferences from
 * `secureWebPreferences`, so no window can be created without the sandbox.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, screen, type Rectangle, type WebPreferences } from 'electron';
import { writeJsonAtomicSync } from './atomic-file';

export interface WindowState {
  x?: number;
  y?: number;
  width: number;
  height: number;
  isMaximized: boolean;
}

const DEFAULT_SIZE = { width: 1280, height: 820 };
const MIN_SIZE = { width: 960, height: 600 };
/** How much of the window must overlap a display's work area for saved bounds to be reused. */
const MIN_VISIBLE = 100;

/**
 * The webPreferences every window gets: isolated, sandboxed, no Node, web security on.
 * `plugins` is only for the hidden print window (Chromium's PDF viewer is a plugin).
 */
export function secureWebPreferences(options: { preload?: string; plugins?: boolean } = {}): WebPreferences {
  return {
    ...(options.preload ? { preload: options.preload } : {}),
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    plugins: options.plugins ?? false,
    spellcheck: false,
  };
}

/**
 * Keeps saved bounds only if enough of the window is visible on some display (a monitor may have
 * been unplugged since); otherwise centres a default-sized window. Sizes are clipped to the work area.
 */
export function clampBounds(saved: WindowState | null, workAreas: readonly Rectangle[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const fallback = (): WindowState => {
    const width = Math.min(DEFAULT_SIZE.width, primary.width);
    const height = Math.min(DEFAULT_SIZE.height, primary.height);
    return {
      x: primary.x + Math.round((primary.width - width) / 2),
      y: primary.y + Math.round((primary.height - height) / 2),
      width,
      height,
      isMaximized: saved?.isMaximized ?? false,
    };
  };
  if (!saved || saved.x === undefined || saved.y === undefined) return fallback();
  const { x, y } = saved;
  const area = workAreas.find((a) => {
    const overlapX = Math.min(x + saved.width, a.x + a.width) - Math.max(x, a.x);
    const overlapY = Math.min(y + saved.height, a.y + a.height) - Math.max(y, a.y);
    // The title bar (top edge) must be on this display, or the user cannot drag the window back.
    return overlapX >= MIN_VISIBLE && overlapY >= Math.min(MIN_VISIBLE, saved.height) && y >= a.y && y < a.y + a.height;
  });
  if (!area) return fallback();
  return {
    x,
    y,
    width: Math.min(Math.max(saved.width, MIN_SIZE.width), area.width),
    height: Math.min(Math.max(saved.height, MIN_SIZE.height), area.height),
    isMaximized: saved.isMaximized,
  };
}

/** Reads the saved window state; anything unreadable or malformed counts as none. */
export function loadWindowState(file: string): WindowState | null {
  try {
    const raw: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (typeof raw !== 'object' || raw === null) return null;
    const r = raw as Record<string, unknown>;
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? Math.round(v) : undefined);
    const width = num(r.width);
    const height = num(r.height);
    if (!width || !height || width <= 0 || height <= 0) return null;
    return { x: num(r.x), y: num(r.y), width, height, isMaximized: r.isMaximized === true };
  } catch {
    return null;
  }
}

export interface MainWindowOptions {
  preloadPath: string;
  url: string;
  /** userData folder; the bounds file lives there. */
  userDataPath: string;
  title: string;
}

/** Creates the main window with remembered bounds and saves them again when it closes. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const stateFile = join(options.userDataPath, 'window-state.json');
  const state = clampBounds(
    loadWindowState(stateFile),
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const win = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    title: options.title,
    show: false, // shown on ready-to-show to avoid a white flash
    backgroundColor: '#ffffff',
    webPreferences: secureWebPreferences({ preload: options.preloadPath }),
  });
  if (state.isMaximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    // getNormalBounds: the size to restore to, even while maximised.
    const bounds = win.getNormalBounds();
    try {
      writeJsonAtomicSync(stateFile, { ...bounds, isMaximized: win.isMaximized() });
    } catch {
      // Losing the window position is not worth failing the close over.
    }
  });
  void win.loadURL(options.url);
  return win;
}

/** Creates the hidden window that loads a PDF so Chromium's viewer can print it. */
export function createPrintWindow(): BrowserWindow {
  return new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: secureWebPreferences({ plugins: true }),
  });
}
