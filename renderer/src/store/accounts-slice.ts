import type { StateCreator } from 'zustand';
import type { AccountPatch, NewAccountFields } from '../../../electron/api';
import type { AccountSummary } from '../../../electron/core/otp/account';
import { call, remote } from '../api';
import { fullNameOf } from '../lib/visible-accounts';
import type { Store } from './store';

export interface AccountsSlice {
  accounts: readonly AccountSummary[];
  accountsLoaded: boolean;
  loadAccounts(): Promise<void>;
  addFromText(text: string, fields: Omit<NewAccountFields, 'secret'>): Promise<AccountSummary>;
  updateAccount(id: string, patch: AccountPatch): Promise<void>;
  /** Moves the account to main's trash and offers an undo. */
  removeAccount(id: string): Promise<void>;
  restoreAccount(id: string): Promise<void>;
  /** Saves a new manual order (ids in the order shown). */
  reorder(ids: readonly string[]): Promise<void>;
  advanceCounter(id: string): Promise<void>;
}

const labelOf = (a: AccountSummary | undefined) => (a ? fullNameOf(a) : 'the account');

/** Accounts as the service lists them (no secrets), and every change to them. */
export const createAccountsSlice: StateCreator<Store, [], [], AccountsSlice> = (set, get) => ({
  accounts: [],
  accountsLoaded: false,
  async loadAccounts() {
    // Codes don't depend on the list, so both requests go out at once (first code sooner).
    const [accounts] = await Promise.all([call(remote.accounts.list()), get().refreshCodes()]);
    set({ accounts, accountsLoaded: true });
  },
  async addFromText(text, fields) {
    const trimmed = text.trim();
    const added = trimmed.toLowerCase().startsWith('otpauth')
      ? await call(remote.accounts.addUri(trimmed))
      : await call(remote.accounts.addFields({ ...fields, secret: trimmed }));
    await get().loadAccounts();
    return added;
  },
  async updateAccount(id, patch) {
    const updated = await call(remote.accounts.update(id, patch));
    set({ accounts: get().accounts.map((a) => (a.id === id ? updated : a)) });
  },
  async removeAccount(id) {
    const label = labelOf(get().accounts.find((a) => a.id === id));
    await call(remote.accounts.remove(id));
    set({ accounts: get().accounts.filter((a) => a.id !== id) });
    get().showToast(`Deleted ${label}`, 'info', {
      label: 'Undo',
      run: () => get().restoreAccount(id),
    });
  },
  async restoreAccount(id) {
    const restored = await call(remote.accounts.restore(id));
    await get().loadAccounts();
    get().showToast(`Restored ${labelOf(restored)}`);
  },
  async reorder(ids) {
    const rank = new Map(ids.map((id, i) => [id, i]));
    // Show the new order at once; main's answer (via onChanged) confirms it.
    set({
      accounts: [...get().accounts].sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0)),
    });
    await call(remote.accounts.reorder([...ids]));
  },
  async advanceCounter(id) {
    await call(remote.accounts.advanceCounter(id));
    await get().refreshCodes();
  },
});
