import type { ApiHandlers } from '../api';
import { clearClipboardIfHolds, type ClipboardAccess, type ClipboardGuard } from '../clipboard-access';
import { DEFAULT_SETTINGS, validateSettingsPatch, type Settings } from '../core/settings';
import { confirmInMain, type SecretConfirmer } from '../lock/secret-release';
import { summarizeAccount } from '../core/otp/account';
import { UserError } from '../core/errors';
import { currentSettings, updateSettings } from '../settings-service';
import { checkSystemClock, type ClockFetch } from '../time-check';
import { asString } from './guards';
import type { ServiceHost } from './service-host';

/** What only the app's main process has; the test bridge runs without it. */
export interface DeskPlatform {
  readonly clipboard?: ClipboardAccess;
  /** Main's copy-and-clear (the app); absent in the test bridge, where the page copies itself. */
  readonly clipboardGuard?: ClipboardGuard;
  /** Main's own question before a boundary moves (native dialog; the bridge's explicit test answer). */
  readonly confirmSecretRelease?: SecretConfirmer;
  /** The app's HEAD request for the clock check (Electron's net, which honours the system proxy). */
  readonly clockFetch?: ClockFetch;
}

/**
 * The time server the user confirmed in main's dialog (a vault setting the page can't set): the
 * clock check asks only it, or the shipped default, so a page can't make main call a server of its own.
 */
const CONFIRMED_TIME_SERVER = 'timeCheckConfirmedUrl';

/** Asks the user, in main, before the clock check may contact `url`; remembers a yes. */
async function confirmTimeServer(host: ServiceHost, url: string, confirm: SecretConfirmer | undefined): Promise<void> {
  const service = host.get();
  if (url === DEFAULT_SETTINGS.timeCheckUrl || url === service.setting(CONFIRMED_TIME_SERVER)) return;
  await confirmInMain({ action: 'time-server', what: new URL(url).host }, confirm);
  await service.setSetting(CONFIRMED_TIME_SERVER, url);
}

/** Applies a settings patch; "ask for the password at every start" changes the vault's keychain slot first. */
async function setSettings(host: ServiceHost, patch: unknown, confirm: SecretConfirmer | undefined): Promise<Settings> {
  const valid = validateSettingsPatch(patch);
  const service = host.get();
  if (valid.timeCheckUrl !== undefined) await confirmTimeServer(host, valid.timeCheckUrl, confirm);
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
      set: (patch) => setSettings(host, patch, platform.confirmSecretRelease),
    },
    clock: {
      check: async () => {
        const settings = currentSettings(service());
        if (!settings.timeCheckEnabled)
          throw new UserError(
            'invalid-input',
            'The clock check is off. Turn it on in Settings first.',
          );
        // A server stored before this rule (or by anything but the dialog) is asked about first.
        await confirmTimeServer(host, settings.timeCheckUrl, platform.confirmSecretRelease);
        return checkSystemClock(settings.timeCheckUrl, { fetchDate: platform.clockFetch });
      },
    },
    clipboard: {
      // Answers nothing either way: a yes/no would tell the page what the clipboard holds.
      clearIf: async (text) => {
        if (!platform.clipboard)
          throw new UserError(
            'io',
            'The system clipboard is not reachable from here; the page clears it instead.',
          );
        await clearClipboardIfHolds(platform.clipboard, asString(text, 'copied code', 100));
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
