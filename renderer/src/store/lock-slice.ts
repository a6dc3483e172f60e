import type { StateCreator } from 'zustand';
import type { VaultStatus } from '../../../electron/api';
import { call, remote } from '../api';
import { NO_WINDOW } from './codes-slice';
import type { Store } from './store';

export interface LockSlice {
  status: VaultStatus | null;
  /** With "hide codes until clicked": the row whose code is shown. */
  revealedId: string | null;
  loadStatus(): Promise<void>;
  unlock(password: string): Promise<void>;
  unlockWithSystemAuth(): Promise<void>;
  /** Restores a damaged vault from its previous version or the newest backup, then opens it. */
  recover(from: 'previous' | 'backup', backupPassword?: string): Promise<void>;
  /** Locks now; main drops the vault and its key, and this page forgets every code and name. */
  lock(): Promise<void>;
  setPassword(newPassword: string, currentPassword?: string): Promise<void>;
  removePassword(currentPassword: string): Promise<void>;
  setRevealedId(id: string | null): void;
}

/** Whether the vault is open, locking it, and unlocking it with the password (or Touch ID). */
export const createLockSlice: StateCreator<Store, [], [], LockSlice> = (set, get) => {
  /** Drops every account name, code, import review and open dialog from this page (main dropped the vault). */
  const forgetVaultContents = () =>
    set({
      accounts: [],
      accountsLoaded: false,
      codes: {},
      shownWindow: NO_WINDOW,
      revealedId: null,
      revealId: null,
      importPreview: null,
      importChoices: {},
      importLocalProblems: [],
      importBusy: null,
      importError: '',
      importPasswordError: '',
      pendingKey: null,
      backupStatus: null,
      view: 'list',
      pairId: null,
      editId: null,
      deleteId: null,
      focusedId: null,
      query: '',
      group: '',
      toast: null,
    });
  /** Applies a status from main; when it is not unlocked, nothing from the vault stays in this page. */
  const apply = async (status: VaultStatus) => {
    const wasUnlocked = get().status?.state === 'unlocked';
    set({ status });
    if (status.state === 'unlocked') {
      if (!wasUnlocked) await Promise.all([get().loadSettings(), get().loadAccounts()]);
    } else {
      forgetVaultContents();
    }
  };
  return {
    status: null,
    revealedId: null,
    async loadStatus() {
      await apply(await call(remote.vault.status()));
    },
    async unlock(password) {
      await apply(await call(remote.vault.unlock(password)));
    },
    async recover(from, backupPassword) {
      await apply(await call(remote.vault.recover(from, backupPassword)));
    },
    async unlockWithSystemAuth() {
      await apply(await call(remote.vault.unlockWithSystemAuth()));
    },
    async lock() {
      await apply(await call(remote.vault.lock()));
    },
    async setPassword(newPassword, currentPassword) {
      set({ status: await call(remote.vault.setPassword(newPassword, currentPassword)) });
    },
    async removePassword(currentPassword) {
      set({ status: await call(remote.vault.removePassword(currentPassword)) });
      if (get().settings.requirePasswordAtStart) await get().loadSettings();
    },
    setRevealedId(id) {
      set({ revealedId: id });
    },
  };
};
