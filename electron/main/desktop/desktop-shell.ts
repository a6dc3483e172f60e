import { app, BrowserWindow, dialog, Menu, nativeTheme, powerMonitor } from 'electron';
import type { DesktopPlatform } from '../../adapters/desktop-handlers';
import type { ServiceHost } from '../../adapters/service-host';
import { CHANGED_CHANNEL, type ShortcutStatus } from '../../api';
import { isUserError } from '../../core/errors';
import { DEFAULT_SETTINGS, type Settings } from '../../core/settings';
import { currentSettings } from '../../settings-service';
import { applyGlobalShortcut } from './global-shortcut';
import { applyLaunchAtLogin } from './launch-at-login';
import { LinkInbox, secondInstanceAction } from './link-inbox';
import { linuxHasTrayHost } from './linux-desktop';
import { appMenuTemplate, type MenuActions } from './menu-templates';
import { QuickPanel, type PanelLoader } from './quick-panel';
import { AppTray } from './tray';
import {
  closeAction,
  lastWindowClosedAction,
  themeSourceFor,
  windowBackground,
} from './window-behaviour';

/**
 * Everything that makes OTP Desk a desktop citizen, around the main window: the tray and its
 * quick-copy panel, the global shortcut, opened links, launch at login, native menus and the
 * live OS theme. Decisions live in plain functions (see their unit tests); this wires them to Electron.
 */
export class DesktopShell {
  readonly inbox = new LinkInbox();
  private readonly panel: QuickPanel;
  private tray: AppTray | null = null;
  private main: BrowserWindow | null = null;
  private settings: Settings = DEFAULT_SETTINGS;
  private shortcutState: ShortcutStatus;
  private quitting = false;
  /** Whether the desktop shows tray icons (checked once on Linux; see linuxHasTrayHost). */
  private trayHost = true;

  constructor(
    private readonly host: ServiceHost,
    private readonly distDir: string,
    private readonly createWindow: () => BrowserWindow,
    loadPanel: PanelLoader,
  ) {
    this.panel = new QuickPanel(distDir, loadPanel);
    this.shortcutState = { accelerator: '', label: '', registered: false, message: null };
  }

  /** What the IPC handlers reach: the panel, the link inbox, the shortcut's state. */
  platform(): NonNullable<DesktopPlatform['desktop']> {
    return {
      hidePanel: () => this.panel.hide(),
      takeLinks: (unlocked) => this.inbox.take(unlocked),
      shortcut: () => this.shortcutState,
    };
  }

  /** Sets up menus, tray, theme and settings; `hidden` starts in the tray (launch at login). */
  start(hidden: boolean, trayHost = process.platform !== 'linux' || linuxHasTrayHost()): void {
    this.trayHost = trayHost;
    app.on('before-quit', () => (this.quitting = true));
    // Logging out or shutting down must not be held up by a window that hides instead of closing.
    powerMonitor.on('shutdown', () => (this.quitting = true));
    const actions: MenuActions = {
      showWindow: () => this.showMainWindow(),
      showPanel: () => this.panel.show(),
      lock: () => this.lock(),
      quit: () => app.quit(),
    };
    Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(process.platform, actions)));
    this.tray = new AppTray(this.distDir, actions, (bounds) => this.panel.toggle(bounds));
    nativeTheme.on('updated', () => {
      // The page follows prefers-color-scheme by itself; the window background must follow too.
      for (const window of BrowserWindow.getAllWindows())
        window.setBackgroundColor(windowBackground(nativeTheme.shouldUseDarkColors));
    });
    this.host.onChanged(() => this.applySettings());
    this.applySettings(true);
    if (!hidden) this.showMainWindow();
  }

  /** The main window, created (or brought back from the tray) and focused. */
  showMainWindow(): BrowserWindow {
    if (!this.main || this.main.isDestroyed()) {
      this.main = this.createWindow();
      this.main.on('session-end', () => (this.quitting = true));
      // A hidden quick panel is still a window: left alone it keeps 'window-all-closed' from firing.
      this.main.on('closed', () => this.panel.destroy());
      this.main.on('close', (event) => {
        if (
          closeAction(this.settings.closeToTray, process.platform, this.quitting, this.trayHost) ===
          'hide'
        ) {
          event.preventDefault();
          this.main?.hide();
        }
      });
    }
    if (this.main.isMinimized()) this.main.restore();
    this.main.show();
    this.main.focus();
    return this.main;
  }

  /** What quitting after the last window means here (macOS stays in the dock, the tray may keep the app). */
  onAllWindowsClosed(): void {
    if (
      lastWindowClosedAction(this.settings.closeToTray, process.platform, this.trayHost) === 'quit'
    )
      app.quit();
  }

  /** A second instance was started (by a link, or a launcher): focus this one and file its links. */
  onSecondInstance(argv: readonly string[]): void {
    const action = secondInstanceAction(argv);
    for (const link of action.links) this.openLink(link);
    if (action.focus) this.showMainWindow();
  }

  /** An opened link: into the inbox, the window forward, and the renderer told to look (review or unlock first). */
  openLink(url: string): void {
    this.inbox.receive(url, this.host.status().state === 'unlocked');
    if (!app.isReady()) return; // Taken once the window loads.
    this.showMainWindow();
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(CHANGED_CHANNEL);
  }

  get hasTray(): boolean {
    return this.tray !== null;
  }

  get panelVisible(): boolean {
    return this.panel.browserWindow?.isVisible() ?? false;
  }

  /** What the global shortcut does. */
  pressShortcut(): void {
    this.panel.show();
  }

  private lock(): void {
    this.host.lock().then(
      () => this.panel.hide(),
      (error: unknown) => {
        const message = isUserError(error) ? error.message : 'OTP Desk could not lock.';
        void dialog.showMessageBox({ type: 'info', message: 'Nothing to lock', detail: message });
      },
    );
  }

  /** Applies the settings the OS must know about, when they changed (the vault holds them, so only while unlocked). */
  private applySettings(first = false): void {
    const unlocked = this.host.status().state === 'unlocked';
    const before = this.settings;
    if (unlocked) this.settings = currentSettings(this.host.get());
    const next = this.settings;
    if (first || next.globalShortcut !== before.globalShortcut)
      this.shortcutState = applyGlobalShortcut(
        next.globalShortcut,
        () => this.pressShortcut(),
        before.globalShortcut,
      );
    if (first || next.theme !== before.theme) nativeTheme.themeSource = themeSourceFor(next.theme);
    if ((first && next.launchAtLogin) || next.launchAtLogin !== before.launchAtLogin)
      void applyLaunchAtLogin(next.launchAtLogin).catch((error: unknown) =>
        console.warn(`[login item] ${String(error)}`),
      );
    this.tray?.update({
      canLock: unlocked && this.host.get().hasPassword,
      shortcut: this.shortcutState.registered ? this.shortcutState.accelerator : null,
    });
  }
}
