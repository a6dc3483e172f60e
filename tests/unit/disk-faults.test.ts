import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { ServiceHost } from '../../electron/adapters/service-host';
import { exportCommand } from '../../electron/cli/commands/export';
import type { CliContext } from '../../electron/cli/cli-context';
import { prepareBackupKey } from '../../electron/core/backup/backup';
import { BACKUP_KEY_SETTING } from '../../electron/core/backup/backup-settings';
import { buildDraft } from '../../electron/core/otp/draft';
import { AuthenticatorService } from '../../electron/service';
import { MemoryKeyStore } from '../../electron/vault/keychain';

/**
 * An injected file-system layer: node:fs/promises as the product imports it, with writes under
 * one folder failing the way a full disk (ENOSPC, while writing bytes) or a folder without write
 * permission (EACCES, when creating a file) fails. Running as root, EACCES can't be had from
 * permissions in-process; tests/integration/vault-disk-faults.test.ts does both for real.
 */
const fault = vi.hoisted(() => ({ code: '', under: '', count: 0 }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  const hit = (path: unknown) => fault.code !== '' && String(path).startsWith(fault.under);
  const fail = (op: string, path: unknown) => {
    fault.count++;
    return Object.assign(new Error(`${fault.code}: injected, ${op} '${String(path)}'`), {
      code: fault.code,
      syscall: op,
    });
  };
  const creating = (flags: unknown) => typeof flags === 'string' && /[wax]/.test(flags);
  const wrapped = {
    ...real,
    async open(path: Parameters<typeof real.open>[0], flags?: string | number, mode?: number) {
      if (hit(path) && creating(flags) && fault.code === 'EACCES') throw fail('open', path);
      const handle = await real.open(path, flags, mode);
      if (!hit(path) || fault.code !== 'ENOSPC') return handle;
      return Object.assign(Object.create(handle) as typeof handle, {
        writeFile: async () => {
          await handle.write(Buffer.from('{"format": "otp-desk-va')); // some bytes land before the disk fills up
          throw fail('write', path);
        },
        close: () => handle.close(),
        sync: () => handle.sync(),
      });
    },
    async writeFile(path: Parameters<typeof real.writeFile>[0], ...rest: unknown[]) {
      if (hit(path)) throw fail('write', path);
      return (real.writeFile as (...args: unknown[]) => Promise<void>)(path, ...rest);
    },
    async copyFile(from: string, to: string) {
      if (hit(to)) throw fail('copyfile', to);
      return real.copyFile(from, to);
    },
    async link(from: string, to: string) {
      if (hit(to) && fault.code === 'EACCES') throw fail('link', to);
      return real.link(from, to);
    },
    async mkdir(path: string, options?: Parameters<typeof real.mkdir>[1]) {
      if (hit(path) && fault.code === 'EACCES' && !existsSync(path)) throw fail('mkdir', path);
      return real.mkdir(path, options);
    },
  };
  return { ...wrapped, default: wrapped };
});

const hosts: ServiceHost[] = [];
afterEach(() => {
  Object.assign(fault, { code: '', under: '' });
  hosts.splice(0).forEach((h) => h.close());
});
const draft = (issuer: string) =>
  buildDraft({ secret: 'JBSWY3DPEHPK3PXP', issuer, account: 'ana' });
const temp = (name: string) => mkdtempSync(join(tmpdir(), `otp-desk-${name}-`));
const MESSAGES = {
  ENOSPC: /the disk is full \(ENOSPC\)/,
  EACCES: /OTP Desk is not allowed to write there \(EACCES\)/,
} as const;
const INJECTED: Record<string, number> = {};
afterAll(() => console.log(`[disk-faults] injected failures: ${JSON.stringify(INJECTED)}`));

