import type { SyncState } from '../../electron/core/sync/sync-state';

/** A view with every map and list in a fixed order, so two equal views compare equal. */
export function canonicalState(state: SyncState) {
  const sortedKeys = <T>(object: Readonly<Record<string, T>>) => Object.keys(object).sort().map((key) => [key, object[key]!] as const);
  return {
    records: sortedKeys(state.records).map(([id, r]) => [id, r.current, sortedKeys(r.changes)]),
    tombstones: sortedKeys(state.tombstones).map(([id, t]) => [id, t.stamp, sortedKeys(t.saw)]),
    history: state.history,
  };
}
