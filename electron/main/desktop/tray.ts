import { Menu, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import { trayMenuTemplate, type MenuActions } from './menu-templates';

/** The tray (menu-bar) icon: a click opens the quick-copy panel, its menu has Lock now and Quit. */
export class AppTray {
  private readonly tray: Tray;
  private menu: Electron.Menu | null = null;

  constructor(
    distDir: string,
    private readonly actions: MenuActions,
    onClick: (bounds: Electron.Rectangle) => void,
    private readonly platform: NodeJS.Platform = process.platform,
  ) {
    // macOS tints a "Template" image for light and dark menu bars; elsewhere the coloured icon.
    const mac = platform === 'darwin';
    const file = mac ? 'trayTemplate.png' : 'tray.png';
    const image = nativeImage.createFromPath(join(distDir, 'main', file));
    if (mac) image.setTemplateImage(true);
    this.tray = new Tray(image);
    this.tray.setToolTip('OTP Desk');
    // Linux trays often show only the menu; Windows and macOS send clicks with the icon's bounds.
    this.tray.on('click', (_event, bounds) => onClick(bounds));
    // macOS opens a context menu set with setContextMenu on every click, on top of the panel the
    // click toggles: there the menu is popped up on right-click only.
    if (mac) this.tray.on('right-click', () => this.menu && this.tray.popUpContextMenu(this.menu));
    this.update({ canLock: false, shortcut: null });
  }

  /** Rebuilds the menu for the vault's state (Lock now only with a password) and the shortcut in force. */
  update(state: { readonly canLock: boolean; readonly shortcut: string | null }): void {
    this.menu = Menu.buildFromTemplate(trayMenuTemplate(state, this.actions));
    if (this.platform !== 'darwin') this.tray.setContextMenu(this.menu);
  }
}
