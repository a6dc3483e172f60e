import { spawnSync } from 'node:child_process';

/** True in a Wayland session, where X11-style global key grabs don't exist. */
export function isWaylandSession(env: NodeJS.ProcessEnv): boolean {
  return env['XDG_SESSION_TYPE'] === 'wayland' || Boolean(env['WAYLAND_DISPLAY']);
}

/**
 * Chromium's switch that registers global shortcuts through the XDG desktop portal
 * (org.freedesktop.portal.GlobalShortcuts), the only way a Wayland app gets one.
 */
export const WAYLAND_SHORTCUT_FEATURE = 'GlobalShortcutsPortal';

/** Runs one command; only the status and stdout matter (a seam for tests). */
export type CommandRunner = (
  command: string,
  args: readonly string[],
) => { status: number | null; stdout: string };

const run: CommandRunner = (command, args) => {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 1_000 });
  return { status: result.status, stdout: result.stdout ?? '' };
};

/**
 * Whether something on the session bus shows tray icons (a StatusNotifierWatcher: KDE, Cinnamon,
 * Xfce, GNOME with the AppIndicator extension). Stock GNOME has none, so a window hidden "to the
 * tray" there could never be brought back from it.
 */
export function linuxHasTrayHost(runCommand: CommandRunner = run): boolean {
  const result = runCommand('dbus-send', [
    '--session',
    '--print-reply',
    '--dest=org.freedesktop.DBus',
    '/org/freedesktop/DBus',
    'org.freedesktop.DBus.NameHasOwner',
    'string:org.kde.StatusNotifierWatcher',
  ]);
  return result.status === 0 && /boolean true/.test(result.stdout);
}
