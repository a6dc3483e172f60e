import type { Settings } from '../../core/settings';

/**
 * Whether closing the main window keeps OTP Desk running in the tray. `auto` does on Windows and
 * Linux; on macOS the dock keeps the app anyway, so `auto` there closes the window as usual.
 */
export function keepsRunningInTray(
  setting: Settings['closeToTray'],
  platform: NodeJS.Platform,
  /** False on a Linux desktop that shows no tray icons (stock GNOME): `auto` then closes. */
  trayHost = true,
): boolean {
  if (setting === 'on') return true;
  if (setting === 'off') return false;
  return platform !== 'darwin' && trayHost;
}

/** What the main window's close button does: hide it (the app stays in the tray) or really close it. */
export function closeAction(
  setting: Settings['closeToTray'],
  platform: NodeJS.Platform,
  quitting: boolean,
  trayHost = true,
): 'hide' | 'close' {
  return !quitting && keepsRunningInTray(setting, platform, trayHost) ? 'hide' : 'close';
}

/** After the last window closes: macOS apps stay in the dock; elsewhere the app quits unless the tray keeps it. */
export function lastWindowClosedAction(
  setting: Settings['closeToTray'],
  platform: NodeJS.Platform,
  trayHost = true,
): 'quit' | 'stay' {
  return platform === 'darwin' || keepsRunningInTray(setting, platform, trayHost) ? 'stay' : 'quit';
}

/** Electron's nativeTheme.themeSource for the user's choice, so native menus and dialogs match the window. */
export function themeSourceFor(theme: Settings['theme']): 'system' | 'light' | 'dark' {
  return theme;
}

/** The window's background before the page paints (no white flash in dark mode), matching styles.css. */
export function windowBackground(dark: boolean): string {
  return dark ? '#15171c' : '#f6f7f9';
}
