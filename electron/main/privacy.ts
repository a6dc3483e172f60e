import { app, BrowserWindow } from 'electron';
import type { ServiceHost } from '../adapters/service-host';
import { ContentProtection } from '../lock/content-protection';
import { currentSettings } from '../settings-service';

/** Keeps every window excluded from screenshots and screen sharing while the setting is on. */
export function setupContentProtection(host: ServiceHost): ContentProtection {
  const protection = new ContentProtection(
    () =>
      host.status().state === 'unlocked' ? currentSettings(host.get()).contentProtection : null,
    (on) => BrowserWindow.getAllWindows().forEach((window) => window.setContentProtection(on)),
  );
  host.onChanged(() => protection.refresh());
  app.on('browser-window-created', (_event, window) =>
    window.setContentProtection(protection.current),
  );
  protection.refresh();
  return protection;
}
