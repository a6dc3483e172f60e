import { app, BrowserWindow } from 'electron';
import type { ServiceHost } from '../adapters/service-host';
import { currentSettings } from '../settings-service';

/**
 * Keeps every window excluded from screenshots and screen sharing while the setting is on
 * (setContentProtection). While locked the settings can't be read, so the last value stays.
 */
export function setupContentProtection(host: ServiceHost): void {
  let wanted = false;
  const apply = () => {
    try {
      wanted = currentSettings(host.get()).contentProtection;
    } catch {
      // Locked: keep the last known choice.
    }
    for (const window of BrowserWindow.getAllWindows()) window.setContentProtection(wanted);
  };
  host.onChanged(apply);
  app.on('browser-window-created', (_event, window) => window.setContentProtection(wanted));
  apply();
}
