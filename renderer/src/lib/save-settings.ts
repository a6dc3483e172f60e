import type { Settings } from '../../../electron/core/settings';
import { messageOf } from '../api';
import { useStore } from '../store/store';

/** Saves one settings change at once; a refusal from main (bad value) shows as an error toast. */
export function saveSettingsOrToast(patch: Partial<Settings>): void {
  const s = useStore.getState();
  s.saveSettings(patch).catch((e: unknown) => s.showToast(messageOf(e), 'error'));
}
