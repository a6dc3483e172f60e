import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { ServiceHost } from '../../electron/adapters/service-host';
import { readAegisBackup, writeAegisBackup } from '../../electron/core/backup/backup';
import { buildDraft } from '../../electron/core/otp/draft';
import { AuthenticatorService } from '../../electron/service';
import { MemoryKeyStore } from '../../electron/vault/keychain';
import { Vault } from '../../electron/vault/vault.node';
import { readVaultJson } from '../support/vault-json';

// Keys in main: each derived or keychain key is wiped once used, the master key on lock; a
// password check proves the slot holds this vault's key; unlocking never rotates the keychain key.

/** Every key buffer the vault's crypto was given or produced, to check afterwards that it was wiped. */
const seen = vi.hoisted(() => ({ keys: [] as Buffer[], backupKeys: [] as Uint8Array[] }));
vi.mock('../../electron/vault/crypto.node', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/vault/crypto.node')>();
  const record = <T extends Uint8Array>(key: T) => (seen.keys.push(key as unknown as Buffer), key);
  return {
    ...real,
    randomKey: () => record(real.randomKey()),
    deriveKey: async (...args: Parameters<typeof real.deriveKey>) =>
      record(await real.deriveKey(...args)),
    open: (key: Uint8Array, ...rest: [never, never, never?]) => real.open(record(key), ...rest),
    seal: (key: Uint8Array, ...rest: [never, never?]) => real.seal(record(key), ...rest),
  };
});

vi.mock('../../electron/core/backup/backup-crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../electron/core/backup/backup-crypto')>();
  return {
    ...real,
    // This mock replaces tests/support/fast-scrypt.ts's: the same test cost.
    SCRYPT_PARAMS: (await import('../support/test-scrypt-params')).TEST_SCRYPT_PARAMS,
    deriveScryptKey: async (...args: Parameters<typeof real.deriveScryptKey>) => {
      const key = await real.deriveScryptKey(...args);
      seen.backupKeys.push(key);
      return key;
    },
  };
});

const PASSWORD = 'correct horse battery staple';
const tempDir = () => join(mkdtempSync(join(tmpdir(), 'otp-desk-keys-')), 'vault');
const draft = () => buildDraft({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'ACME', account: 'alice' });
const masterKeyOf = (vault: Vault) => (vault as unknown as { masterKey: Buffer }).masterKey;
const isZero = (key: Buffer) => key.every((byte) => byte === 0);

async function vaultWithPassword(dir: string, keys: MemoryKeyStore) {
  const service = await AuthenticatorService.open(dir, keys, { create: true });
  await service.addAccount(draft());
  await service.vaultHandle.setPassword(PASSWORD);
  return service;
}

describe('vault keys in memory', () => {
  it('wipes every scrypt-derived and keychain key once used; only the live master key stays', async () => {
    const dir = tempDir();
    const keys = new MemoryKeyStore();
    const service = await vaultWithPassword(dir, keys);
    await service.vaultHandle.verifyPassword(PASSWORD);
    const byKeychain = await Vault.open(dir, keys);
    const byPassword = await Vault.open(dir, keys, { password: PASSWORD });
    const live = [service.vaultHandle, byKeychain, byPassword].map(masterKeyOf);
    const others = seen.keys.filter((key) => !live.includes(key));
    expect(others.length).toBeGreaterThan(5);
    expect(others.filter((key) => !isZero(key))).toEqual([]);
    expect(live.filter(isZero)).toEqual([]);
  });

  it('wipes the scrypt keys of encrypted backups once written or read', async () => {
    const text = await writeAegisBackup([], PASSWORD);
    await readAegisBackup(text, PASSWORD);
    expect(seen.backupKeys).toHaveLength(2);
    expect(seen.backupKeys.filter((key) => !key.every((byte) => byte === 0))).toEqual([]);
  });

  it('locking overwrites the very master key buffer the vault held', async () => {
    const dir = tempDir();
    const keys = new MemoryKeyStore();
    await vaultWithPassword(dir, keys);
    const host = new ServiceHost(dir, keys, []);
    await host.start();
    const held = masterKeyOf(host.get().vaultHandle);
    expect(isZero(held)).toBe(false);
    host.lock();
    expect(held.length).toBe(32);
    expect(isZero(held)).toBe(true);
    host.close();
  });

  it('a password check fails when the password slot on disk holds another vault\u2019s key', async () => {
    const dir = tempDir();
    const keys = new MemoryKeyStore();
    const service = await vaultWithPassword(dir, keys);
    // Someone swaps in a file whose password slot they made, under the same id.
    const other = tempDir();
    const otherService = await vaultWithPassword(other, keys);
    const swapped = readVaultJson(other);
    const ours = readVaultJson(dir);
    expect(swapped.id).not.toBe(ours.id);
    cpSync(join(other, 'vault.json'), join(dir, 'vault.json'));
    await expect(service.vaultHandle.verifyPassword(PASSWORD)).rejects.toMatchObject({
      kind: 'wrong-password',
    });
    await expect(otherService.vaultHandle.verifyPassword(PASSWORD)).resolves.toBeUndefined();
  });

  it('unlocking with the password keeps the keychain key: copies of the folder and vault.json.bak still open', async () => {
    const dir = tempDir();
    const keys = new MemoryKeyStore();
    await vaultWithPassword(dir, keys);
    const host = new ServiceHost(dir, keys, []);
    await host.start();
    host.lock();
    const copy = tempDir();
    cpSync(dir, copy, { recursive: true });
    const item = [...keys.items.values()];
    const file = readFileSync(join(dir, 'vault.json'));
    await host.unlock(PASSWORD);
    expect(host.status().state).toBe('unlocked');
    expect([...keys.items.values()]).toEqual(item);
    expect(readFileSync(join(dir, 'vault.json')).equals(file)).toBe(true);
    expect((await AuthenticatorService.open(copy, keys)).listAccounts()).toHaveLength(1);
    await expect(Vault.openFile(join(dir, 'vault.json.bak'), dir, keys)).resolves.toBeDefined();
    host.close();
  });

  it('a password unlock still puts back a keychain item the keychain lost', async () => {
    const dir = tempDir();
    const keys = new MemoryKeyStore();
    await vaultWithPassword(dir, keys);
    const host = new ServiceHost(dir, keys, []);
    await host.start();
    host.lock();
    keys.items.clear();
    await host.unlock(PASSWORD);
    expect(keys.items.size).toBe(1);
    expect((await AuthenticatorService.open(dir, keys)).listAccounts()).toHaveLength(1);
    host.close();
  });
});
