import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

// DesktopShell wires the plain decisions to Electron. Electron's binary can't run here, so its
// modules are stand-ins that record what the shell asked of them; the vault is real.
const electron = vi.hoisted(() => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { EventEmitter: Emitter } = require('node:events') as typeof import('node:events');
  class FakeWindow extends Emitter {
    static all: FakeWindow[] = [];
    visible = false;
    destroyed = false;
    sent: string[] = [];
    loaded = '';
    webContents = { send: (channel: string) => this.sent.push(channel) };
    constructor(readonly options: Record<string, unknown> = {}) {
      super();
      FakeWindow.all.push(this);
    }
    static getAllWindows = () => FakeWindow.all.filter((w) => !w.destroyed);
    isDestroyed = () => this.destroyed;
    isVisible = () => this.visible;
    isMinimized = () => false;
    restore() {}
    show = () => void (this.visible = true);
    hide = () => void (this.visible = false);
    focus() {}
    setBounds() {}
    setBackgroundColor() {}
    loadFile = (file: string, options?: { query?: Record<string, string> }) => {
      this.loaded = `${file}?${new URLSearchParams(options?.query ?? {}).toString()}`;
      return Promise.resolve();
    };
    /** What the OS does on the close button: listeners may prevent it. */
    close() {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) this.destroy();
    }
    destroy() {
      if (this.destroyed) return;
      this.destroyed = true;
      this.emit('closed');
    }
  }
  const registered = new Map<string, () => void>();
  const taken = new Set<string>();
  return {
    FakeWindow,
    registered,
    taken,
    menus: [] as unknown[],
    dialogs: [] as { detail?: string }[],
    trays: [] as {
      menu: { label?: string; enabled?: boolean; click?: () => void }[];
      contextMenuSet: boolean;
      popped: unknown;
      handlers: Record<string, (event?: unknown, bounds?: unknown) => void>;
    }[],
    app: Object.assign(new Emitter(), { isReady: () => true, isPackaged: false, quit: vi.fn() }),
  };
});

vi.mock('electron', () => ({
  app: electron.app,
  BrowserWindow: electron.FakeWindow,
  dialog: {
    showMessageBox: (options: { detail?: string }) => (
      electron.dialogs.push(options),
      Promise.resolve()
    ),
  },
  Menu: {
    setApplicationMenu: (menu: unknown) => electron.menus.push(menu),
    buildFromTemplate: (template: unknown) => template,
  },
  Tray: class {
    menu: unknown[] = [];
    contextMenuSet = false;
    popped: unknown = null;
    handlers: Record<string, (event?: unknown, bounds?: unknown) => void> = {};
    constructor() {
      electron.trays.push(this as never);
    }
    setToolTip() {}
    on(event: string, handler: (event?: unknown, bounds?: unknown) => void) {
      this.handlers[event] = handler;
    }
    setContextMenu(menu: unknown[]) {
      this.menu = menu;
      this.contextMenuSet = true;
    }
    popUpContextMenu(menu: unknown) {
      this.popped = menu;
    }
    destroy() {}
  },
  nativeImage: { createFromPath: () => ({ setTemplateImage() {} }) },
  nativeTheme: Object.assign(new EventEmitter(), {
    shouldUseDarkColors: false,
    themeSource: 'system',
  }),
  powerMonitor: new EventEmitter(),
  globalShortcut: {
    register: (accelerator: string, callback: () => void) => {
      if (electron.taken.has(accelerator)) return false;
      electron.registered.set(accelerator, callback);
      return true;
    },
    unregister: (accelerator: string) => electron.registered.delete(accelerator),
  },
  screen: {
    getCursorScreenPoint: () => ({ x: 10, y: 10 }),
    getDisplayNearestPoint: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
  },
}));

const { ServiceHost } = await import('../../electron/adapters/service-host');
const { DesktopShell } = await import('../../electron/main/desktop/desktop-shell');
const { AppTray } = await import('../../electron/main/desktop/tray');
const { MemoryKeyStore } = await import('../../electron/vault/keychain');
const { CHANGED_CHANNEL } = await import('../../electron/api');

const LINK = 'otpauth://totp/Linkco:frank?secret=JBSWY3DPEHPK3PXQ&issuer=Linkco';
const hosts: InstanceType<typeof ServiceHost>[] = [];

async function startShell(options: { shortcutTaken?: boolean; trayHost?: boolean } = {}) {
  if (options.shortcutTaken) electron.taken.add('CommandOrControl+Alt+O');
  const host = new ServiceHost(
    join(mkdtempSync(join(tmpdir(), 'otp-desk-shell-')), 'vault'),
    new MemoryKeyStore(),
    [],
  );
  hosts.push(host);
  await host.start();
  const shell = new DesktopShell(
    host,
    '/app/dist',
    () => new electron.FakeWindow({ main: true }) as never,
    (window, query) =>
      (window as unknown as InstanceType<typeof electron.FakeWindow>).loadFile(
        '/app/dist/renderer/index.html',
        { query },
      ),
  );
  shell.start(false, options.trayHost ?? true);
  return { host, shell, main: electron.FakeWindow.all[0]! };
}

beforeEach(() => {
  electron.FakeWindow.all = [];
  electron.registered.clear();
  electron.taken.clear();
  electron.trays.length = 0;
  electron.dialogs.length = 0;
  electron.menus.length = 0;
  electron.app.removeAllListeners();
});
afterEach(() => hosts.splice(0).forEach((h) => h.close()));

