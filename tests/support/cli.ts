import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/** The built CLI, as `npm run -s cli` runs it. */
export const CLI = resolve(__dirname, '../../dist/cli/otp-desk.cjs');

/** True where a Secret Service (or another OS keychain) can be reached: inside `npm test` on Linux. */
export const hasKeychain = process.platform !== 'linux' || Boolean(process.env['DBUS_SESSION_BUS_ADDRESS']);
export const KEYCHAIN_SKIP_REASON = 'no D-Bus session: run through npm test, which starts a private Secret Service';

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `otp-desk --vault DIR ARGS...`. */
export function runCli(vault: string, ...args: string[]): CliRun {
  const result = spawnSync(process.execPath, [CLI, '--vault', vault, ...args], { encoding: 'utf8' });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh, empty folder for a vault. */
export function tempVault(): string {
  return join(mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'cli-')), 'vault');
}
