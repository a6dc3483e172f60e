import type { StateCreator } from 'zustand';
import type { AccountCodes } from '../../../electron/api';
import { call, remote } from '../api';
import { shownWindowOf, windowIsStale, type ShownWindow } from '../lib/code-clock';
import type { Store } from './store';

export interface CodesSlice {
  codes: Readonly<Record<string, AccountCodes>>;
  /** Milliseconds on the corrected clock (system time plus the user's offset); one shared tick for every row. */
  now: number;
  /** When the shown codes are current (unix seconds on the corrected clock; unbounded when none are time-based). */
  shownWindow: ShownWindow;
  tick(): void;
  refreshCodes(): Promise<void>;
}

let inFlight: Promise<void> | null = null;

/** No codes shown: nothing to go stale. */
export const NO_WINDOW: ShownWindow = { since: -Infinity, until: Infinity };

/** Codes come from main once per period boundary, not every second. */
export const createCodesSlice: StateCreator<Store, [], [], CodesSlice> = (set, get) => ({
  codes: {},
  now: Date.now(),
  shownWindow: NO_WINDOW,
  tick() {
    const now = Date.now() + get().settings.clockOffsetMs;
    set({ now });
    if (windowIsStale(get().shownWindow, now)) void get().refreshCodes();
  },
  refreshCodes() {
    inFlight ??= (async () => {
      try {
        // Main adds the user's offset itself, so it gets the plain system time.
        const list = await call(remote.codes.at(Date.now()));
        const shownWindow = shownWindowOf(list);
        // Unchanged entries keep their identity, so rows whose code did not roll over don't re-render.
        const old = get().codes;
        const same = (c: AccountCodes) =>
          old[c.id]?.code === c.code &&
          old[c.id]?.next === c.next &&
          old[c.id]?.validUntil === c.validUntil;
        const codes = Object.fromEntries(list.map((c) => [c.id, same(c) ? old[c.id]! : c]));
        set({ codes, shownWindow, now: Date.now() + get().settings.clockOffsetMs });
      } finally {
        inFlight = null;
      }
      // A request that started before a period ended answers with codes already expired: ask again.
      if (windowIsStale(get().shownWindow, Date.now() + get().settings.clockOffsetMs))
        await get().refreshCodes();
    })();
    return inFlight;
  },
});
