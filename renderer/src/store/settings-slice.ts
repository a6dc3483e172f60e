import type { StateCreator } from 'zustand';
import type { ClockCheck } from '../../../electron/time-check';
import { DEFAULT_SETTINGS, type Settings } from '../../../electron/core/settings';
import { call, remote } from '../api';
import { newestOnly } from '../newest-only';
import type { Store } from './store';

export interface SettingsSlice {
  settings: Settings;
  /** The last clock check, or its error message. */
  clockCheck: ClockCheck | { readonly error: string } | null;
  loadSettings(): Promise<void>;
  saveSettings(patch: Partial<Settings>): Promise<void>;
  runClockCheck(): Promise<void>;
}

const startClockCheck = newestOnly();
/** Changes sent to main and not yet answered: an earlier answer must not undo a later click. */
const unanswered = new Set<Partial<Settings>>();

/** The user's settings as main stores them; changes are saved at once and applied from the answer. */
export const createSettingsSlice: StateCreator<Store, [], [], SettingsSlice> = (set, get) => ({
  settings: DEFAULT_SETTINGS,
  clockCheck: null,
  async loadSettings() {
    set({ settings: await call(remote.settings.get()) });
    // The clock check runs at start when the user has enabled it.
    if (get().settings.timeCheckEnabled) void get().runClockCheck();
  },
  async saveSettings(patch) {
    const before = get().settings;
    set({ settings: { ...before, ...patch } });
    unanswered.add(patch);
    try {
      const answer = await call(remote.settings.set(patch));
      unanswered.delete(patch);
      set({ settings: Object.assign({ ...answer }, ...unanswered) as Settings });
    } catch (error) {
      unanswered.delete(patch);
      set({ settings: before });
      throw error;
    }
    if (patch.clockOffsetMs !== undefined) await get().refreshCodes();
    // Enabling the check, or pointing it at another server, checks at once (after main has saved it).
    if (patch.timeCheckEnabled === false) set({ clockCheck: null });
    else if (get().settings.timeCheckEnabled && (patch.timeCheckEnabled || patch.timeCheckUrl)) void get().runClockCheck();
  },
  async runClockCheck() {
    // Only the newest check may answer: an older one (say, to a server since changed) can finish later.
    const isNewest = startClockCheck();
    const result = await remote.clock.check();
    if (isNewest())
      set({ clockCheck: result.ok ? result.value : { error: result.error.message } });
  },
});
