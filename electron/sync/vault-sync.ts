import { randomBytes } from 'node:crypto';
import type { Account } from '../core/otp/account';
import { aliveVersions, recordLocalChanges, sameFields } from '../core/sync/local-changes';
import { latestStamp, merge } from '../core/sync/merge';
import { observe, stampKey, ZERO_CLOCK } from '../core/sync/stamp';
import { EMPTY_SYNC_STATE, type SyncState, type Version } from '../core/sync/sync-state';
import { TRASH_RETENTION_MS, type TrashedAccount, type VaultData } from '../vault/vault-data';
import type { SyncData } from './sync-data';

/** A new device id: 16 base32-like characters (80 bits), short enough to keep files small. */
export function newDeviceId(): string {
  return randomBytes(10).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x').slice(0, 12) + randomBytes(2).toString('hex');
}

/** Starts keeping stamps: every account the vault has becomes a change of this device. */
export function startSync(data: VaultData, nowMs: number): SyncData {
  if (data.sync) return data.sync;
  const deviceId = newDeviceId();
  const { state, clock } = recordLocalChanges(EMPTY_SYNC_STATE, ZERO_CLOCK, deviceId, data.accounts, nowMs);
  return { deviceId, clock, state, follows: [], problems: [] };
}

/** After any local change: stamps what changed (a no-op until sync or a follow is set up). */
export function stampLocalChanges(data: VaultData, nowMs: number): VaultData {
  const sync = data.sync;
  if (!sync) return data;
  const { state, clock } = recordLocalChanges(sync.state, sync.clock, sync.deviceId, data.accounts, nowMs);
  return state === sync.state ? data : { ...data, sync: { ...sync, state, clock } };
}

/** What a merge did, for the one-line summary. */
export interface MergeOutcome {
  readonly data: VaultData;
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
}

function toAccount(version: Version, local: Account | undefined): Account {
  return {
    ...version.fields,
    id: version.id,
    useCount: local?.useCount ?? 0,
    updatedAt: local && sameFields(local, version.fields) ? local.updatedAt : version.stamp.wall,
  };
}

/**
 * Merges other devices' (or a followed phone's) views into the vault: the accounts become the
 * merged alive ones; an account a merge removes goes to the Trash, and a local version a merge
 * replaces is kept there as history, both restorable for 30 days.
 */
export function applyRemoteStates(data: VaultData, remotes: readonly SyncState[], nowMs: number, withState?: (sync: SyncData) => SyncData): MergeOutcome {
  const sync = data.sync;
  if (!sync) throw new Error('applyRemoteStates before startSync');
  const state = merge(sync.state, ...remotes);
  const latest = latestStamp(state);
  const clock = latest ? observe(sync.clock, latest) : sync.clock;
  const local = new Map(data.accounts.map((a) => [a.id, a]));
  const alive = aliveVersions(state);
  const accounts = alive.map((v) => toAccount(v, local.get(v.id)));
  const trash: TrashedAccount[] = [];
  const aliveIds = new Set(alive.map((v) => v.id));
  let changed = 0;
  for (const v of alive) {
    const before = local.get(v.id);
    if (!before || sameFields(before, v.fields)) continue;
    changed++;
    const old = sync.state.records[v.id]?.current;
    trash.push({ account: before, deletedAt: nowMs, reason: 'overwritten', entryId: `${v.id}@${old ? stampKey(old.stamp) : nowMs}` });
  }
  const removed = data.accounts.filter((a) => !aliveIds.has(a.id));
  for (const account of removed) trash.push({ account, deletedAt: nowMs, reason: 'sync' });
  const nextSync: SyncData = { ...sync, state, clock };
  const kept = data.trash.filter((t) => nowMs - t.deletedAt < TRASH_RETENTION_MS && !(t.reason !== 'overwritten' && aliveIds.has(t.account.id)));
  return {
    data: { ...data, accounts, trash: [...trash, ...kept], sync: withState ? withState(nextSync) : nextSync },
    added: alive.filter((v) => !local.has(v.id)).length,
    changed,
    removed: removed.length,
  };
}
