import { compareStamps, maxStamp, stampKey, type Stamp } from './stamp';
import { HISTORY_LIMIT, type AccountRecord, type SeenChanges, type SyncState, type Tombstone, type Version } from './sync-state';

/** Every change in `changes` is one `saw` had: that change or a later one of the same device. */
export function covers(saw: SeenChanges, changes: SeenChanges): boolean {
  for (const device in changes) {
    const seen = saw[device];
    if (!seen || compareStamps(changes[device]!, seen) > 0) return false;
  }
  return true;
}

/** An account is alive while one of its changes was unknown to every device that deleted it. */
export function isAlive(record: AccountRecord, tombstone: Tombstone | undefined): boolean {
  return !tombstone || !covers(tombstone.saw, record.changes);
}

/** Per device, the later of the two changes. */
export function mergeChanges(a: SeenChanges, b: SeenChanges): SeenChanges {
  if (a === b) return a;
  const out: Record<string, Stamp> = { ...a };
  for (const device in b) out[device] = out[device] ? maxStamp(out[device]!, b[device]!) : b[device]!;
  return out;
}

/** Two deletions of one account as one: it removes every change either of them saw. */
export function mergeTombstones(a: Tombstone | undefined, b: Tombstone): Tombstone {
  if (!a || a === b) return b;
  return { stamp: maxStamp(a.stamp, b.stamp), saw: mergeChanges(a.saw, b.saw) };
}

/**
 * Merges device views into one. Commutative, associative and idempotent, so files read late,
 * twice or in any order give the same result:
 * - per account, the version with the largest stamp wins; every device's latest change is kept;
 * - deletions of one account add up: it stays deleted while every change to it was seen by a deleting device;
 * - replaced versions go to the history: the HISTORY_LIMIT newest that are no account's current version.
 */
export function merge(...states: readonly SyncState[]): SyncState {
  if (states.length === 1) return states[0]!;
  const records: Record<string, AccountRecord> = {};
  // Replaced versions: every view's history, and each current version another view's newer one beat.
  const replaced = new Map<string, Version>();
  const tombstones: Record<string, Tombstone> = {};
  for (const state of states) {
    for (const id in state.records) {
      const incoming = state.records[id]!;
      const existing = records[id];
      if (!existing) {
        records[id] = incoming;
        continue;
      }
      if (existing === incoming) continue;
      const order = compareStamps(incoming.current.stamp, existing.current.stamp);
      const winner = order > 0 ? incoming.current : existing.current;
      if (order !== 0) {
        const loser = order > 0 ? existing.current : incoming.current;
        replaced.set(stampKey(loser.stamp), loser);
      }
      records[id] = { current: winner, changes: mergeChanges(existing.changes, incoming.changes) };
    }
    for (const id in state.tombstones) tombstones[id] = mergeTombstones(tombstones[id], state.tombstones[id]!);
    for (const version of state.history) replaced.set(stampKey(version.stamp), version);
  }
  return { records, tombstones, history: newestReplaced(replaced.values(), records) };
}

/** The HISTORY_LIMIT newest versions that are not their account's current version, newest first. */
export function newestReplaced(versions: Iterable<Version>, records: Readonly<Record<string, AccountRecord>>): Version[] {
  const replaced: Version[] = [];
  for (const version of versions) {
    const current = records[version.id]?.current;
    if (!current || compareStamps(current.stamp, version.stamp) !== 0) replaced.push(version);
  }
  return replaced.sort((a, b) => compareStamps(b.stamp, a.stamp)).slice(0, HISTORY_LIMIT);
}

/** The largest stamp a view holds: reading it moves the reader's clock at least this far. */
export function latestStamp(state: SyncState): Stamp | undefined {
  let latest: Stamp | undefined;
  const see = (stamp: Stamp) => {
    if (!latest || compareStamps(stamp, latest) > 0) latest = stamp;
  };
  for (const id in state.records) for (const device in state.records[id]!.changes) see(state.records[id]!.changes[device]!);
  for (const id in state.tombstones) see(state.tombstones[id]!.stamp);
  return latest;
}
