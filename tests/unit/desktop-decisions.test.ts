import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_GLOBAL_SHORTCUT, isGlobalAccelerator } from '../../electron/core/accelerator';
import { validateSettingsPatch } from '../../electron/core/settings';
import {
  displayLabel,
  withOwnWindowsHidden,
  type HideableWindow,
} from '../../electron/main/capture-windows';
import {
  autostartDesktopEntry,
  loginItemMechanism,
  loginItemPlan,
  startsHidden,
} from '../../electron/main/desktop/login-item';
import {
  appMenuTemplate,
  trayMenuTemplate,
  type MenuActions,
} from '../../electron/main/desktop/menu-templates';
import { PANEL_SIZE, panelPosition } from '../../electron/main/desktop/panel-position';
import {
  acceleratorLabel,
  shortcutPlan,
  shortcutStatus,
} from '../../electron/main/desktop/shortcut';
import { parseSmokeArgs, smokeCodeMatches } from '../../electron/main/desktop/smoke-args';
import { closeAction, lastWindowClosedAction } from '../../electron/main/desktop/window-behaviour';

describe('the global shortcut', () => {
  it('defaults to Ctrl+Alt+O, written Cmd+Option+O on macOS', () => {
    expect(DEFAULT_GLOBAL_SHORTCUT).toBe('CommandOrControl+Alt+O');
    expect(acceleratorLabel(DEFAULT_GLOBAL_SHORTCUT, 'linux')).toBe('Ctrl+Alt+O');
    expect(acceleratorLabel(DEFAULT_GLOBAL_SHORTCUT, 'win32')).toBe('Ctrl+Alt+O');
    expect(acceleratorLabel(DEFAULT_GLOBAL_SHORTCUT, 'darwin')).toBe('Cmd+Option+O');
  });

  it.each(['CommandOrControl+Alt+O', 'Ctrl+Shift+F5', 'Alt+Space', 'Super+Plus', 'Cmd+Option+/'])(
    'accepts %s',
    (a) => {
      expect(isGlobalAccelerator(a)).toBe(true);
      expect(shortcutPlan(a)).toBe('register');
    },
  );

  it.each(['O', 'Shift+O', 'Ctrl+Alt', 'Ctrl+Alt+OO', 'Ctrl+Ctrl+O', 'Ctrl++', 'Hyper+O'])(
    'refuses %s, which would swallow keys or is not a shortcut',
    (a) => {
      expect(isGlobalAccelerator(a)).toBe(false);
      expect(shortcutPlan(a)).toBe('invalid');
    },
  );

  it('treats an empty shortcut as turned off', () => {
    expect(shortcutPlan('')).toBe('off');
    expect(validateSettingsPatch({ globalShortcut: '' })).toEqual({ globalShortcut: '' });
  });

  it('reports a shortcut another app holds, with what to do, instead of ignoring it', () => {
    const status = shortcutStatus('CommandOrControl+Alt+O', 'taken', 'linux');
    expect(status).toMatchObject({ registered: false, label: 'Ctrl+Alt+O' });
    expect(status.message).toMatch(
      /Ctrl\+Alt\+O is already used by another app.*Choose another shortcut in Settings/,
    );
    expect(shortcutStatus('CommandOrControl+Alt+O', 'registered', 'darwin')).toEqual({
      accelerator: 'CommandOrControl+Alt+O',
      label: 'Cmd+Option+O',
      registered: true,
      message: null,
    });
  });

  it('refuses a bad shortcut in Settings with a hint', () => {
    expect(() => validateSettingsPatch({ globalShortcut: 'O' })).toThrow(/Ctrl, Alt or Cmd/);
  });
});

