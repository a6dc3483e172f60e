import type { Account } from '../core/otp/account';
import type { SyncData } from '../sync/sync-data';

/** Removed accounts (and versions a sync merge replaced) stay restorable this long, so an undo (or a crash during one) never loses them. */
export const TRASH_RETENTION_MS = 30 * 24 * 3600 * 1000;

/** An account removed by the user, kept so the removal can be undone. */
export interface TrashedAccount {
  readonly account: Account;
  readonly deletedAt: number;
  /** Why it is here: removed here (the default), removed by a sync merge, or a version a merge replaced. */
  readonly reason?: 'removed' | 'sync' | 'overwritten';
  /** Names a replaced version (several can share the account id); removed accounts go by their account id. */
  readonly entryId?: string;
}

/** Everything inside the encrypted database. */
export interface VaultData {
  readonly accounts: readonly Account[];
  readonly trash: readonly TrashedAccount[];
  /** Feature settings stored encrypted alongside the accounts (see settings.ts). */
  readonly settings: Readonly<Record<string, unknown>>;
  /** Stamps, deletions and the sync folder link; absent until sync or a follow is set up (electron/sync). */
  readonly sync?: SyncData;
}

/** A new vault's database. */
export const EMPTY_VAULT_DATA: VaultData = { accounts: [], trash: [], settings: {} };
