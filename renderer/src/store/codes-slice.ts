import type { StateCreator } from 'zustand';
import type { AccountCodes } from '../../../electron/api';
import { call, remote } from '../api';
import type { Store } from './store';

export interface CodesSlice {
  codes: Readonly<Record<string, AccountCodes>>;
  /** Milliseconds; advanced by one shared timer for every row. */
  now: number;
  tick(now: number): void;
  refreshCodes(): Promise<void>;
}

/** Codes come from main once per period boundary, not every second. */
export const createCodesSlice: StateCreator<Store, [], [], CodesSlice> = (set, get) => ({
  codes: {},
  now: Date.now(),
  tick(now) {
    set({ now });
    const seconds = now / 1000;
    const expired = Object.values(get().codes).some((c) => c.validUntil !== 0 && c.validUntil <= seconds);
    if (expired) void get().refreshCodes();
  },
  async refreshCodes() {
    const list = await call(remote.codes.at(Date.now()));
    set({ codes: Object.fromEntries(list.map((c) => [c.id, c])), now: Date.now() });
  },
});
