import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./test-utils/electron-mock'));

const { BrowserWindow, mockState } = await import('./test-utils/electron-mock');
const { clampBounds, createMainWindow, createPrintWindow, loadWindowState, secureWebPreferences } =
  await import('./window');

/** The preferences no window of the app may ever lack. */
function expectLockedDown(prefs: Record<string, unknown> | undefined) {
  expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
  expect(prefs?.nodeIntegrationInWorker).not.toBe(true);
  expect(prefs?.nodeIntegrationInSubFrames).not.toBe(true);
  expect(prefs?.allowRunningInsecureContent).not.toBe(true);
  expect(prefs?.webviewTag).not.toBe(true);
}

let userData: string;
beforeEach(() => {
  userData = mkdtempSync(join(tmpdir(), 'onsite-window-'));
  BrowserWindow.instances.length = 0;
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

const mainOptions = () => ({
  preloadPath: '/app/out/preload/index.cjs',
  url: 'app://bundle/index.html',
  userDataPath: userData,
  title: 'Onsite Desk',
});

describe('webPreferences of every window', () => {
  it('main window: isolated, sandboxed, no Node, the CommonJS preload, the app:// URL', () => {
    const win = createMainWindow(mainOptions()) as unknown as InstanceType<typeof BrowserWindow>;
    expectLockedDown(win.options.webPreferences);
    expect(win.options.webPreferences?.preload).toBe('/app/out/preload/index.cjs');
    expect(win.options.webPreferences?.plugins).toBe(false);
    expect(win.loadURL).toHaveBeenCalledWith('app://bundle/index.html');
  });

  it('print window: locked down too, no preload (it never needs the API), PDF plugin on', () => {
    const win = createPrintWindow() as unknown as InstanceType<typeof BrowserWindow>;
    expectLockedDown(win.options.webPreferences);
    expect(win.options.webPreferences?.preload).toBeUndefined();
    expect(win.options.webPreferences?.plugins).toBe(true);
    expect(win.options.show).toBe(false);
  });

  it('no module outside window.ts constructs a BrowserWindow (so none bypasses secureWebPreferences)', () => {
    const dir = import.meta.dirname;
    const sources = [...readdirSync(dir), ...readdirSync(join(dir, 'ipc')).map((f) => `ipc/${f}`)].filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && f !== 'window.ts',
    );
    expect(sources.length).toBeGreaterThan(5);
    for (const file of sources)
      expect(readFileSync(join(dir, file), 'utf8'), file).not.toMatch(/new\s+BrowserWindow\s*\(/);
    expectLockedDown(secureWebPreferences() as Record<string, unknown>);
  });
});

describe('window bounds', () => {
  const display = { x: 0, y: 0, width: 1920, height: 1040 };
  const second = { x: 1920, y: 0, width: 2560, height: 1400 };

  it('keeps bounds that are visible on a display', () => {
    expect(clampBounds({ x: 2100, y: 100, width: 1400, height: 900, isMaximized: false }, [display, second])).toEqual({
      x: 2100,
      y: 100,
      width: 1400,
      height: 900,
      isMaximized: false,
    });
  });

  it('centres the window when its display is gone', () => {
    const state = clampBounds({ x: 2100, y: 100, width: 1400, height: 900, isMaximized: true }, [display]);
    expect(state).toEqual({ x: 320, y: 110, width: 1280, height: 820, isMaximized: true });
  });

  it('rejects a window whose title bar is off-screen, and clips oversized windows', () => {
    expect(clampBounds({ x: 100, y: -500, width: 1000, height: 800, isMaximized: false }, [display]).y).toBe(110);
    expect(clampBounds({ x: 0, y: 0, width: 5000, height: 3000, isMaximized: false }, [display])).toMatchObject({
      width: 1920,
      height: 1040,
    });
    expect(clampBounds(null, [display])).toMatchObject({ width: 1280, height: 820 });
  });

  it('saves bounds on close and restores them at the next start', () => {
    const first = createMainWindow(mainOptions()) as unknown as InstanceType<typeof BrowserWindow>;
    first.options.x = 40;
    first.options.y = 60;
    first.options.width = 1100;
    first.options.height = 700;
    first.maximized = true;
    first.emit('close');
    expect(loadWindowState(join(userData, 'window-state.json'))).toEqual({
      x: 40,
      y: 60,
      width: 1100,
      height: 700,
      isMaximized: true,
    });

    const next = createMainWindow(mainOptions()) as unknown as InstanceType<typeof BrowserWindow>;
    expect(next.options).toMatchObject({ x: 40, y: 60, width: 1100, height: 700 });
    expect(next.maximize).toHaveBeenCalled();
    expect(mockState.screen.getAllDisplays).toHaveBeenCalled();
  });

  it('ignores a corrupt state file', () => {
    writeFileSync(join(userData, 'window-state.json'), '{"x": 1, "width": "wide"');
    expect(loadWindowState(join(userData, 'window-state.json'))).toBeNull();
    const win = createMainWindow(mainOptions()) as unknown as InstanceType<typeof BrowserWindow>;
    expect(win.options).toMatchObject({ width: 1280, height: 820 });
  });
});
