import type { ApiHandlers } from '../api';
import { UserError } from '../core/errors';
import type { BrowserChannel } from '../browser/browser-channel';
import { asString, asStringArray } from './guards';
import type { ServiceHost } from './service-host';

/** What the app (or the test bridge) provides for browser fill. */
export interface BrowserPlatform {
  readonly browserChannel?: BrowserChannel;
  /** Registers the native host for one browser; returns the manifests written. */
  readonly installBrowserHost?: (browser: string) => Promise<string[]>;
}

const NO_CHANNEL = 'Browser fill is not running in this window. Restart OTP Desk.';

/** Settings › Browser: pairings, the host, and an account's sites. */
export function createBrowserHandlers(host: ServiceHost, platform: BrowserPlatform): Pick<ApiHandlers, 'browser'> {
  const channel = () => {
    if (!platform.browserChannel) throw new UserError('io', NO_CHANNEL);
    return platform.browserChannel;
  };
  return {
    browser: {
      pairings: () => channel().pairings(),
      pendingPairings: () => channel().pendingPairings(),
      confirmPairing: (id, accept) => channel().confirmPairing(asString(id, 'pairing id'), accept === true),
      unpair: async (id) => {
        if (!(await channel().unpair(asString(id, 'pairing id')))) throw new UserError('not-found', 'That browser is no longer paired.');
      },
      setSites: (accountId, sites) => host.get().setAccountSites(asString(accountId, 'account id'), asStringArray(sites, 'sites')),
      installHost: (browser) => {
        if (!platform.installBrowserHost) throw new UserError('io', 'Installing the browser host is not available here. Run: otp-desk browser install-host');
        return platform.installBrowserHost(asString(browser, 'browser', 20));
      },
    },
  };
}
