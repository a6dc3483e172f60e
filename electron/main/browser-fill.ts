import { dialog, type BrowserWindow } from 'electron';
import { join } from 'node:path';
import type { BrowserPlatform } from '../adapters/browser-handlers';
import type { ServiceHost } from '../adapters/service-host';
import { UserError } from '../core/errors';
import { BrowserChannel } from '../browser/browser-channel';
import { listenForBrowsers } from '../browser/channel-server.node';
import { BROWSERS, installHost, type BrowserName } from '../browser/install-host.node';
import { browserSocketPath } from '../browser/socket-path.node';

/**
 * Browser fill in the app: the channel on this vault's user-only socket, with the app's own
 * native dialogs for the pairing code, the first fill on a suggested site and (when set)
 * every fill. Returns what the Api's browser namespace needs.
 */
export async function setupBrowserFill(host: ServiceHost, distDir: string, showWindow: () => BrowserWindow): Promise<BrowserPlatform> {
  const ask = async (message: string, detail: string, yes: string) => {
    const window = showWindow();
    const { response } = await dialog.showMessageBox(window, { type: 'question', message, detail, buttons: [yes, 'Cancel'], defaultId: 0, cancelId: 1, noLink: true });
    return response === 0;
  };
  const channel: BrowserChannel = new BrowserChannel(host, {
    confirm: (question) => ask(question, 'Only the current code is sent to the page, never the key.', 'Fill'),
    showUnlock: () => void showWindow(),
    pairingRequested: (pairing) => {
      const code = `${pairing.code.slice(0, 3)} ${pairing.code.slice(3)}`;
      void ask(`Pair ${pairing.name} with OTP Desk?`, `Pair only if the browser's OTP Desk button shows the same code: ${code}`, 'Pair').then((yes) => channel.confirmPairing(pairing.id, yes).catch(() => undefined));
    },
  });
  await listenForBrowsers(browserSocketPath(host.vaultDir), channel).catch(() => undefined);
  return {
    browserChannel: channel,
    installBrowserHost: (browser) => {
      if (!(BROWSERS as readonly string[]).includes(browser)) throw new UserError('invalid-input', `Choose one of ${BROWSERS.join(', ')}.`);
      // The packaged app can't run as Node (its RunAsNode fuse is off), so the host runs on the system's node.
      return installHost({ vaultDir: host.vaultDir, hostScript: join(distDir, 'browser-host', 'host.cjs'), nodePath: 'node', browsers: [browser as BrowserName] });
    },
  };
}
