import { MemoryKeyStore } from '../../electron/vault/keychain';
import { KeytarKeyStore } from '../../electron/vault/keychain-keytar.node';
import { runBrowserBench } from './browser-bench';
import { runCliBench } from './cli-bench';
import { runCodesBench } from './codes-bench';
import { progress, type BenchPart, type Figures } from './figures';
import { runImportBench } from './import-bench';
import { machineInfo } from './machine';
import { goalTable } from './goals';
import { runQrBench } from './qr-bench';
import { runSyncBench } from './sync-bench';
import { runUiBench } from './ui-bench';
import { runVaultBench } from './vault-bench';

const PARTS: Record<string, () => Promise<BenchPart>> = {
  // First: right after 1000 keychain writes the keyring daemon is still busy on this machine's CPUs.
  codes: runCodesBench,
  vault: () =>
    runVaultBench(
      process.platform !== 'linux' || process.env['DBUS_SESSION_BUS_ADDRESS']
        ? new KeytarKeyStore()
        : new MemoryKeyStore(),
    ),
  qr: () => runQrBench(),
  import: async () => ({ text: await runImportBench(), figures: {} }),
  cli: runCliBench,
  ui: runUiBench,
  browser: runBrowserBench,
  sync: runSyncBench,
};

/**
 * `npm run bench` prints the tables; `npm run -s bench -- --json` prints one JSON object of
 * numbers (nothing else on stdout); `--only qr,codes` runs some parts. Every figure with a
 * baseline is a ratio against that baseline measured in the same run: these machines are noisy.
 */
async function main(args: readonly string[]): Promise<void> {
  const json = args.includes('--json');
  const onlyAt = args.indexOf('--only');
  const only =
    onlyAt >= 0 ? (args[onlyAt + 1] ?? '').split(',').filter(Boolean) : Object.keys(PARTS);
  const unknown = only.filter((name) => !(name in PARTS));
  if (unknown.length > 0)
    throw new Error(
      `unknown bench part ${unknown.join(', ')}; parts: ${Object.keys(PARTS).join(', ')}`,
    );
  const figures: Figures = {};
  const started = performance.now();
  for (const name of only) {
    const partStarted = performance.now();
    if (json) progress(`bench: ${name}…`);
    const part = await PARTS[name]!();
    Object.assign(figures, part.figures);
    if (json)
      progress(`bench: ${name} done in ${((performance.now() - partStarted) / 1000).toFixed(1)} s`);
    else console.log(`${part.text}\n`);
  }
  figures['benchSeconds'] = Math.round((performance.now() - started) / 100) / 10;
  const machine = machineInfo();
  if (json) {
    progress(goalTable(figures));
    process.stdout.write(`${JSON.stringify({ machine, ...figures }, null, 2)}\n`);
  } else
    console.log(
      `${goalTable(figures)}\n\nWhole bench: ${figures['benchSeconds']} s on ${machine.cores} × ${machine.cpuModel}, node -e 0 ${machine.nodeBareMs} ms (${machine.node}, ${machine.platform})`,
    );
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
