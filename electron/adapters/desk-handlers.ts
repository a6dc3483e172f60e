import type { ApiHandlers } from '../api';
import { clearClipboardIfHolds, type ClipboardAccess } from '../clipboard-access';
import { summarizeAccount } from '../core/otp/account';
import { UserError } from '../core/errors';
import { TRASH_RETENTION_MS } from '../service';
import { currentSettings, updateSettings } from '../settings-service';
import { checkSystemClock } from '../time-check';
import { asString } from './guards';
import type { ServiceHost } from './service-host';

/** What only the app's main process has; the test bridge runs without it. */
export interface DeskPlatform {
  readonly clipboard?: ClipboardAccess;
}

/** Settings, the clock check and the clipboard: the codes window's part of the contract. */
export function createDeskHandlers(
  host: ServiceHost,
  platform: DeskPlatform = {},
): Pick<ApiHandlers, 'settings' | 'clock' | 'clipboard' | 'trash'> {
  const service = () => host.get();
  return {
    settings: {
      get: () => currentSettings(service()),
      set: (patch) => updateSettings(service(), patch),
    },
    clock: {
      check: () => {
        const settings = currentSettings(service());
        if (!settings.timeCheckEnabled)
          throw new UserError(
            'invalid-input',
            'The clock check is off. Turn it on in Settings first.',
          );
        return checkSystemClock(settings.timeCheckUrl);
      },
    },
    clipboard: {
      clearIf: (text) => {
        if (!platform.clipboard)
          throw new UserError(
            'io',
            'The system clipboard is not reachable from here; the page clears it instead.',
          );
        return clearClipboardIfHolds(platform.clipboard, asString(text, 'copied code', 100));
      },
    },
    trash: {
      list: () => {
        const now = Date.now();
        return [...service().vaultHandle.current.trash]
          .filter((t) => now - t.deletedAt < TRASH_RETENTION_MS)
          .sort((a, b) => b.deletedAt - a.deletedAt)
          .map((t) => ({ account: summarizeAccount(t.account), deletedAt: t.deletedAt }));
      },
    },
  };
}
