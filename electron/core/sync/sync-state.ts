import type { Account } from '../otp/account';
import type { Stamp } from './stamp';

/**
 * What syncs of an account: everything but its id and the device-local counters
 * (how often it was copied here; when this device last touched it).
 */
export type SyncedFields = Omit<Account, 'id' | 'useCount' | 'updatedAt'>;

/** The synced field names, in the order the file format writes them. */
export const SYNCED_FIELD_NAMES = [
  'type', 'secret', 'algorithm', 'digits', 'period', 'counter', 'issuer', 'account', 'group', 'icon', 'favorite', 'order', 'createdAt',
] as const satisfies readonly (keyof SyncedFields)[];

/** One version of one account: the fields after a change, and the change's stamp. */
export interface Version {
  readonly id: string;
  readonly stamp: Stamp;
  readonly fields: SyncedFields;
}

/** Per device, the stamp of its latest change to one account (a version vector with stamps as entries). */
export type SeenChanges = Readonly<Record<string, Stamp>>;

/** An account: its winning version, and every device's latest change to it that went into it. */
export interface AccountRecord {
  readonly current: Version;
  readonly changes: SeenChanges;
}

/**
 * The deletions of one account. `saw` holds the account's changes as the deleting devices had
 * them: they remove those and older ones, never a change none of them had seen (one made later,
 * or at the same time elsewhere).
 */
export interface Tombstone {
  readonly stamp: Stamp;
  readonly saw: SeenChanges;
}

/** A device's whole view: what its file in the sync folder holds. */
export interface SyncState {
  readonly records: Readonly<Record<string, AccountRecord>>;
  /** Per account id, its deletions (merged into one). */
  readonly tombstones: Readonly<Record<string, Tombstone>>;
  /** The most recent versions a newer version replaced, newest first (at most HISTORY_LIMIT). */
  readonly history: readonly Version[];
}

/** How many replaced versions a state keeps (newest first, across all accounts). */
export const HISTORY_LIMIT = 200;

export const EMPTY_SYNC_STATE: SyncState = { records: {}, tombstones: {}, history: [] };
