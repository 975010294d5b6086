/**
 * The start-up order of the main process, which only fails in a real Electron otherwise:
 * privileged schemes before `ready`, protocol/IPC/window after it, single-instance lock first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelOf } from '@shared/ipc/contract';

vi.mock('electron', () => import('./test-utils/electron-mock'));

type Mock = typeof import('./test-utils/electron-mock');
let mock: Mock;
let userData: string;

beforeEach(async () => {
  vi.resetModules(); // a fresh main module per test (its top level is what we test)
  mock = (await import('electron')) as unknown as Mock;
  mock.resetElectronMock();
  userData = mkdtempSync(join(tmpdir(), 'onsite-main-'));
  mock.app.paths = { userData, temp: userData, documents: userData };
});
afterEach(() => rmSync(userData, { recursive: true, force: true }));

const flush = () => new Promise((r) => setTimeout(r, 10));

describe('main process start-up', () => {
  it('registers app:// as privileged at load time, before ready, and nothing else yet', async () => {
    await import('./index');
    expect(mock.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(mock.app.requestSingleInstanceLock).toHaveBeenCalled();
    expect(mock.app.isReady()).toBe(false);
    expect(mock.protocol.handle).not.toHaveBeenCalled();
    expect(mock.ipcMain.handle).not.toHaveBeenCalled();
    expect(mock.BrowserWindow.instances).toHaveLength(0);
    expect(mock.app.listenerCount('web-contents-created')).toBe(1); // guards before any window exists
  });

  it('after ready: session hardened, app:// handled, every channel handled, one secure window on app://', async () => {
    await import('./index');
    mock.app.fireReady();
    await flush();

    expect(mock.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalled();
    expect(mock.session.defaultSession.setPermissionCheckHandler).toHaveBeenCalled();
    // The request blocker is in place before the window (and so its first page load) exists.
    expect(mock.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
    const blockerInstalledAt = mock.session.defaultSession.webRequest.onBeforeRequest.mock.invocationCallOrder[0];
    expect(blockerInstalledAt).toBeLessThan(mock.BrowserWindow.instances[0].loadURL.mock.invocationCallOrder[0]);
    expect(mock.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect([...mock.ipcMain.handlers.keys()].sort()).toEqual(Object.values(channelOf).sort());
    expect(mock.Menu.setApplicationMenu).toHaveBeenCalled();

    expect(mock.BrowserWindow.instances).toHaveLength(1);
    const win = mock.BrowserWindow.instances[0];
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(win.options.webPreferences?.preload)).toMatch(/[/\\]preload[/\\]index\.cjs$/);
    expect(win.loadURL).toHaveBeenCalledWith('app://bundle/index.html');
  });

  it('the screen locking or the computer sleeping tells the window to lock the app', async () => {
    await import('./index');
    mock.app.fireReady();
    await flush();
    const win = mock.BrowserWindow.instances[0];
    win.webContents.send.mockClear();
    mock.powerMonitor.emit('lock-screen');
    mock.powerMonitor.emit('suspend');
    expect(win.webContents.send.mock.calls).toEqual([
      ['main:event', { type: 'lock' }],
      ['main:event', { type: 'lock' }],
    ]);
  });

  it('a second launch focuses (and restores) the existing window', async () => {
    await import('./index');
    mock.app.fireReady();
    await flush();
    const win = mock.BrowserWindow.instances[0];
    win.minimized = true;
    mock.app.emit('second-instance', {}, ['/opt/Onsite Desk/onsite-desk'], '/');
    expect(win.restore).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalled();
  });

  it('quits at once when another instance holds the lock', async () => {
    mock.app.requestSingleInstanceLock.mockReturnValueOnce(false);
    await import('./index');
    expect(mock.app.quit).toHaveBeenCalled();
    expect(mock.app.whenReady).not.toHaveBeenCalled();
    expect(mock.app.listenerCount('second-instance')).toBe(0);
  });
});
