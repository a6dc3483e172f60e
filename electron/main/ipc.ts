import { BrowserWindow, clipboard, ipcMain } from 'electron';
import type { ClipboardGuard } from '../clipboard-access';
import { API_METHODS, apiChannel, CHANGED_CHANNEL } from '../api';
import { createApiHandlers, findHandler, toApiResult } from '../adapters/api-handlers';
import type { BrowserPlatform } from '../adapters/browser-handlers';
import type { DesktopPlatform } from '../adapters/desktop-handlers';
import type { ServiceHost } from '../adapters/service-host';
import { backupPlatform } from './backup-platform';
import { netHeadDate } from './clock-fetch';
import { captureScreens } from './screen-capture';
import { confirmSecretReleaseNatively } from './secret-dialog';
import { isTrustedSender } from './trusted-sender';

/** Registers one handler per contract method; calls from anything but our page are refused. */
export function setupIpc(
  host: ServiceHost,
  clipboardGuard: ClipboardGuard,
  desktop?: DesktopPlatform['desktop'],
  browser: BrowserPlatform = {},
): void {
  // Main's clipboard can clear a copied code while the window is in the background.
  const handlers = createApiHandlers(host, {
    clipboard: { readText: () => clipboard.readText(), clear: () => clipboard.clear() },
    clipboardGuard,
    captureScreens,
    ...backupPlatform,
    confirmSecretRelease: confirmSecretReleaseNatively,
    clockFetch: netHeadDate,
    desktop,
    ...browser,
  });
  for (const [namespace, methods] of Object.entries(API_METHODS)) {
    for (const method of methods) {
      const handler = findHandler(handlers, namespace, method)!;
      ipcMain.handle(apiChannel(namespace, method), (event, ...args: unknown[]) => {
        if (!isTrustedSender(event)) {
          return {
            ok: false,
            error: {
              kind: 'internal',
              message: 'Refused: the request did not come from OTP Desk.',
            },
          };
        }
        return toApiResult(() => handler(...args));
      });
    }
  }
  host.onChanged(() => {
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(CHANGED_CHANNEL);
  });
}
