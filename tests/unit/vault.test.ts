import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDraft } from '../../electron/core/otp/draft';
import { AuthenticatorService } from '../../electron/service';
import { MemoryKeyStore } from '../../electron/vault/keychain';
import { withFileLock } from '../../electron/vault/lock.node';
import { Vault } from '../../electron/vault/vault.node';
import { readVaultJson } from '../support/vault-json';

const SECRET = 'JBSWY3DPEHPK3PXP';
const draft = (issuer: string, secret = SECRET) => buildDraft({ secret, issuer, account: 'alice' });
const tempDir = () => mkdtempSync(join(tmpdir(), 'otp-desk-vault-'));

/** Every way a secret could be written: base32, hex, base64 of its bytes. */
function secretEncodings(): string[] {
  const bytes = Buffer.from([0x48, 0x65, 0x6c, 0x6c, 0x6f, 0x21, 0xde, 0xad, 0xbe, 0xef]); // JBSWY3DPEHPK3PXP
  return [SECRET, bytes.toString('hex'), bytes.toString('base64'), bytes.toString('base64url')];
}

describe('vault', () => {
  it('keeps accounts across opens and writes no secret to disk in any encoding', async () => {
    const dir = tempDir();
    const keys = new MemoryKeyStore();
    const service = await AuthenticatorService.open(dir, keys, { create: true });
    await service.addAccount(draft('ACME'));
    const reopened = await AuthenticatorService.open(dir, keys);
    expect(reopened.listAccounts().map((a) => a.issuer)).toEqual(['ACME']);
    for (const file of readdirSync(dir)) {
      const text = readFileSync(join(dir, file), 'latin1');
      for (const encoding of secretEncodings()) expect(text).not.toContain(encoding);
    }
    expect(keys.items.size).toBe(1);
  });

  it('refuses to open without its keychain item and leaves the file byte for byte unchanged', async () => {
    const dir = tempDir();
    const keys = new MemoryKeyStore();
    await (await AuthenticatorService.open(dir, keys, { create: true })).addAccount(draft('ACME'));
    const before = readFileSync(join(dir, 'vault.json'));
    keys.items.clear();
    await expect(AuthenticatorService.open(dir, keys)).rejects.toMatchObject({ kind: 'vault-locked', message: expect.stringMatching(/no key for this vault/) });
    expect(readFileSync(join(dir, 'vault.json')).equals(before)).toBe(true);
  });

  it('creates nothing when the keychain is unavailable', async () => {
    const dir = join(tempDir(), 'new');
    const broken = new MemoryKeyStore();
    broken.set = async () => {
      throw Object.assign(new Error('keychain down'), { kind: 'keychain-unavailable' });
    };
    const vault = await Vault.open(dir, broken, { create: true });
    await expect(vault.update((data) => data)).rejects.toThrow(/keychain down/);
    expect(() => readdirSync(dir)).toThrow();
  });

  it('opens with the password slot when the keychain lost its item, and restores the item', async () => {
    const dir = tempDir();
    const keys = new MemoryKeyStore();
    const vault = await Vault.open(dir, keys, { create: true });
    await vault.setPassword('correct horse');
    keys.items.clear();
    await expect(Vault.open(dir, keys, { password: 'wrong' })).rejects.toMatchObject({ kind: 'wrong-password' });
    const unlocked = await Vault.open(dir, keys, { password: 'correct horse' });
    await unlocked.restoreKeychainSlot();
    await expect(Vault.open(dir, keys)).resolves.toBeInstanceOf(Vault);
  });

  it('detects a flipped byte in the encrypted database', async () => {
    const dir = tempDir();
    const keys = new MemoryKeyStore();
    await (await AuthenticatorService.open(dir, keys, { create: true })).addAccount(draft('ACME'));
    const file = readVaultJson(dir);
    const data = Buffer.from(file.db.data, 'base64');
    data[3]! ^= 0x01;
    file.db.data = data.toString('base64');
    writeFileSync(join(dir, 'vault.json'), JSON.stringify(file));
    await expect(AuthenticatorService.open(dir, keys)).rejects.toMatchObject({ kind: 'integrity' });
  });

  it('says the vault file is damaged when it is not JSON, and names the backup copy', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'vault.json'), '{"format": "otp-desk-vau');
    await expect(Vault.open(dir, new MemoryKeyStore())).rejects.toThrow(/damaged.*vault\.json\.bak/);
  });

  it('keeps the previous file as vault.json.bak on every write', async () => {
    const dir = tempDir();
    const keys = new MemoryKeyStore();
    const service = await AuthenticatorService.open(dir, keys, { create: true });
    await service.addAccount(draft('First'));
    const afterFirst = readFileSync(join(dir, 'vault.json'));
    await service.addAccount(draft('Second'));
    expect(readFileSync(join(dir, 'vault.json.bak')).equals(afterFirst)).toBe(true);
  });

  // Two instances in one process (real processes: tests/integration/vault-concurrency.test.ts).
  it('does not lose writes from two service instances sharing the vault, as the app and the CLI would', async () => {
    const dir = tempDir();
    const keys = new MemoryKeyStore();
    const app = await AuthenticatorService.open(dir, keys, { create: true });
    // Both start before either has saved: the second adopts the vault the first created.
    const cli = await AuthenticatorService.open(dir, keys, { create: true });
    await Promise.all([app.addAccount(draft('FromApp')), cli.addAccount(draft('FromCli'))]);
    const final = await AuthenticatorService.open(dir, keys);
    expect(final.listAccounts().map((a) => a.issuer).sort()).toEqual(['FromApp', 'FromCli']);
    await app.reloadIfChanged();
    await cli.reloadIfChanged();
    expect(app.listAccounts()).toHaveLength(2);
    expect(cli.listAccounts()).toHaveLength(2);
    expect(keys.items.size).toBe(1);
  });

  it('changes nothing when a change is invalid', async () => {
    const dir = tempDir();
    const keys = new MemoryKeyStore();
    const service = await AuthenticatorService.open(dir, keys, { create: true });
    await service.addAccount(draft('Kept'));
    const before = readFileSync(join(dir, 'vault.json'));
    await expect(service.addAccounts([draft('Good'), { ...draft('Bad'), digits: 9 }])).rejects.toThrow(/6, 7 or 8 digits/);
    expect(readFileSync(join(dir, 'vault.json')).equals(before)).toBe(true);
  });

  it('times out with a clear message while a live process of an older version holds a lock file', async () => {
    const dir = tempDir();
    const lock = join(dir, 'vault.json.lock');
    writeFileSync(lock, `${process.pid} now`);
    await expect(withFileLock(lock, async () => 1, 100)).rejects.toThrow(/Another OTP Desk process is saving/);
  });

  it('takes over a lock file left by a process of an older version that died', async () => {
    const dir = tempDir();
    const lock = join(dir, 'vault.json.lock');
    writeFileSync(lock, '999999999 long ago');
    await expect(withFileLock(lock, async () => 'done', 500)).resolves.toBe('done');
  });
});

