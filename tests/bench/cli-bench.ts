import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AuthenticatorService } from '../../electron/service';
import { KeytarKeyStore } from '../../electron/vault/keychain-keytar.node';
import { mixedDrafts } from './codes-bench';
import { median, round, type BenchPart } from './figures';

const RUNS = 7;
const ACCOUNTS = 50;

/** Wall time of one whole process, in milliseconds; throws when it fails (a failing CLI is not fast). */
function processMs(args: readonly string[]): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  const elapsed = performance.now() - started;
  if (result.status !== 0)
    throw new Error(`${args.join(' ')} exited ${result.status}: ${result.stderr.trim()}`);
  return elapsed;
}

/**
 * `otp-desk code QUERY` as a whole process (the built CLI, a vault of 50 accounts in the real
 * keychain) against a bare `node -e 0`, medians of 7 interleaved runs: what a user waits for
 * beyond Node's own start.
 */
export async function runCliBench(): Promise<BenchPart> {
  const dir = mkdtempSync(
    join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'otp-desk-bench-cli-'),
  );
  const keyStore = new KeytarKeyStore();
  const service = await AuthenticatorService.open(dir, keyStore, { create: true });
  try {
    await service.addAccounts([
      ...mixedDrafts(ACCOUNTS - 1),
      {
        type: 'totp',
        secret: 'JBSWY3DPEHPK3PXP',
        algorithm: 'SHA1',
        digits: 6,
        period: 30,
        counter: 0,
        issuer: 'ACME',
        account: 'alice',
      },
    ]);
    const cli = ['dist/cli/otp-desk.cjs', '--vault', dir, 'code', 'ACME'];
    processMs(cli); // warm the file cache once, as a user's second call would be
    const bare: number[] = [];
    const code: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      bare.push(processMs(['-e', '0']));
      code.push(processMs(cli));
    }
    const ratio = median(code) / median(bare);
    return {
      figures: {
        cliCodeMs: round(median(code), 1),
        nodeBareMs: round(median(bare), 1),
        cliCodeRatio: round(ratio, 2),
      },
      text: [
        `CLI (${keyStore.description}, vault of ${ACCOUNTS} accounts; medians of ${RUNS} interleaved runs)`,
        `  otp-desk code ACME: ${median(code).toFixed(1)} ms; node -e 0: ${median(bare).toFixed(1)} ms -> ratio ${ratio.toFixed(2)}x (goal <= 1.4)`,
      ].join('\n'),
    };
  } finally {
    await keyStore.delete(service.vaultHandle.id);
    rmSync(dir, { recursive: true, force: true });
  }
}
