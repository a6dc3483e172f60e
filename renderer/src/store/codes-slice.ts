import type { StateCreator } from 'zustand';
import type { AccountCodes } from '../../../electron/api';
import { call, remote } from '../api';
import { codesAreStale } from '../lib/code-clock';
import type { Store } from './store';

export interface CodesSlice {
  codes: Readonly<Record<string, AccountCodes>>;
  /** Milliseconds on the corrected clock (system time plus the user's offset); one shared tick for every row. */
  now: number;
  /** Corrected unix seconds at which the earliest shown code expires (Infinity when none do). */
  nextBoundary: number;
  tick(): void;
  refreshCodes(): Promise<void>;
}

let inFlight: Promise<void> | null = null;

/** Codes come from main once per period boundary, not every second. */
export const createCodesSlice: StateCreator<Store, [], [], CodesSlice> = (set, get) => ({
  codes: {},
  now: Date.now(),
  nextBoundary: Infinity,
  tick() {
    const now = Date.now() + get().settings.clockOffsetMs;
    set({ now });
    if (now / 1000 >= get().nextBoundary || codesAreStale(Object.values(get().codes), now)) void get().refreshCodes();
  },
  refreshCodes() {
    inFlight ??= (async () => {
      try {
        // Main adds the user's offset itself, so it gets the plain system time.
        const list = await call(remote.codes.at(Date.now()));
        const nextBoundary = list.reduce(
          (min, c) => (c.validUntil ? Math.min(min, c.validUntil) : min),
          Infinity,
        );
        // Unchanged entries keep their identity, so rows whose code did not roll over don't re-render.
        const old = get().codes;
        const same = (c: AccountCodes) =>
          old[c.id]?.code === c.code &&
          old[c.id]?.next === c.next &&
          old[c.id]?.validUntil === c.validUntil;
        const codes = Object.fromEntries(list.map((c) => [c.id, same(c) ? old[c.id]! : c]));
        set({ codes, nextBoundary, now: Date.now() + get().settings.clockOffsetMs });
      } finally {
        inFlight = null;
      }
      // A request that started before a period ended answers with codes already expired: ask again.
      if (codesAreStale(Object.values(get().codes), Date.now() + get().settings.clockOffsetMs))
        await get().refreshCodes();
    })();
    return inFlight;
  },
});