describe('closing and quitting', () => {
  it('keeps the app in the tray on Windows and Linux by default, and closes normally on macOS', () => {
    expect(closeAction('auto', 'win32', false)).toBe('hide');
    expect(closeAction('auto', 'linux', false)).toBe('hide');
    expect(closeAction('auto', 'darwin', false)).toBe('close');
    expect(closeAction('on', 'darwin', false)).toBe('hide');
    expect(closeAction('off', 'linux', false)).toBe('close');
  });

  it('really closes when the user quits', () => {
    expect(closeAction('on', 'linux', true)).toBe('close');
  });

  it('quits after the last window only where nothing keeps the app', () => {
    expect(lastWindowClosedAction('off', 'linux')).toBe('quit');
    expect(lastWindowClosedAction('auto', 'linux')).toBe('stay');
    expect(lastWindowClosedAction('off', 'darwin')).toBe('stay');
  });
});

describe('launch at login', () => {
  it('uses login items on macOS and Windows, an autostart file on Linux', () => {
    expect(loginItemMechanism('darwin')).toBe('login-item');
    expect(loginItemMechanism('win32')).toBe('login-item');
    expect(loginItemMechanism('linux')).toBe('autostart-file');
  });

  it('starts hidden in the tray when launched at login', () => {
    expect(loginItemPlan(true)).toEqual({
      openAtLogin: true,
      args: ['--hidden'],
    });
    expect(loginItemPlan(false)).toEqual({ openAtLogin: false, args: [] });
    expect(startsHidden(['/usr/bin/otp-desk', '--hidden'])).toBe(true);
    expect(startsHidden(['/usr/bin/otp-desk'], true)).toBe(true);
    expect(startsHidden(['/usr/bin/otp-desk'])).toBe(false);
  });

  it('writes an XDG autostart entry that quotes a path with spaces', () => {
    const entry = autostartDesktopEntry('/home/a b/OTP Desk.AppImage');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Exec="/home/a b/OTP Desk.AppImage" --hidden');
    expect(autostartDesktopEntry('/opt/OTP Desk/otp-desk')).toContain(
      'Exec="/opt/OTP Desk/otp-desk" --hidden',
    );
    expect(autostartDesktopEntry('/usr/bin/otp-desk')).toContain('Exec=/usr/bin/otp-desk --hidden');
  });
});

describe('smoke mode', () => {
  it('needs --vault so the user vault is never touched', () => {
    expect(parseSmokeArgs(['OTP Desk'])).toEqual({ kind: 'none' });
    expect(parseSmokeArgs(['OTP Desk', '--smoke-test', '--vault', '/tmp/v'])).toEqual({
      kind: 'run',
      vaultDir: '/tmp/v',
    });
    expect(parseSmokeArgs(['OTP Desk', '--smoke-test', '--vault=/tmp/v'])).toEqual({
      kind: 'run',
      vaultDir: '/tmp/v',
    });
    expect(parseSmokeArgs(['OTP Desk', '--smoke-test'])).toMatchObject({
      kind: 'usage',
      message: expect.stringMatching(/--vault DIR/),
    });
    expect(parseSmokeArgs(['OTP Desk', '--smoke-test', '--vault', '--x'])).toMatchObject({
      kind: 'usage',
    });
  });

  it('accepts only the code the smoke key gives', () => {
    expect(smokeCodeMatches('287082', ['287082', '359152'])).toBe(true);
    expect(smokeCodeMatches('000000', ['287082'])).toBe(false);
    expect(smokeCodeMatches('', [''])).toBe(false);
  });
});