describe('the desktop shell', () => {
  it('shows the window, a tray icon with its menu, the app menu, and registers the default shortcut', async () => {
    const { main } = await startShell();
    expect(main.visible).toBe(true);
    expect(electron.menus).toHaveLength(1);
    expect(electron.trays[0]!.menu.map((i) => i.label).filter(Boolean)).toEqual([
      'Quick Copy…',
      'Open OTP Desk',
      'Lock Now',
      'Quit OTP Desk',
    ]);
    expect([...electron.registered.keys()]).toEqual(['CommandOrControl+Alt+O']);
  });

  it('opens the quick-copy panel (same page, ?panel=quick) when the shortcut is pressed', async () => {
    const { shell } = await startShell();
    electron.registered.get('CommandOrControl+Alt+O')!();
    const panel = electron.FakeWindow.all[1]!;
    expect(panel.loaded).toBe('/app/dist/renderer/index.html?panel=quick');
    expect(panel.options).toMatchObject({ frame: false, skipTaskbar: true });
    expect(shell.panelVisible).toBe(true);
    expect(shell.platform().hidePanel()).toBe(true);
    expect(shell.panelVisible).toBe(false);
  });

  it('reports a shortcut another app holds', async () => {
    const { shell } = await startShell({ shortcutTaken: true });
    expect(shell.platform().shortcut()).toMatchObject({
      registered: false,
      message: expect.stringMatching(/already used by another app/),
    });
  });

  it('applies a new shortcut from Settings, releasing the old one', async () => {
    const { host, shell } = await startShell();
    await host.get().setSetting('globalShortcut', 'CommandOrControl+Shift+K');
    expect([...electron.registered.keys()]).toEqual(['CommandOrControl+Shift+K']);
    expect(shell.platform().shortcut()).toMatchObject({
      registered: true,
      accelerator: 'CommandOrControl+Shift+K',
    });
  });

  it('hides the window to the tray on close (Linux default) and really closes when quitting', async () => {
    const { main, host } = await startShell();
    if (process.platform === 'darwin') return; // The default differs there (see window-behaviour).
    main.close();
    expect(main.destroyed).toBe(false);
    expect(main.visible).toBe(false);
    await host.get().setSetting('closeToTray', 'off');
    main.close();
    expect(main.destroyed).toBe(true);
  });

  it('brings the window forward with a link from a second instance, and tells the page to look', async () => {
    const { main, shell } = await startShell();
    main.hide();
    shell.onSecondInstance(['/opt/OTP Desk/otp-desk', LINK]);
    expect(main.visible).toBe(true);
    expect(main.sent).toContain(CHANGED_CHANNEL);
    expect(shell.platform().takeLinks(true).texts).toEqual([{ source: 'Opened link', text: LINK }]);
  });

  it('greys out Lock Now without a vault password, and explains if asked to lock anyway', async () => {
    await startShell();
    const lock = electron.trays[0]!.menu.find((i) => i.label === 'Lock Now')!;
    expect(lock.enabled).toBe(false);
    lock.click!();
    await vi.waitFor(() => expect(electron.dialogs[0]?.detail).toMatch(/Set a vault password first/));
  });

  it('closing the window with close-to-tray off leaves no window behind, even after the quick panel was shown', async () => {
    const { host, main } = await startShell();
    await host.get().setSetting('closeToTray', 'off');
    electron.registered.get('CommandOrControl+Alt+O')!();
    const panel = electron.FakeWindow.all[1]!;
    panel.emit('blur');
    expect(panel.visible).toBe(false);
    main.close();
    // Electron fires window-all-closed (and the app quits) only when no window is left.
    expect(electron.FakeWindow.getAllWindows()).toEqual([]);
  });

  it('on macOS a tray click only toggles the panel; the menu pops up on right-click', () => {
    const clicks: unknown[] = [];
    const actions = { showWindow() {}, showPanel() {}, lock() {}, quit() {} };
    new AppTray('/app/dist', actions, (bounds) => clicks.push(bounds), 'darwin');
    const tray = electron.trays[0]!;
    expect(tray.contextMenuSet).toBe(false);
    tray.handlers['click']!({}, { x: 1, y: 2, width: 3, height: 4 });
    expect(clicks).toHaveLength(1);
    expect(tray.popped).toBeNull();
    tray.handlers['right-click']!();
    expect((tray.popped as { label?: string }[]).map((i) => i.label)).toContain('Quit OTP Desk');
    // Elsewhere the menu is the tray's context menu (Linux trays often send no clicks at all).
    new AppTray('/app/dist', actions, () => undefined, 'linux');
    expect(electron.trays[1]!.contextMenuSet).toBe(true);
  });

  it('a tray click that takes the focus from the open panel closes it instead of reopening it (Windows)', async () => {
    await startShell();
    const tray = electron.trays[0]!;
    const bounds = { x: 1800, y: 1040, width: 24, height: 24 };
    tray.handlers['click']!({}, bounds);
    const panel = electron.FakeWindow.all[1]!;
    expect(panel.visible).toBe(true);
    // Windows: the click first blurs the panel (which hides), then reaches the tray.
    panel.emit('blur');
    tray.handlers['click']!({}, bounds);
    expect(panel.visible).toBe(false);
    // A later click opens it again.
    vi.setSystemTime(Date.now() + 1_000);
    tray.handlers['click']!({}, bounds);
    expect(panel.visible).toBe(true);
    vi.useRealTimers();
  });

  it('on a Linux desktop that shows no tray icons (stock GNOME), closing the window quits instead of hiding it', async () => {
    const { main } = await startShell({ trayHost: false });
    if (process.platform === 'darwin') return; // The dock keeps macOS apps either way.
    main.close();
    expect(main.destroyed).toBe(true);
  });
});
