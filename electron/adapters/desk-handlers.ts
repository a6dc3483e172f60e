import type { ApiHandlers } from '../api';
import { clearClipboardIfHolds, type ClipboardAccess, type ClipboardGuard } from '../clipboard-access';
import { validateSettingsPatch, type Settings } from '../core/settings';
import { summarizeAccount } from '../core/otp/account';
import { UserError } from '../core/errors';
import { currentSettings, updateSettings } from '../settings-service';
import { checkSystemClock } from '../time-check';
import { asString } from './guards';
import type { ServiceHost } from './service-host';

/** What only the app's main process has; the test bridge runs without it. */
export interface DeskPlatform {
  readonly clipboard?: ClipboardAccess;
  /** Main's copy-and-clear (the app); absent in the test bridge, where the page copies itself. */
  readonly clipboardGuard?: ClipboardGuard;
}

/** Applies a settings patch; "ask for the password at every start" changes the vault's keychain slot first. */
async function setSettings(host: ServiceHost, patch: unknown): Promise<Settings> {
  const valid = validateSettingsPatch(patch);
  const service = host.get();
  if (valid.requirePasswordAtStart !== undefined && valid.requirePasswordAtStart !== currentSettings(service).requirePasswordAtStart) {
    if (valid.requirePasswordAtStart && !service.hasPassword)
      throw new UserError('invalid-input', 'Set a vault password first: with this on, only the password opens the vault.');
    await host.setRequirePasswordAtStart(valid.requirePasswordAtStart);
  }
  if (valid.autoLockMinutes && !service.hasPassword)
    throw new UserError('invalid-input', 'Set a vault password first (Settings › Security): locking needs a password to unlock with.');
  return updateSettings(service, valid);
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
      set: (patch) => setSettings(host, patch),
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
      copy: async (text) => {
        if (!platform.clipboardGuard)
          throw new UserError('io', 'The system clipboard is not reachable from here; the page copies instead.');
        await platform.clipboardGuard.copy(asString(text, 'text to copy', 1_000), currentSettings(service()).clipboardClearSeconds);
        return true;
      },
    },
    trash: {
      // Removed here, removed by a sync merge, and versions a merge replaced (service.trashEntries).
      list: () =>
        service()
          .trashEntries()
          .map((t) => ({ account: summarizeAccount(t.account), deletedAt: t.deletedAt, reason: t.reason ?? 'removed', entryId: t.entryId ?? t.account.id })),
      restore: (entryId) => service().restoreTrashEntry(asString(entryId, 'trash entry id')),
    },
  };
}