describe('service', () => {
  it('moves removed accounts to the trash and restores them in place', async () => {
    const service = await AuthenticatorService.open(tempDir(), new MemoryKeyStore(), { create: true });
    const [a, b] = await service.addAccounts([draft('A'), draft('B', 'GEZDGNBVGY3TQOJQ')]);
    await service.removeAccount(a!.id);
    expect(service.listAccounts().map((x) => x.issuer)).toEqual(['B']);
    await service.restoreAccount(a!.id);
    expect(service.listAccounts().map((x) => x.issuer)).toEqual(['A', 'B']);
    expect(b).toBeDefined();
  });

  it('advances HOTP counters and refuses for TOTP accounts', async () => {
    const service = await AuthenticatorService.open(tempDir(), new MemoryKeyStore(), { create: true });
    const hotp = await service.addAccount(buildDraft({ secret: SECRET, issuer: 'H', type: 'hotp', counter: 5 }));
    const totp = await service.addAccount(draft('T'));
    expect((await service.advanceCounter(hotp.id)).counter).toBe(6);
    await expect(service.advanceCounter(totp.id)).rejects.toThrow(/Only HOTP/);
  });

  it('applies the clock offset setting to codes', async () => {
    const service = await AuthenticatorService.open(tempDir(), new MemoryKeyStore(), { create: true, clock: () => 59_000 });
    const account = await service.addAccount(draft('ACME'));
    expect(service.codesAt(59_000)[0]).toMatchObject({ id: account.id, code: '996554', validUntil: 60 });
    await service.setSetting('clockOffsetMs', 30_000);
    expect(service.codesAt(59_000)[0]).toMatchObject({ code: '602287', validUntil: 90 });
  });
});
