import type { StateCreator } from 'zustand';
import type { ClockCheck } from '../../../electron/time-check';
import { DEFAULT_SETTINGS, type Settings } from '../../../electron/core/settings';
import { call, remote } from '../api';
import type { Store } from './store';

export interface SettingsSlice {
  settings: Settings;
  /** The last clock check, or its error message. */
  clockCheck: ClockCheck | { readonly error: string } | null;
  loadSettings(): Promise<void>;
  saveSettings(patch: Partial<Settings>): Promise<void>;
  runClockCheck(): Promise<void>;
}

/** The user's settings as main stores them; changes are saved at once and applied from the answer. */
export const createSettingsSlice: StateCreator<Store, [], [], SettingsSlice> = (set, get) => ({
  settings: DEFAULT_SETTINGS,
  clockCheck: null,
  async loadSettings() {
    set({ settings: await call(remote.settings.get()) });
  },
  async saveSettings(patch) {
    const before = get().settings;
    set({ settings: { ...before, ...patch } });
    try {
      set({ settings: await call(remote.settings.set(patch)) });
    } catch (error) {
      set({ settings: before });
      throw error;
    }
    if (patch.clockOffsetMs !== undefined) await get().refreshCodes();
  },
  async runClockCheck() {
    const result = await remote.clock.check();
    set({ clockCheck: result.ok ? result.value : { error: result.error.message } });
  },
});
