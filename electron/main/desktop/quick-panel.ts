import { app, BrowserWindow, screen, type Rectangle } from 'electron';
import { join } from 'node:path';
import { webPreferencesFor } from '../security-policy';
import { PANEL_SIZE, panelPosition } from './panel-position';

/** The query the renderer reads to show the quick-copy panel instead of the full window. */
export const PANEL_QUERY = { panel: 'quick' } as const;

/** Loads the renderer page into the panel with PANEL_QUERY (main decides where the page comes from). */
export type PanelLoader = (window: BrowserWindow, query: typeof PANEL_QUERY) => Promise<void>;

/**
 * The quick-copy panel: a small frameless window of the same renderer, shown by the tray icon
 * or the global shortcut next to where the user is, hidden when it loses focus.
 */
export class QuickPanel {
  private window: BrowserWindow | null = null;

  constructor(
    private readonly distDir: string,
    private readonly loadPage: PanelLoader,
  ) {}

  /** Shows the panel next to the tray icon (when its bounds are known) or on the display under the cursor. */
  show(trayBounds?: Rectangle): void {
    const window = this.ensure();
    const anchor = trayBounds && trayBounds.width > 0 ? trayBounds : null;
    const point = anchor ? { x: anchor.x, y: anchor.y } : screen.getCursorScreenPoint();
    const { workArea } = screen.getDisplayNearestPoint(point);
    const { x, y } = panelPosition(anchor, workArea);
    window.setBounds({ x, y, ...PANEL_SIZE });
    window.show();
    window.focus();
    // The renderer refocuses its search field whenever the window gains focus.
  }

  toggle(trayBounds?: Rectangle): void {
    if (this.window?.isVisible()) this.hide();
    else this.show(trayBounds);
  }

  /** Hides the panel; true when there was one to hide. */
  hide(): boolean {
    const panel = this.window;
    if (!panel || panel.isDestroyed() || !panel.isVisible()) return false;
    panel.hide();
    // macOS keeps OTP Desk the active app after a window hides; hand the focus back to the app the
    // user came from (Windows and Linux do that by themselves).
    const othersVisible = BrowserWindow.getAllWindows().some((w) => w !== panel && w.isVisible());
    if (process.platform === 'darwin' && !othersVisible) app.hide();
    return true;
  }

  get browserWindow(): BrowserWindow | null {
    return this.window;
  }

  private ensure(): BrowserWindow {
    if (this.window && !this.window.isDestroyed()) return this.window;
    const window = new BrowserWindow({
      ...PANEL_SIZE,
      show: false,
      frame: false,
      resizable: false,
      movable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      skipTaskbar: true,
      alwaysOnTop: true,
      title: 'OTP Desk Quick Copy',
      webPreferences: {
        // The main window's settings (DevTools off when packaged), with its preload.
        ...webPreferencesFor(app.isPackaged, join(this.distDir, 'preload', 'preload.cjs')),
        // Repeated as literals so static checkers (electronegativity) see them where the window is made.
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        disableBlinkFeatures: 'Auxclick',
      },
    });
    window.on('blur', () => window.hide());
    window.on('closed', () => (this.window = null));
    void this.loadPage(window, PANEL_QUERY);
    this.window = window;
    return window;
  }
}
