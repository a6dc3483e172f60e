import type { ServiceHost } from '../adapters/service-host';
import type { ClipboardGuard } from '../clipboard-access';

/** The part of Electron's `app` the quit step uses. */
export interface QuittingApp {
  on(event: 'before-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * Clears the codes and keys main copied when the vault locks and before the app quits, and
 * waits for it both times: the first quit request is held until the clipboard is cleared and
 * the vault closed, then the quit goes on.
 */
export function setupClipboardClearing(
  app: QuittingApp,
  host: ServiceHost,
  guard: ClipboardGuard,
): void {
  host.onLock(() => guard.clearNow());
  let cleaned = false;
  app.on('before-quit', (event) => {
    if (cleaned) return;
    event.preventDefault();
    void guard
      .clearNow()
      .catch(() => false)
      .finally(() => {
        cleaned = true;
        host.close();
        app.quit();
      });
  });
}
