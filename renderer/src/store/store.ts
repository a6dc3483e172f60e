import { create } from 'zustand';
import { createAccountsSlice, type AccountsSlice } from './accounts-slice';
import { createBackupSlice, type BackupSlice } from './backup-slice';
import { createCodesSlice, type CodesSlice } from './codes-slice';
import { createImportSlice, type ImportSlice } from './import-slice';
import { createLockSlice, type LockSlice } from './lock-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createUiSlice, type UiSlice } from './ui-slice';

/** The whole renderer state, built from one slice per concern. Components select narrow parts. */
export type Store = AccountsSlice & BackupSlice & CodesSlice & ImportSlice & LockSlice & SettingsSlice & UiSlice;

export const useStore = create<Store>()((...a) => ({
  ...createAccountsSlice(...a),
  ...createBackupSlice(...a),
  ...createCodesSlice(...a),
  ...createImportSlice(...a),
  ...createLockSlice(...a),
  ...createSettingsSlice(...a),
  ...createUiSlice(...a),
}));
