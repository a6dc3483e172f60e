import { readSettings, SETTING_KEYS, validateSettingsPatch, type Settings } from './core/settings';
import type { AuthenticatorService } from './service';

/** The typed settings of an open vault (defaults for anything unset or damaged). */
export function currentSettings(service: AuthenticatorService): Settings {
  return readSettings(Object.fromEntries(SETTING_KEYS.map((key) => [key, service.setting(key)])));
}

/** Validates a patch (from unknown), stores each changed field, and returns the settings now in force. */
export async function updateSettings(
  service: AuthenticatorService,
  patch: unknown,
): Promise<Settings> {
  const valid = validateSettingsPatch(patch);
  const before = currentSettings(service);
  for (const [key, value] of Object.entries(valid) as [keyof Settings, unknown][]) {
    if (before[key] !== value) await service.setSetting(key, value);
  }
  return currentSettings(service);
}