describe('where the quick-copy panel opens', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1080 };
  const inside = (p: { x: number; y: number }, area: typeof screen) =>
    p.x >= area.x &&
    p.y >= area.y &&
    p.x + PANEL_SIZE.width <= area.x + area.width &&
    p.y + PANEL_SIZE.height <= area.y + area.height;

  it('opens below a macOS menu-bar icon', () => {
    const area = { x: 0, y: 25, width: 1440, height: 875 };
    const p = panelPosition({ x: 1200, y: 0, width: 22, height: 24 }, area);
    expect(p.y).toBeGreaterThanOrEqual(25);
    expect(Math.abs(p.x + PANEL_SIZE.width / 2 - 1211)).toBeLessThanOrEqual(1);
    expect(inside(p, area)).toBe(true);
  });

  it('opens above a Windows taskbar icon, kept on screen at the corner', () => {
    const area = { x: 0, y: 0, width: 1920, height: 1040 };
    const p = panelPosition({ x: 1890, y: 1045, width: 24, height: 30 }, area);
    expect(p.y + PANEL_SIZE.height).toBeLessThanOrEqual(1040);
    expect(inside(p, area)).toBe(true);
  });

  it('opens near the top centre when the tray gives no position (Linux, the shortcut)', () => {
    const p = panelPosition(null, screen);
    expect(p.x).toBe((1920 - PANEL_SIZE.width) / 2);
    expect(inside(p, screen)).toBe(true);
    expect(panelPosition({ x: 0, y: 0, width: 0, height: 0 }, screen)).toEqual(p);
  });
});

describe('menus', () => {
  const actions: MenuActions = {
    showWindow: vi.fn(),
    showPanel: vi.fn(),
    lock: vi.fn(),
    quit: vi.fn(),
  };
  const roles = (items: ReturnType<typeof appMenuTemplate>) => items.map((i) => i.role);
  const subRoles = (items: ReturnType<typeof appMenuTemplate>, role: string) =>
    ((items.find((i) => i.role === role)?.submenu ?? []) as { role?: string }[])
      .map((i) => i.role)
      .filter(Boolean);

  it('has the macOS app menu and an Edit menu so copy and paste work in text fields', () => {
    const mac = appMenuTemplate('darwin', actions);
    expect(roles(mac)).toEqual(['appMenu', 'fileMenu', 'editMenu', 'viewMenu', 'windowMenu']);
    expect(subRoles(mac, 'appMenu')).toEqual(expect.arrayContaining(['about', 'hide', 'quit']));
    expect(subRoles(mac, 'editMenu')).toEqual(
      expect.arrayContaining(['cut', 'copy', 'paste', 'selectAll', 'undo']),
    );
  });

  it('has no app menu elsewhere, but the same Edit roles', () => {
    const linux = appMenuTemplate('linux', actions);
    expect(roles(linux)).not.toContain('appMenu');
    expect(subRoles(linux, 'editMenu')).toEqual(expect.arrayContaining(['copy', 'paste']));
  });

  it('offers Quick Copy, Lock Now and Quit in the tray, Lock Now only when the vault can be locked', () => {
    const menu = trayMenuTemplate({ canLock: false, shortcut: 'CommandOrControl+Alt+O' }, actions);
    expect(menu.filter((i) => i.label).map((i) => i.label)).toEqual([
      'Quick Copy…',
      'Open OTP Desk',
      'Lock Now',
      'Quit OTP Desk',
    ]);
    expect(menu.find((i) => i.label === 'Lock Now')?.enabled).toBe(false);
    expect(
      trayMenuTemplate({ canLock: true, shortcut: null }, actions).find(
        (i) => i.label === 'Lock Now',
      )?.enabled,
    ).toBe(true);
    (menu.find((i) => i.label === 'Quit OTP Desk')?.click as () => void)();
    expect(actions.quit).toHaveBeenCalled();
  });
});

