import type { StateCreator } from 'zustand';
import type { VaultStatus } from '../../../electron/api';
import { call, remote } from '../api';
import type { Store } from './store';

export interface LockSlice {
  status: VaultStatus | null;
  loadStatus(): Promise<void>;
  unlock(password: string): Promise<void>;
  recover(from: 'previous' | 'backup', backupPassword?: string): Promise<void>;
}

/** Whether the vault is open, and unlocking it with the password when the keychain can't. */
export const createLockSlice: StateCreator<Store, [], [], LockSlice> = (set, get) => ({
  status: null,
  async loadStatus() {
    const status = await call(remote.vault.status());
    set({ status });
    if (status.state === 'unlocked')
      await Promise.all([get().loadSettings(), get().loadAccounts()]);
  },
  async recover(from, backupPassword) {
    const status = await call(remote.vault.recover(from, backupPassword));
    set({ status });
    if (status.state === 'unlocked') await Promise.all([get().loadSettings(), get().loadAccounts()]);
  },
  async unlock(password) {
    const status = await call(remote.vault.unlock(password));
    set({ status });
    await Promise.all([get().loadSettings(), get().loadAccounts()]);
  },
});
