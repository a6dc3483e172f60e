import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project root, two folders up from this file both where it runs as itself (vitest; Playwright,
 * which loads it as an ES module without __dirname) and from the bench's bundle, dist/bench/run-bench.cjs
 * (CommonJS, where esbuild leaves import.meta empty).
 */
const root = join(typeof __dirname === 'string' ? __dirname : dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The built CLI as installed and as `npm run -s cli` runs it: what tests about the build itself start. */
export const INSTALLED_CLI = join(root, 'dist/cli/otp-desk.cjs');
/**
 * The CLI the tests run: the same sources built with new password keys at the test cost
 * (tests/support/test-scrypt-cost.ts), as vitest's own process makes them.
 */
export const CLI = join(root, 'dist/cli-test/otp-desk.cjs');

/** True where a Secret Service (or another OS keychain) can be reached: inside `npm test` on Linux. */
export const hasKeychain =
  process.platform !== 'linux' || Boolean(process.env['DBUS_SESSION_BUS_ADDRESS']);
export const KEYCHAIN_SKIP_REASON =
  'no D-Bus session: run through npm test, which starts a private Secret Service';

/**
 * The keychain-fault suite breaks the Secret Service with D-Bus tools (dbus-daemon, gdbus), so it
 * runs on Linux only; macOS Keychain and Windows Credential Manager have no such bus to break.
 */
export const hasSecretServiceFaults = process.platform === 'linux' && hasKeychain;
export const SECRET_SERVICE_FAULTS_SKIP_REASON =
  process.platform === 'linux'
    ? KEYCHAIN_SKIP_REASON
    : `the Secret Service over D-Bus exists only on Linux, not ${process.platform}`;

/**
 * The mode an owner-only file reports: 0o600 on Linux and macOS; Windows has ACLs instead of mode
 * bits, and Node reports every writable file there as 0o666.
 */
export const OWNER_ONLY_MODE = process.platform === 'win32' ? 0o666 : 0o600;

export interface CliRun {
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `otp-desk --vault DIR ARGS...` (the test build, CLI). */
export function runCli(vault: string, ...args: string[]): CliRun {
  return runCliAt(CLI, vault, ...args);
}

/** Runs the CLI build at `cli` (CLI or INSTALLED_CLI) as `otp-desk --vault DIR ARGS...`. */
export function runCliAt(cli: string, vault: string, ...args: string[]): CliRun {
  const result = spawnSync(process.execPath, [cli, '--vault', vault, ...args], {
    encoding: 'utf8',
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

/** A fresh, empty folder for a vault. */
export function tempVault(): string {
  return join(mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'cli-')), 'vault');
}

/**
 * A fresh vault holding `uris`, made by one `otp-desk import` of a URI list: one CLI process where
 * an `add` per account took one each, for tests about what comes after.
 */
export function vaultFromUris(uris: readonly string[]): string {
  const vault = tempVault();
  const list = join(vault, '..', 'accounts.txt');
  writeFileSync(list, `${uris.join('\n')}\n`);
  const run = runCli(vault, 'import', list);
  if (run.status !== 0) throw new Error(`otp-desk import of ${uris.length} URIs failed: ${run.stderr}`);
  return vault;
}

/** One step of privateKeyringSteps: the command's exit status and the keychain items after it. */
export interface KeyringStep {
  readonly status: number;
  readonly items: number;
}

/**
 * Runs otp-desk commands in a fresh private D-Bus session with its own GNOME Keyring, so counting
 * keychain items is exact while other test files write the shared test keyring in parallel. Linux
 * only (where dbus-run-session exists); null elsewhere.
 */
export function privateKeyringSteps(steps: readonly (readonly string[])[]): KeyringStep[] | null {
  if (process.platform !== 'linux' || spawnSync('dbus-run-session', ['--version']).status !== 0) return null;
  const run = spawnSync(
    'dbus-run-session',
    ['--', process.execPath, join(root, 'scripts/with-keyring.mjs'), process.execPath, join(root, 'tests/support/keyring-steps.mjs'), CLI, JSON.stringify(steps)],
    { encoding: 'utf8', cwd: root },
  );
  const line = run.stdout.trim().split('\n').pop() ?? '';
  if (run.status !== 0 || !line.startsWith('[')) throw new Error(`private keyring run failed: ${run.stderr.slice(-500)}`);
  return JSON.parse(line) as KeyringStep[];
}
