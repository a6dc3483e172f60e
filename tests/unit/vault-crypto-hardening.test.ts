import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import {
  deriveScryptKey,
  SCRYPT_PARAMS,
  scryptParamsAllowed,
} from '../../electron/core/backup/backup-crypto';
import { buildDraft } from '../../electron/core/otp/draft';
import { AuthenticatorService } from '../../electron/service';
import { deriveKey, open, randomKey, seal } from '../../electron/vault/crypto.node';
import { MemoryKeyStore } from '../../electron/vault/keychain';
import { Vault } from '../../electron/vault/vault.node';
import { headerAad } from '../../electron/vault/vault-file.node';
import { UserError } from '../../electron/core/errors';
import { readVaultJson } from '../support/vault-json';

// This file checks the product's own scrypt cost: not the test cost tests/support/fast-scrypt.ts sets.
vi.unmock('../../electron/core/backup/backup-crypto');

const tempDir = () => join(mkdtempSync(join(tmpdir(), 'otp-desk-crypto-')), 'vault');
const draft = () => buildDraft({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'ACME', account: 'alice' });

const writeJson = (dir: string, value: unknown) =>
  writeFileSync(join(dir, 'vault.json'), JSON.stringify(value));

describe('scrypt parameters', () => {
  it('writes new password slots with N=2^17, r=8, p=1', async () => {
    const dir = tempDir();
    const vault = await Vault.open(dir, new MemoryKeyStore(), { create: true });
    await vault.setPassword('correct horse battery');
    const slot = readVaultJson(dir).slots.find((s: { type: string }) => s.type === 'password');
    expect([slot.scrypt.n, slot.scrypt.r, slot.scrypt.p]).toEqual([2 ** 17, 8, 1]);
    expect(SCRYPT_PARAMS).toEqual({ n: 2 ** 17, r: 8, p: 1 });
  });

  it.each([
    [{ n: 2 ** 21, r: 8, p: 1 }, 'N above 2^20'],
    [{ n: 2 ** 15, r: 8, p: 5 }, 'r·p above 32'],
    [{ n: 2 ** 20, r: 16, p: 1 }, 'more than 1 GiB of memory'],
    [{ n: 1000, r: 8, p: 1 }, 'N not a power of two'],
    [{ n: 2 ** 15, r: 0, p: 1 }, 'r of zero'],
    [{ n: '32768', r: 8, p: 1 }, 'N as text'],
  ] as [Record<string, unknown>, string][])(
    'refuses %j from a file before deriving (%s)',
    async (params) => {
      expect(scryptParamsAllowed(params as never)).toBe(false);
      await expect(
        deriveScryptKey('password', new Uint8Array(32), params as never),
      ).rejects.toMatchObject({ kind: 'integrity' });
      await expect(deriveKey('password', { ...params, salt: '00' } as never)).rejects.toMatchObject(
        { kind: 'integrity' },
      );
    },
  );

  it('accepts Aegis\u2019s own N=2^15 and the new N=2^17', () => {
    expect(scryptParamsAllowed({ n: 2 ** 15, r: 8, p: 1 })).toBe(true);
    expect(scryptParamsAllowed({ n: 2 ** 17, r: 8, p: 1 })).toBe(true);
  });

  it('refuses a vault whose password slot asks for absurd parameters, with a clear message', async () => {
    const dir = tempDir();
    const vault = await Vault.open(dir, new MemoryKeyStore(), { create: true });
    await vault.setPassword('correct horse battery');
    const file = readVaultJson(dir);
    file.slots = file.slots.map((s: { type: string; scrypt?: object }) =>
      s.type === 'password' ? { ...s, scrypt: { ...s.scrypt, n: 2 ** 24 } } : s,
    );
    writeJson(dir, file);
    await expect(
      Vault.open(dir, new MemoryKeyStore(), { password: 'correct horse battery' }),
    ).rejects.toThrow(/N ≤ 2\^20/);
  });
});

describe('AES-GCM', () => {
  it('refuses a truncated tag (Node alone would accept 4 bytes)', () => {
    const key = randomKey();
    const box = seal(key, Buffer.from('hello'));
    const fail = () => new UserError('integrity', 'damaged');
    expect(open(key, box, fail).toString()).toBe('hello');
    expect(() => open(key, { ...box, tag: box.tag.slice(0, 8) }, fail)).toThrow('damaged');
    expect(() => open(key, { ...box, tag: box.tag.slice(0, 24) }, fail)).toThrow('damaged');
  });
});

