import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { runCli, tempVault } from './cli';

/** A fresh folder the "sync app" shares. */
export function tempFolder(prefix = 'sync-'): string {
  const dir = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), prefix));
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A file holding `text` on its first line (for --password-file and friends). */
export function secretFile(text: string): string {
  const path = join(tempFolder('secret-'), 'secret.txt');
  writeFileSync(path, `${text}\n`);
  return path;
}

/** Runs the CLI and expects exit 0; returns stdout. */
export function ok(vault: string, ...args: string[]): string {
  const run = runCli(vault, ...args);
  expect(run.stderr + run.stdout, `otp-desk ${args.join(' ')}`).not.toMatch(/unexpected error/);
  expect(run.status, `otp-desk ${args.join(' ')}: ${run.stderr}`).toBe(0);
  return run.stdout;
}

/** Issuer/account of each account in a vault, sorted. */
export function names(vault: string): string[] {
  return (JSON.parse(ok(vault, 'list', '--json')) as { issuer: string; account: string }[]).map((a) => `${a.issuer}/${a.account}`).sort();
}

/** Two vaults syncing through one folder: A set it up, B joined with A's pairing code. */
export function pairedVaults(folder: string): { a: string; b: string } {
  const a = tempVault();
  const b = tempVault();
  ok(a, 'sync', 'setup', folder, '--device-name', 'Laptop');
  const code = ok(a, 'sync', 'pairing-code').split('\n')[0]!;
  ok(b, 'sync', 'join', folder, '--code', code, '--device-name', 'Desktop');
  return { a, b };
}

export const devicesDir = (folder: string) => join(folder, 'OTP Desk Sync', 'devices');
export const deviceFiles = (folder: string) => (existsSync(devicesDir(folder)) ? readdirSync(devicesDir(folder)).sort() : []);
