/** The native application menu: the standard roles only (the app's navigation lives in the UI). */
import { app, Menu, type MenuItemConstructorOptions } from 'electron';

export interface MenuOptions {
  isMac: boolean;
  /** Developer tools only in unpackaged builds. */
  isPackaged: boolean;
  /** Chinese labels when the OS locale is Chinese; roles give the rest their native names. */
  zh: boolean;
  /** Help → About: main forwards it to the renderer, which shows the About dialog. */
  onAbout?: () => void;
  /** File → Lock (Ctrl/Cmd+L): main forwards it to the renderer, which shows its lock screen. */
  onLock?: () => void;
}

/** Builds the menu template; pure so it can be inspected without Electron. */
export function buildMenuTemplate({ isMac, isPackaged, zh, onAbout, onLock }: MenuOptions): MenuItemConstructorOptions[] {
  const label = (cn: string, en: string) => (zh ? cn : en);
  const view: MenuItemConstructorOptions[] = [
    { role: 'reload', label: label('重新加载', 'Reload') },
    ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as const]),
    { type: 'separator' },
    { role: 'resetZoom', label: label('实际大小', 'Actual Size') },
    { role: 'zoomIn', label: label('放大', 'Zoom In') },
    { role: 'zoomOut', label: label('缩小', 'Zoom Out') },
    { type: 'separator' },
    { role: 'togglefullscreen', label: label('全屏', 'Toggle Full Screen') },
  ];
  return [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    {
      label: label('文件', 'File'),
      submenu: [
        { label: label('锁定', 'Lock'), accelerator: 'CmdOrCtrl+L', click: () => onLock?.() },
        { type: 'separator' },
        isMac
          ? { role: 'close', label: label('关闭窗口', 'Close Window') }
          : { role: 'quit', label: label('退出', 'Quit') },
      ],
    },
    // The edit menu is what makes Ctrl/Cmd+C/V/X/A work in text fields on macOS.
    { role: 'editMenu', label: label('编辑', 'Edit') },
    { label: label('视图', 'View'), submenu: view },
    { role: 'windowMenu', label: label('窗口', 'Window') },
    {
      role: 'help',
      label: label('帮助', 'Help'),
      submenu: [{ label: label('关于驻场服务台', 'About Onsite Desk'), click: () => onAbout?.() }],
    },
  ];
}

/** Installs the application menu. */
export function installMenu(options: Pick<MenuOptions, 'onAbout' | 'onLock'> = {}): void {
  const template = buildMenuTemplate({
    ...options,
    isMac: process.platform === 'darwin',
    isPackaged: app.isPackaged,
    zh: app.getLocale().toLowerCase().startsWith('zh'),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