/** The app with one account, its vault bytes, and a way to check it still shows codes. */
async function appWithAccount() {
  const dir = join(temp('disk'), 'vault');
  const keys = new MemoryKeyStore();
  await (await AuthenticatorService.open(dir, keys, { create: true })).addAccount(draft('Kept'));
  await (await AuthenticatorService.open(dir, keys)).addAccount(draft('Kept too'));
  const host = new ServiceHost(dir, keys, []);
  hosts.push(host);
  await host.start();
  const files = () =>
    Object.fromEntries(
      readdirSync(dir, { withFileTypes: true }).map((e) => [
        e.name,
        e.isFile() ? readFileSync(join(dir, e.name)).toString('base64') : 'folder',
      ]),
    );
  const showsCodes = () => {
    expect(host.status().state).toBe('unlocked');
    const codes = host.get().codesAt(Date.now());
    expect(codes).toHaveLength(2);
    expect(codes.every((c) => /^\d{6}$/.test(c.code))).toBe(true);
  };
  return { dir, host, files, showsCodes };
}

describe.each(['ENOSPC', 'EACCES'] as const)('%s', (code) => {
  const inject = (under: string) => Object.assign(fault, { code, under, count: 0 });

  it('during a vault write: the old vault stays intact, the message says why, the app keeps showing codes', async () => {
    const { dir, host, files, showsCodes } = await appWithAccount();
    const before = files();
    inject(dir);
    for (const change of [
      () => host.get().addAccount(draft('New')),
      () => host.get().removeAccount(host.get().listAccounts()[0]!.id),
      () => host.get().setSetting('theme', 'dark'),
    ]) {
      await expect(change()).rejects.toThrow(
        new RegExp(
          `^Cannot save the vault in .*: ${MESSAGES[code].source}\\. Free some space or fix the folder's permissions and try again; nothing was changed\\.$`,
        ),
      );
    }
    INJECTED[`vault write ${code}`] = fault.count;
    expect(fault.count).toBeGreaterThanOrEqual(3);
    expect(files()).toEqual(before);
    showsCodes();
    fault.code = '';
    await host.get().addAccount(draft('After'));
    expect(host.get().listAccounts()).toHaveLength(3);
  });

  it('during a backup: the vault is untouched, the backup status says why, the app keeps showing codes', async () => {
    const { host, files, showsCodes } = await appWithAccount();
    const folder = temp('backups');
    await host.get().setSetting(BACKUP_KEY_SETTING, await prepareBackupKey('backup pw'));
    await host.get().setSetting('backupFolder', folder);
    const before = files();
    inject(folder);
    const status = await host.backups().runNow();
    INJECTED[`backup ${code}`] = fault.count;
    expect(status.lastError?.message).toMatch(MESSAGES[code]);
    expect(status.lastError?.message).toMatch(
      /^Automatic backup to .* failed: .*Choose another folder in Backups, or fix the folder; OTP Desk keeps retrying\.$/,
    );
    expect(readdirSync(folder)).toEqual([]);
    expect(files()).toEqual(before);
    showsCodes();
    fault.code = '';
    expect((await host.backups().runNow()).lastError).toBeNull();
  });

  it('during an export: the message says why, no partial export is left, the vault is untouched', async () => {
    const { host, files, showsCodes } = await appWithAccount();
    const folder = temp('export');
    const out = join(folder, 'codes.txt');
    const before = files();
    inject(folder);
    const ctx = {
      values: { format: 'uris', out },
      positionals: [],
      now: Date.now,
      out: () => undefined,
      openService: async () => host.get(),
    } as unknown as CliContext;
    await expect(exportCommand(ctx, () => undefined)).rejects.toThrow(
      new RegExp(
        `^Cannot write ${out}: ${MESSAGES[code].source}\\. Nothing was written; free some space or choose another --out path\\.$`,
      ),
    );
    INJECTED[`export ${code}`] = fault.count;
    expect(readdirSync(folder)).toEqual([]);
    expect(files()).toEqual(before);
    showsCodes();
  });
});
