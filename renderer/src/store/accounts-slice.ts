import type { StateCreator } from 'zustand';
import type { NewAccountFields } from '../../../electron/api';
import type { AccountSummary } from '../../../electron/core/account';
import { call, remote } from '../api';
import type { Store } from './store';

export interface AccountsSlice {
  accounts: readonly AccountSummary[];
  accountsLoaded: boolean;
  loadAccounts(): Promise<void>;
  addFromText(text: string, fields: Omit<NewAccountFields, 'secret'>): Promise<AccountSummary>;
}

/** Accounts as the service lists them (no secrets), and adding new ones. */
export const createAccountsSlice: StateCreator<Store, [], [], AccountsSlice> = (set, get) => ({
  accounts: [],
  accountsLoaded: false,
  async loadAccounts() {
    const accounts = await call(remote.accounts.list());
    set({ accounts, accountsLoaded: true });
    await get().refreshCodes();
  },
  async addFromText(text, fields) {
    const trimmed = text.trim();
    const added = trimmed.toLowerCase().startsWith('otpauth')
      ? await call(remote.accounts.addUri(trimmed))
      : await call(remote.accounts.addFields({ ...fields, secret: trimmed }));
    await get().loadAccounts();
    return added;
  },
});