describe('the vault header bound as additional data', () => {
  it('writes schema 3 and fails the integrity check when a slot, the id or the version is edited', async () => {
    const dir = tempDir();
    const keys = new MemoryKeyStore();
    const service = await AuthenticatorService.open(dir, keys, { create: true });
    await service.addAccount(draft());
    await service.vaultHandle.setPassword('correct horse battery');
    const original = readVaultJson(dir);
    expect(original.version).toBe(3);
    const otherDir = tempDir();
    const otherVault = await Vault.open(otherDir, new MemoryKeyStore(), { create: true });
    await otherVault.setPassword('correct horse battery');
    const otherSlot = readVaultJson(otherDir).slots.find((s: { type: string }) => s.type === 'password');

    // A slot removed: the keychain still opens the master key, but the database refuses.
    writeJson(dir, {
      ...original,
      slots: original.slots.filter((s: { type: string }) => s.type === 'keychain'),
    });
    await expect(AuthenticatorService.open(dir, keys)).rejects.toMatchObject({ kind: 'integrity' });
    // Another vault's password slot (same password) swapped in: the keychain slot still opens
    // the master key, but the header the database was sealed with has changed.
    writeJson(dir, {
      ...original,
      slots: original.slots.map((s: { type: string }) => (s.type === 'password' ? otherSlot : s)),
    });
    await expect(AuthenticatorService.open(dir, keys)).rejects.toMatchObject({ kind: 'integrity' });
    // The id edited, with the keychain item copied under the new id so the master key is found.
    keys.items.set('edited-id', keys.items.get(original.id)!);
    writeJson(dir, { ...original, id: 'edited-id' });
    await expect(AuthenticatorService.open(dir, keys)).rejects.toMatchObject({ kind: 'integrity' });
    // Downgraded to schema 1 to skip the check: the tag still covers the header.
    writeJson(dir, { ...original, version: 1 });
    await expect(AuthenticatorService.open(dir, keys)).rejects.toMatchObject({ kind: 'integrity' });
    // Reordered keys inside the header are the same header (canonical bytes).
    writeJson(dir, {
      db: original.db,
      revision: original.revision,
      slots: original.slots,
      id: original.id,
      version: original.version,
      format: original.format,
    });
    expect((await AuthenticatorService.open(dir, keys)).listAccounts()).toHaveLength(1);
  });

  it('migrates a schema 1 vault on open, keeping its accounts, key and password', async () => {
    const dir = tempDir();
    const keys = new MemoryKeyStore();
    const service = await AuthenticatorService.open(dir, keys, { create: true });
    await service.addAccount(draft());
    await service.vaultHandle.setPassword('correct horse battery');
    // Rewrite as a schema 1 file: the database sealed without additional data, as before this change.
    const file = readVaultJson(dir);
    const masterKey = (service.vaultHandle as unknown as { masterKey: Buffer }).masterKey;
    const plain = JSON.stringify(service.vaultHandle.current);
    writeJson(dir, { ...file, version: 1, db: seal(masterKey, Buffer.from(plain)) });

    const migrated = await AuthenticatorService.open(dir, keys);
    expect(migrated.listAccounts().map((a) => a.issuer)).toEqual(['ACME']);
    expect(readVaultJson(dir).version).toBe(3);
    const byPassword = await AuthenticatorService.open(dir, new MemoryKeyStore(), {
      password: 'correct horse battery',
    });
    expect(byPassword.listAccounts()).toHaveLength(1);
  });

  it('moves a schema 2 vault (all JSON, the database in base64) to schema 3: a header line, then the database as bytes', async () => {
    const dir = tempDir();
    const keys = new MemoryKeyStore();
    const service = await AuthenticatorService.open(dir, keys, { create: true });
    await service.addAccount(draft());
    const file = readVaultJson(dir);
    const masterKey = (service.vaultHandle as unknown as { masterKey: Buffer }).masterKey;
    const header = { format: file.format, version: 2, id: file.id, slots: file.slots };
    const plain = Buffer.from(JSON.stringify(service.vaultHandle.current));
    writeFileSync(join(dir, 'vault.json'), JSON.stringify({ ...header, revision: file.revision, db: seal(masterKey, plain, headerAad(header)) }, null, 2));

    expect((await AuthenticatorService.open(dir, keys)).listAccounts().map((a) => a.issuer)).toEqual(['ACME']);
    const bytes = readFileSync(join(dir, 'vault.json'));
    const newline = bytes.indexOf(0x0a);
    const line = JSON.parse(bytes.toString('utf8', 0, newline)) as { version: number; db: { bytes: number; data?: string } };
    expect(line.version).toBe(3);
    expect(line.db.data).toBeUndefined();
    expect(bytes.length - newline - 1).toBe(line.db.bytes);
    // No base64 of the database anywhere: its bytes are stored as they are.
    expect(bytes.includes(Buffer.from(bytes.subarray(newline + 1).toString('base64').slice(0, 40)))).toBe(false);
  });

  it('refuses a schema 3 file whose database is cut short or has bytes added, and says how to restore', async () => {
    const dir = tempDir();
    const keys = new MemoryKeyStore();
    const service = await AuthenticatorService.open(dir, keys, { create: true });
    await service.addAccount(draft());
    const whole = readFileSync(join(dir, 'vault.json'));
    for (const damaged of [whole.subarray(0, whole.length - 1), Buffer.concat([whole, Buffer.from([0])])]) {
      writeFileSync(join(dir, 'vault.json'), damaged);
      await expect(AuthenticatorService.open(dir, keys)).rejects.toMatchObject({ kind: 'integrity', message: expect.stringContaining('Restore it from') });
    }
    writeFileSync(join(dir, 'vault.json'), whole);
    expect((await AuthenticatorService.open(dir, keys)).listAccounts()).toHaveLength(1);
  });
});
