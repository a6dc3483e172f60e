import type { MenuItemConstructorOptions } from 'electron';

/** What the app and tray menus can do; main wires each to the windows and the vault. */
export interface MenuActions {
  readonly showWindow: () => void;
  readonly showPanel: () => void;
  readonly lock: () => void;
  readonly quit: () => void;
}

/**
 * The application menu with standard roles: on macOS the app menu (About, Hide, Quit) and on
 * every OS an Edit menu, without which Cmd+C/Cmd+V do nothing in text fields on macOS.
 */
export function appMenuTemplate(
  platform: NodeJS.Platform,
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const lockItem: MenuItemConstructorOptions = {
    label: 'Lock Now',
    accelerator: 'CommandOrControl+L',
    click: actions.lock,
  };
  const appMenu: MenuItemConstructorOptions = {
    role: 'appMenu',
    submenu: [
      { role: 'about' },
      { type: 'separator' },
      lockItem,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  const fileMenu: MenuItemConstructorOptions = {
    role: 'fileMenu',
    submenu: mac
      ? [{ role: 'close' }]
      : [
          lockItem,
          { type: 'separator' },
          { label: 'Quit', accelerator: 'CommandOrControl+Q', click: actions.quit },
        ],
  };
  const editMenu: MenuItemConstructorOptions = {
    role: 'editMenu',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'delete' },
      { type: 'separator' },
      { role: 'selectAll' },
    ],
  };
  // No reload, zoom or developer tools: the hardening rule the start-up menu (hardening.ts) keeps too.
  const viewMenu: MenuItemConstructorOptions = {
    role: 'viewMenu',
    submenu: [{ role: 'togglefullscreen' }],
  };
  const windowMenu: MenuItemConstructorOptions = {
    role: 'windowMenu',
    submenu: mac
      ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }]
      : [{ role: 'minimize' }, { role: 'close' }],
  };
  return [...(mac ? [appMenu] : []), fileMenu, editMenu, viewMenu, windowMenu];
}

/** The tray icon's menu: the panel, the window, Lock now (only when a password can unlock it again) and Quit. */
export function trayMenuTemplate(
  state: { readonly canLock: boolean; readonly shortcut: string | null },
  actions: MenuActions,
): MenuItemConstructorOptions[] {
  return [
    {
      label: 'Quick Copy…',
      accelerator: state.shortcut || undefined,
      registerAccelerator: false,
      click: actions.showPanel,
    },
    { label: 'Open OTP Desk', click: actions.showWindow },
    { type: 'separator' },
    { label: 'Lock Now', enabled: state.canLock, click: actions.lock },
    { type: 'separator' },
    { label: 'Quit OTP Desk', click: actions.quit },
  ];
}
