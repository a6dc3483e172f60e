import type { Account } from '../core/otp/account';

/** An account removed by the user, kept so the removal can be undone. */
export interface TrashedAccount {
  readonly account: Account;
  readonly deletedAt: number;
}

/** Everything inside the encrypted database. */
export interface VaultData {
  readonly accounts: readonly Account[];
  readonly trash: readonly TrashedAccount[];
  /** Feature settings stored encrypted alongside the accounts (see settings.ts). */
  readonly settings: Readonly<Record<string, unknown>>;
}

/** A new vault's database. */
export const EMPTY_VAULT_DATA: VaultData = { accounts: [], trash: [], settings: {} };
