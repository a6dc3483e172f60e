import { MemoryKeyStore } from '../../electron/vault/keychain';
import { KeytarKeyStore } from '../../electron/vault/keychain-keytar.node';
import { runImportBench } from './import-bench';
import { runQrBench } from './qr-bench';
import { runVaultBench } from './vault-bench';

/** `npm run bench`: every figure is a ratio against a baseline measured in the same run. */
async function main(): Promise<void> {
  const keychain = process.platform !== 'linux' || process.env['DBUS_SESSION_BUS_ADDRESS'] ? new KeytarKeyStore() : new MemoryKeyStore();
  console.log(await runVaultBench(keychain));
  console.log('');
  console.log(await runQrBench());
  console.log('');
  console.log(await runImportBench());
  const ui = await import('./ui-bench').catch(() => undefined);
  if (ui && 'runUiBench' in ui) {
    console.log('');
    console.log(await (ui as { runUiBench: () => Promise<string> }).runUiBench());
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
