import { randomBytes, randomUUID } from 'node:crypto';
import type { Account } from '../../electron/core/otp/account';
import { recordLocalChanges } from '../../electron/core/sync/local-changes';
import { merge } from '../../electron/core/sync/merge';
import { ZERO_CLOCK } from '../../electron/core/sync/stamp';
import { EMPTY_SYNC_STATE, type SyncState } from '../../electron/core/sync/sync-state';
import { sealDeviceFile } from '../../electron/sync/device-file.node';
import { mixedDrafts } from './codes-bench';
import { medianMs, round, type BenchPart } from './figures';

const ACCOUNTS = 1000;
const T0 = Date.UTC(2026, 0, 1);

/** One device's view of 1000 accounts it added, with every 10th renamed later (a realistic mix of stamps). */
function deviceView(device: string, accounts: readonly Account[]): SyncState {
  const added = recordLocalChanges(EMPTY_SYNC_STATE, ZERO_CLOCK, device, accounts, T0);
  const renamed = accounts.map((a, i) => (i % 10 === 0 ? { ...a, issuer: `${a.issuer} (${device})` } : a));
  return recordLocalChanges(added.state, added.clock, device, renamed, T0 + 60_000).state;
}

/** Merging three devices' views of the same 1000 accounts, and the size of one device file per account. */
export async function runSyncBench(): Promise<BenchPart> {
  const accounts: Account[] = mixedDrafts(ACCOUNTS).map((d, order) => ({ ...d, id: randomUUID(), group: order % 7 === 0 ? 'Work' : '', icon: '', favorite: order % 13 === 0, order, useCount: 0, createdAt: T0, updatedAt: T0 }));
  const views = ['laptop-0001', 'desktop-002', 'office-0003'].map((device) => deviceView(device, accounts));
  const mergeMs = await medianMs(7, async () => {
    merge(...views);
  });
  const file = sealDeviceFile({ device: 'laptop-0001', keyId: 'bench' }, merge(...views), randomBytes(32));
  const perAccount = file.length / ACCOUNTS;
  return {
    figures: { syncMerge1000x3Ms: round(mergeMs), syncFileBytesPerAccount: round(perAccount, 1) },
    text: [
      'Sync',
      `  merge 3 devices x ${ACCOUNTS} accounts: ${mergeMs.toFixed(1)} ms (median of 7; goal <= 50)`,
      `  device file: ${file.length} bytes, ${perAccount.toFixed(1)} bytes per account (encrypted, padded; goal <= 300)`,
    ].join('\n'),
  };
}
