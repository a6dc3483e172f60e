import { app } from 'electron';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { autostartDesktopEntry, loginItemMechanism, loginItemPlan } from './login-item';

const autostartFile = () =>
  join(
    process.env['XDG_CONFIG_HOME'] || join(homedir(), '.config'),
    'autostart',
    'otp-desk.desktop',
  );

/** Turns launching at login on or off: a login item on macOS/Windows, an XDG autostart file on Linux. */
export async function applyLaunchAtLogin(enabled: boolean): Promise<void> {
  if (!app.isPackaged) return; // A development checkout must not register itself at login.
  const mechanism = loginItemMechanism(process.platform);
  if (mechanism === 'login-item') {
    const plan = loginItemPlan(enabled);
    app.setLoginItemSettings({ openAtLogin: plan.openAtLogin, args: [...plan.args] });
  } else if (mechanism === 'autostart-file') {
    if (!enabled) return void (await rm(autostartFile(), { force: true }));
    await mkdir(join(autostartFile(), '..'), { recursive: true });
    // An AppImage moves with its file; APPIMAGE names it, process.execPath would be a temporary mount.
    await writeFile(
      autostartFile(),
      autostartDesktopEntry(process.env['APPIMAGE'] ?? process.execPath),
    );
  }
}

/** macOS reports a login launch itself (it passes no arguments to login items). */
export function wasOpenedAtLogin(): boolean {
  return process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin === true;
}
