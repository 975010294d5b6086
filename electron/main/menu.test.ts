import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./test-utils/electron-mock'));
const { buildMenuTemplate } = await import('./menu');

const find = (items: MenuItemConstructorOptions[], role: string) => items.find((i) => i.role === role);

describe('application menu', () => {
  it('Help → About calls back into main (which shows the About dialog), in the OS language', () => {
    const onAbout = vi.fn();
    const zh = buildMenuTemplate({ isMac: false, isPackaged: true, zh: true, onAbout });
    const help = find(zh, 'help');
    const about = (help?.submenu as MenuItemConstructorOptions[])[0];
    expect(about.label).toBe('关于驻场服务台');
    about.click?.({} as never, undefined, {} as never);
    expect(onAbout).toHaveBeenCalledTimes(1);
    const en = buildMenuTemplate({ isMac: true, isPackaged: true, zh: false, onAbout });
    expect((find(en, 'help')?.submenu as MenuItemConstructorOptions[])[0].label).toBe('About Onsite Desk');
  });

  it('developer tools only in unpackaged builds', () => {
    const hasDevTools = (isPackaged: boolean) =>
      JSON.stringify(buildMenuTemplate({ isMac: false, isPackaged, zh: false })).includes('toggleDevTools');
    expect(hasDevTools(true)).toBe(false);
    expect(hasDevTools(false)).toBe(true);
  });
});