describe('scan screen', () => {
  const fakeWindow = (visible: boolean): HideableWindow & { shown: () => boolean } => {
    let isShown = visible;
    return {
      isVisible: () => isShown,
      isDestroyed: () => false,
      hide: vi.fn(() => void (isShown = false)),
      show: vi.fn(() => void (isShown = true)),
      showInactive: vi.fn(() => void (isShown = true)),
      focus: vi.fn(),
      shown: () => isShown,
    };
  };

  it('hides our own visible windows while capturing and brings back exactly those', async () => {
    const main = fakeWindow(true);
    const panel = fakeWindow(true);
    const hiddenBefore = fakeWindow(false);
    let visibleDuringCapture: boolean[] = [];
    await withOwnWindowsHidden(
      [main, panel, hiddenBefore],
      main,
      async () => {
        visibleDuringCapture = [main.shown(), panel.shown(), hiddenBefore.shown()];
      },
      async () => undefined,
    );
    expect(visibleDuringCapture).toEqual([false, false, false]);
    expect([main.shown(), panel.shown(), hiddenBefore.shown()]).toEqual([true, true, false]);
    expect(main.focus).toHaveBeenCalled();
    expect(panel.showInactive).toHaveBeenCalled();
  });

  it('brings the windows back when the capture fails', async () => {
    const main = fakeWindow(true);
    await expect(
      withOwnWindowsHidden(
        [main],
        main,
        () => Promise.reject(new Error('denied')),
        async () => undefined,
      ),
    ).rejects.toThrow('denied');
    expect(main.shown()).toBe(true);
  });

  it('names each display so the review can say where a code was found', () => {
    const external = {
      id: 2,
      size: { width: 1280, height: 720 },
      scaleFactor: 2,
      label: 'DELL U2720Q',
    };
    const builtIn = { id: 1, size: { width: 1440, height: 900 }, scaleFactor: 2, internal: true };
    expect(displayLabel(external, 1, 2, 'Screen 2')).toBe('DELL U2720Q (2560×1440)');
    expect(displayLabel(builtIn, 0, 2, 'Screen 1')).toBe('Built-in display (2880×1800)');
    expect(
      displayLabel({ id: 3, size: { width: 1920, height: 1080 }, scaleFactor: 1 }, 2, 3, ''),
    ).toBe('Display 3 (1920×1080)');
    expect(displayLabel(builtIn, 0, 1, 'Screen 1')).toBe('your screen');
  });
});

describe('Linux desktops', () => {
  it('on Wayland a refused shortcut is explained as the portal not granting it, not as another app', async () => {
    const { isWaylandSession } = await import('../../electron/main/desktop/linux-desktop');
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'wayland' })).toBe(true);
    expect(isWaylandSession({ WAYLAND_DISPLAY: 'wayland-0' })).toBe(true);
    expect(isWaylandSession({ XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' })).toBe(false);
    const status = shortcutStatus('CommandOrControl+Alt+O', 'taken', 'linux', true);
    expect(status.message).toMatch(/Wayland desktop did not grant Ctrl\+Alt\+O/);
    expect(status.message).not.toMatch(/another app/);
  });

  it('close-to-tray "auto" keeps the app only where a tray host shows its icon', () => {
    expect(closeAction('auto', 'linux', false, false)).toBe('close');
    expect(lastWindowClosedAction('auto', 'linux', false)).toBe('quit');
    expect(closeAction('auto', 'linux', false, true)).toBe('hide');
    expect(closeAction('on', 'linux', false, false)).toBe('hide');
  });

  it('finds a tray host by the StatusNotifierWatcher name on the session bus', async () => {
    const { linuxHasTrayHost } = await import('../../electron/main/desktop/linux-desktop');
    const asked: string[][] = [];
    const answer =
      (stdout: string, status = 0) =>
      (command: string, args: readonly string[]) => (
        asked.push([command, ...args]),
        { status, stdout }
      );
    expect(linuxHasTrayHost(answer('method return …\n   boolean true\n'))).toBe(true);
    expect(linuxHasTrayHost(answer('method return …\n   boolean false\n'))).toBe(false);
    expect(linuxHasTrayHost(answer('', 1))).toBe(false);
    expect(asked[0]).toContain('string:org.kde.StatusNotifierWatcher');
  });

  it.skipIf(!process.env['DBUS_SESSION_BUS_ADDRESS'])(
    'a real session bus without a StatusNotifierWatcher has no tray host',
    async () => {
      const { linuxHasTrayHost } = await import('../../electron/main/desktop/linux-desktop');
      expect(linuxHasTrayHost()).toBe(false);
    },
  );
});
