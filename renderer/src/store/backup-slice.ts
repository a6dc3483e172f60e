import type { StateCreator } from 'zustand';
import type { BackupStatus } from '../../../electron/api';
import type { BackupSettings } from '../../../electron/core/backup/backup-settings';
import { call, remote } from '../api';
import type { Store } from './store';

export interface BackupSlice {
  /** Automatic backups as main reports them (null until loaded). */
  backupStatus: BackupStatus | null;
  /** The account whose key/QR dialog is open. */
  revealId: string | null;
  loadBackupStatus(): Promise<void>;
  configureBackups(patch: Partial<BackupSettings>): Promise<void>;
  setBackupPassword(password: string, vaultPassword?: string): Promise<void>;
  runBackupNow(): Promise<void>;
  setRevealId(id: string | null): void;
}

/** Backup status and settings; the backup key itself never comes to the renderer. */
export const createBackupSlice: StateCreator<Store, [], [], BackupSlice> = (set) => ({
  backupStatus: null,
  revealId: null,
  async loadBackupStatus() {
    set({ backupStatus: await call(remote.backups.status()) });
  },
  async configureBackups(patch) {
    set({ backupStatus: await call(remote.backups.configure(patch)) });
  },
  async setBackupPassword(password, vaultPassword) {
    set({ backupStatus: await call(remote.backups.setPassword(password, vaultPassword)) });
  },
  async runBackupNow() {
    set({ backupStatus: await call(remote.backups.runNow()) });
  },
  setRevealId: (revealId) => set({ revealId }),
});
