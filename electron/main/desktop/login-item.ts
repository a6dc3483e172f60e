/** The flag a login start passes, so OTP Desk starts hidden in the tray instead of opening its window. */
export const HIDDEN_FLAG = '--hidden';

/** Arguments for Electron's app.setLoginItemSettings (macOS and Windows). */
export interface LoginItemPlan {
  readonly openAtLogin: boolean;
  /** Windows passes these to the login start; macOS reports wasOpenedAtLogin instead. */
  readonly args: readonly string[];
}

/** macOS and Windows keep login items themselves; Linux desktops read ~/.config/autostart. */
export function loginItemMechanism(
  platform: NodeJS.Platform,
): 'login-item' | 'autostart-file' | 'none' {
  if (platform === 'darwin' || platform === 'win32') return 'login-item';
  if (platform === 'linux') return 'autostart-file';
  return 'none';
}

/** The login item for the setting: started hidden so the window doesn't pop up at every login. */
export function loginItemPlan(enabled: boolean): LoginItemPlan {
  return { openAtLogin: enabled, args: enabled ? [HIDDEN_FLAG] : [] };
}

/**
 * The XDG autostart entry for Linux (https://specifications.freedesktop.org/autostart-spec/).
 * `exec` is the AppImage's own path when run from one (APPIMAGE), else the installed binary.
 */
export function autostartDesktopEntry(exec: string): string {
  const quoted = /[\s"'\\$`]/.test(exec) ? `"${exec.replace(/(["\\$`])/g, '\\$1')}"` : exec;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=OTP Desk',
    'Comment=Two-factor authentication codes on your desktop',
    `Exec=${quoted} ${HIDDEN_FLAG}`,
    'Icon=otp-desk',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

/** Starts hidden in the tray: launched at login (the flag, or macOS's wasOpenedAtLogin). */
export function startsHidden(argv: readonly string[], openedAtLoginByMac = false): boolean {
  return openedAtLoginByMac || argv.includes(HIDDEN_FLAG);
}
