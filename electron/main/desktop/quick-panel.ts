import { app, BrowserWindow, screen, type Rectangle } from 'electron';
import { join } from 'node:path';
import { webPreferencesFor } from '../security-policy';
import { PANEL_SIZE, panelPosition } from './panel-position';

/** A tray click this soon after the panel hid on blur is the click that blurred it. */
const BLUR_CLICK_MS = 400;

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
  /** When the panel last hid because it lost focus (Date.now()). */
  private blurHiddenAt = 0;

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

  /**
   * The tray icon's click. On Windows a click on the icon first takes the focus from the open
   * panel (blur hides it), then arrives here: that click meant "close", so it doesn't reopen it.
   */
  toggle(trayBounds?: Rectangle, now = Date.now()): void {
    if (this.window?.isVisible()) this.hide();
    else if (now - this.blurHiddenAt > BLUR_CLICK_MS) this.show(trayBounds);
  }

  /** Closes the panel window for good (it is made again when next shown), so it keeps no app alive. */
  destroy(): void {
    if (this.window && !this.window.isDestroyed()) this.window.destroy();
    this.window = null;
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
    window.on('blur', () => {
      if (window.isVisible()) this.blurHiddenAt = Date.now();
      window.hide();
    });
    window.on('closed', () => (this.window = null));
    void this.loadPage(window, PANEL_QUERY);
    this.window = window;
    return window;
  }
}
