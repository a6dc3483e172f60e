import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthenticatorService } from '../../electron/service';
import type { KeyStore } from '../../electron/vault/keychain';
import { mixedDrafts } from './codes-bench';
import { medianMs, round, type BenchPart } from './figures';

const ACCOUNTS = 1000;

/** Kept here too for the parts that import it from this file (import-bench). */
export { medianMs } from './figures';

/** Vault open with 1000 accounts vs reading 1000 keychain items (the design the guide rejected), in one run. */
export async function runVaultBench(keyStore: KeyStore): Promise<BenchPart> {
  const dir = mkdtempSync(join(tmpdir(), 'otp-desk-bench-'));
  const service = await AuthenticatorService.open(dir, keyStore, { create: true });
  try {
    await service.addAccounts(mixedDrafts(ACCOUNTS));
    const open = await medianMs(7, () => AuthenticatorService.open(dir, keyStore));

    const ids = Array.from({ length: ACCOUNTS }, (_, i) => `bench-item-${i}`);
    for (const id of ids) await keyStore.set(id, randomBytes(20).toString('base64'));
    const perItem = await medianMs(3, async () => {
      for (const id of ids) await keyStore.get(id);
    });
    // Tidied up even in with-keyring.mjs's throwaway keyring: the parts after this one share it,
    // and 1000 extra items slowed every keychain lookup after them (the CLI's by ~4 ms, 1.38 ->
    // 1.46 x node -e 0 in one interleaved measurement).
    for (const id of ids) await keyStore.delete(id);
    return {
      figures: {
        vaultOpen1000Ms: round(open),
        keychainItems1000Ms: round(perItem),
        vaultOpenRatio: round(perItem / open, 1),
      },
      text: [
        `Vault (${keyStore.description})`,
        `  open a vault of ${ACCOUNTS} accounts: ${open.toFixed(1)} ms (median of 7)`,
        `  read ${ACCOUNTS} separate keychain items: ${perItem.toFixed(1)} ms -> vault open is ${(perItem / open).toFixed(1)}x faster (goal >= 200)`,
      ].join('\n'),
    };
  } finally {
    await keyStore.delete(service.vaultHandle.id);
    rmSync(dir, { recursive: true, force: true });
  }
}
