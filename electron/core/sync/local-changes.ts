import type { Account } from '../otp/account';
import { isAlive, mergeTombstones, newestReplaced } from './merge';
import { tick, type HlcClock, type Stamp } from './stamp';
import { SYNCED_FIELD_NAMES, type AccountRecord, type SyncState, type SyncedFields, type Tombstone, type Version } from './sync-state';

/** The synced fields of an account (what a version holds). */
export function syncedFields(account: Account | SyncedFields): SyncedFields {
  const out: Record<string, unknown> = {};
  for (const name of SYNCED_FIELD_NAMES) out[name] = account[name];
  return out as unknown as SyncedFields;
}

/** Same synced fields. */
export function sameFields(a: SyncedFields, b: SyncedFields): boolean {
  return SYNCED_FIELD_NAMES.every((name) => a[name] === b[name]);
}

/** A device's view and clock after recording its own changes. */
export interface Recorded {
  readonly state: SyncState;
  readonly clock: HlcClock;
}

/**
 * Records a device's local edits as stamped changes: `accounts` is the account list the user
 * now has on `device`. An account new, changed or brought back (restored) gets a new version;
 * an account no longer there gets a tombstone naming every change the device had of it.
 */
export function recordLocalChanges(state: SyncState, clock: HlcClock, device: string, accounts: readonly Pick<Account, 'id' | keyof SyncedFields>[], nowMs: number): Recorded {
  let records: Record<string, AccountRecord> | undefined;
  let tombstones: Record<string, Tombstone> | undefined;
  const replaced: Version[] = [];
  const next = (): Stamp => {
    const t = tick(clock, nowMs, device);
    clock = t.clock;
    return t.stamp;
  };
  const present = new Set<string>();
  for (const account of accounts) {
    present.add(account.id);
    const record = state.records[account.id];
    const fields = syncedFields(account as Account);
    const alive = record && isAlive(record, state.tombstones[account.id]);
    if (record && alive && sameFields(record.current.fields, fields)) continue;
    const stamp = next();
    records ??= { ...state.records };
    records[account.id] = { current: { id: account.id, stamp, fields }, changes: { ...record?.changes, [device]: stamp } };
    if (record) replaced.push(record.current);
  }
  for (const id in state.records) {
    const record = state.records[id]!;
    if (present.has(id) || !isAlive(record, state.tombstones[id])) continue;
    tombstones ??= { ...state.tombstones };
    tombstones[id] = mergeTombstones(state.tombstones[id], { stamp: next(), saw: record.changes });
  }
  if (!records && !tombstones) return { state, clock };
  const nextRecords = records ?? state.records;
  const history = replaced.length ? newestReplaced([...replaced, ...state.history], nextRecords) : state.history;
  return { state: { records: nextRecords, tombstones: tombstones ?? state.tombstones, history }, clock };
}

/** The accounts a view holds alive, as (id, synced fields), in their stored order. */
export function aliveVersions(state: SyncState): Version[] {
  const out: Version[] = [];
  for (const id in state.records) {
    const record = state.records[id]!;
    if (isAlive(record, state.tombstones[id])) out.push(record.current);
  }
  return out.sort((a, b) => a.fields.order - b.fields.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
