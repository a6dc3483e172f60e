import { Menu, nativeImage, Tray } from 'electron';
import { join } from 'node:path';
import { trayMenuTemplate, type MenuActions } from './menu-templates';

/** The tray (menu-bar) icon: a click opens the quick-copy panel, its menu has Lock now and Quit. */
export class AppTray {
  private readonly tray: Tray;

  constructor(
    distDir: string,
    private readonly actions: MenuActions,
    onClick: (bounds: Electron.Rectangle) => void,
  ) {
    // macOS tints a "Template" image for light and dark menu bars; elsewhere the coloured icon.
    const file = process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png';
    const image = nativeImage.createFromPath(join(distDir, 'main', file));
    if (process.platform === 'darwin') image.setTemplateImage(true);
    this.tray = new Tray(image);
    this.tray.setToolTip('OTP Desk');
    // Linux trays often show only the menu; Windows and macOS send clicks with the icon's bounds.
    this.tray.on('click', (_event, bounds) => onClick(bounds));
    this.update({ canLock: false, shortcut: null });
  }

  /** Rebuilds the menu for the vault's state (Lock now only with a password) and the shortcut in force. */
  update(state: { readonly canLock: boolean; readonly shortcut: string | null }): void {
    this.tray.setContextMenu(Menu.buildFromTemplate(trayMenuTemplate(state, this.actions)));
  }
}
