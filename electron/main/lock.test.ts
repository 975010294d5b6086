import { EventEmitter } from 'node:events';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./test-utils/electron-mock'));
const { installLockTriggers } = await import('./lock');
const { buildMenuTemplate } = await import('./menu');

describe('locking from main', () => {
  it('screen lock and sleep tell the renderer to lock; other power events do not', () => {
    const monitor = new EventEmitter();
    const send = vi.fn();
    const off = installLockTriggers(send, monitor);
    monitor.emit('resume');
    monitor.emit('unlock-screen');
    expect(send).not.toHaveBeenCalled();
    monitor.emit('lock-screen');
    monitor.emit('suspend');
    expect(send.mock.calls).toEqual([[{ type: 'lock' }], [{ type: 'lock' }]]);
    off();
    monitor.emit('lock-screen');
    expect(send).toHaveBeenCalledTimes(2);
  });

  it('File → Lock has Ctrl/Cmd+L and calls back into main, in the OS language', () => {
    const onLock = vi.fn();
    const items = (zh: boolean) =>
      buildMenuTemplate({ isMac: false, isPackaged: true, zh, onLock })[0].submenu as MenuItemConstructorOptions[];
    const lock = items(true).find((i) => i.accelerator === 'CmdOrCtrl+L');
    expect(lock?.label).toBe('锁定');
    lock?.click?.({} as never, undefined, {} as never);
    expect(onLock).toHaveBeenCalledTimes(1);
    expect(items(false).find((i) => i.accelerator === 'CmdOrCtrl+L')?.label).toBe('Lock');
  });
});
