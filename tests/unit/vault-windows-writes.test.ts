import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildDraft } from '../../electron/core/otp/draft';
import { AuthenticatorService } from '../../electron/service';
import { MemoryKeyStore } from '../../electron/vault/keychain';

// Windows can't fsync a folder: opening one and syncing it fails with EPERM. The vault's save
// must still count once the rename is done, and a brand-new vault's keychain item must never be
// deleted while a vault.json that needs it is on disk (or the first account is lost).

const faults = vi.hoisted(() => ({
  folderSync: null as string | null,
  renameAfter: null as string | null,
}));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const { statSync: stat } = await import('node:fs');
  const fail = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
  const open = async (path: string, ...rest: [string?, number?]) => {
    const handle = await real.open(path, ...rest);
    if (!faults.folderSync || !stat(path).isDirectory()) return handle;
    const code = faults.folderSync;
    return Object.assign(Object.create(handle) as object, {
      sync: () => Promise.reject(fail(code)),
      close: () => handle.close(),
    });
  };
  /** A rename that happens and is then reported as failed (a network drive that drops the answer). */
  const rename = async (from: string, to: string) => {
    await real.rename(from, to);
    if (faults.renameAfter && to.endsWith('vault.json')) throw fail(faults.renameAfter);
  };
  return { ...real, default: { ...real, open, rename }, open, rename };
});

const draft = () => buildDraft({ secret: 'JBSWY3DPEHPK3PXP', issuer: 'ACME', account: 'alice' });
const newVaultDir = () => join(mkdtempSync(join(tmpdir(), 'otp-desk-win-')), 'vault');

afterEach(() => {
  faults.folderSync = null;
  faults.renameAfter = null;
});

describe('vault writes where a folder cannot be fsynced (Windows)', () => {
  it('the first account of a brand-new vault is saved, reported saved, and opens again', async () => {
    faults.folderSync = 'EPERM';
    const dir = newVaultDir();
    const keys = new MemoryKeyStore();
    const service = await AuthenticatorService.open(dir, keys, { create: true });
    await expect(service.addAccount(draft())).resolves.toBeDefined();
    expect(keys.items.size).toBe(1);
    const reopened = await AuthenticatorService.open(dir, keys);
    expect(reopened.listAccounts().map((a) => a.issuer)).toEqual(['ACME']);
  });

  it('later saves succeed too, keeping the previous file as vault.json.bak', async () => {
    faults.folderSync = 'EPERM';
    const dir = newVaultDir();
    const keys = new MemoryKeyStore();
    const service = await AuthenticatorService.open(dir, keys, { create: true });
    await service.addAccount(draft());
    await service.addAccount(
      buildDraft({ secret: 'GEZDGNBVGY3TQOJQ', issuer: 'Second', account: 'bob' }),
    );
    expect(statSync(join(dir, 'vault.json.bak')).isFile()).toBe(true);
    expect((await AuthenticatorService.open(dir, keys)).listAccounts()).toHaveLength(2);
  });

  it('a save reported as failed after its file landed keeps the keychain item the file needs', async () => {
    faults.renameAfter = 'EIO';
    const dir = newVaultDir();
    const keys = new MemoryKeyStore();
    const service = await AuthenticatorService.open(dir, keys, { create: true });
    await expect(service.addAccount(draft())).rejects.toMatchObject({ kind: 'io' });
    faults.renameAfter = null;
    expect(keys.items.size).toBe(1);
    expect(
      (await AuthenticatorService.open(dir, keys)).listAccounts().map((a) => a.issuer),
    ).toEqual(['ACME']);
  });
});
