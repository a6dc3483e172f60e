import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MemoryKeyStore } from '../../electron/vault/keychain';
import { Vault } from '../../electron/vault/vault.node';

// Power loss between writing the new file and putting it in place: the rename never happens.
// About the write order, not the KDF, so keys cost the test scrypt (tests/support/fast-scrypt.ts);
// vault-crypto-hardening.test.ts checks the product's cost.
const crash = vi.hoisted(() => ({ beforeRename: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...actual,
    rename: async (from: string, to: string) => {
      if (crash.beforeRename) {
        crash.beforeRename = false;
        throw Object.assign(new Error('power lost'), { code: 'EIO' });
      }
      return actual.rename(from, to);
    },
  };
});

const tempDir = () => join(mkdtempSync(join(tmpdir(), 'otp-desk-crash-')), 'vault');

describe('a crash while the password changes', () => {
  it('leaves the vault openable with the old password or the new one, never neither', async () => {
    const dir = tempDir();
    const vault = await Vault.open(dir, new MemoryKeyStore(), { create: true });
    await vault.setPassword('old password 1');
    crash.beforeRename = true;
    await expect(vault.setPassword('new password 2')).rejects.toMatchObject({ kind: 'io' });
    const opens = async (password: string) =>
      Vault.open(dir, new MemoryKeyStore(), { password }).then(
        () => true,
        () => false,
      );
    expect([await opens('old password 1'), await opens('new password 2')]).toEqual([true, false]);
    await vault.setPassword('new password 2');
    expect([await opens('old password 1'), await opens('new password 2')]).toEqual([false, true]);
  });
});
