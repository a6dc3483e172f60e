import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

// The CLI's loader starts the keychain read of `otp-desk code` before its bundle loads. A read
// nobody asked for may show a keychain prompt (macOS), so this holds which command lines start one.
const reads = vi.hoisted(() => [] as string[]);
vi.mock('../../electron/vault/keychain-keytar.node', () => ({
  prefetchKeychainKey: (vaultId: string) => void reads.push(vaultId),
}));
const { prefetchForCommandLine } = await import('../../electron/cli/keychain-prefetch.node');

function vaultDir(file: unknown): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'otp-desk-prefetch-')), 'vault');
  mkdirSync(dir);
  writeFileSync(join(dir, 'vault.json'), typeof file === 'string' ? file : JSON.stringify(file));
  return dir;
}
const keychainVault = {
  format: 'otp-desk-vault',
  version: 2,
  id: 'vault-1',
  slots: [{ type: 'keychain' }],
  db: { nonce: '00', tag: '00', data: '' },
};

describe('the keychain read started before the CLI loads', () => {
  beforeEach(() => void reads.splice(0));

  it('starts for `code` on a vault with a keychain slot, from --vault or $OTP_DESK_VAULT', () => {
    const dir = vaultDir(keychainVault);
    prefetchForCommandLine(['--vault', dir, 'code', 'acme'], {});
    prefetchForCommandLine(['code', '--next', 'acme'], { OTP_DESK_VAULT: dir });
    expect(reads).toEqual(['vault-1', 'vault-1']);
  });

  it('starts nothing for other commands, help, a password file, a flag mistake or a vault it cannot read', () => {
    const dir = vaultDir(keychainVault);
    for (const argv of [
      ['--vault', dir, 'list'],
      ['--vault', dir, 'code', '--help'],
      ['--vault', dir, '--version', 'code'],
      ['--vault', dir, '--vault-password-file', '/dev/null', 'code'],
      ['--vault', dir, 'code', '--no-such-flag'],
      ['--vault', join(dir, 'missing'), 'code'],
      ['--vault', vaultDir('{"id": "vault-1", "slots": [{"type": "keych'), 'code'],
      ['--vault', vaultDir({ ...keychainVault, slots: [{ type: 'password' }] }), 'code'],
      ['--vault', vaultDir({ ...keychainVault, id: 7 }), 'code'],
    ])
      prefetchForCommandLine(argv, {});
    expect(reads).toEqual([]);
  });
});
