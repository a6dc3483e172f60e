import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test, vi } from 'vitest';
import type { ApiResult, BackupStatus } from '../../electron/api';
import { createApiHandlers, toApiResult } from '../../electron/adapters/api-handlers';
import { NODE_IMPORTERS } from '../../electron/adapters/node-importers.node';
import { ServiceHost } from '../../electron/adapters/service-host';
import { BACKUP_FILE_PATTERN } from '../../electron/backups/backup-files.node';
import { KeytarKeyStore } from '../../electron/vault/keychain-keytar.node';
import { hasKeychain, KEYCHAIN_SKIP_REASON } from '../support/cli';
import { decryptAegisIndependently } from './backup-aegis-decrypt';

const PASSWORD = 'backup pässword 🔑';
const URIS = [
  'otpauth://totp/GitHub:ana?secret=JBSWY3DPEHPK3PXP&issuer=GitHub',
  'otpauth://hotp/VPN:ana?secret=KRSXG5CTMVRXEZLU&issuer=VPN&counter=7&algorithm=SHA512&digits=8',
];
const hosts: ServiceHost[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.close()));

async function openApp() {
  const root = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'backup-auto-'));
  const host = new ServiceHost(join(root, 'vault'), new KeytarKeyStore(), NODE_IMPORTERS);
  hosts.push(host);
  await host.start();
  // The user says yes to main's "back up here?" and "set this backup password?" questions.
  const api = createApiHandlers(host, { confirmSecretRelease: async () => true });
  /** Calls a handler the way IPC does and returns its value (failing the test on an error result). */
  const call = async <T>(fn: () => T | Promise<T>): Promise<T> => {
    const result: ApiResult<T> = await toApiResult(fn);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };
  return { root, host, api, call };
}

const backupsIn = (folder: string) => (existsSync(folder) ? readdirSync(folder) : []).filter((n) => BACKUP_FILE_PATTERN.test(n)).sort();

describe.skipIf(!hasKeychain)(`automatic backups (real keychain) ${hasKeychain ? '' : KEYCHAIN_SKIP_REASON}`, () => {
  test('a change is backed up by itself, encrypted so an independent reader opens it, and nothing secret reaches the status', async () => {
    const { root, api, call } = await openApp();
    const folder = join(root, 'backups');
    await call(() => api.backups.configure({ backupFolder: folder }));
    await call(() => api.backups.setPassword(PASSWORD));
    for (const uri of URIS) await call(() => api.accounts.addUri(uri));
    await vi.waitFor(() => expect(backupsIn(folder).length).toBeGreaterThan(0), { timeout: 8000, interval: 200 });
    const status = (await call(() => api.backups.status())) as BackupStatus;
    expect(status).toMatchObject({ folder, passwordSet: true, lastError: null });
    expect(JSON.stringify(status)).not.toMatch(/masterKey|JBSWY3DP/);
    const newest = backupsIn(folder).at(-1)!;
    const text = readFileSync(join(folder, newest), 'utf8');
    expect(text).not.toContain('JBSWY3DPEHPK3PXP');
    const content = decryptAegisIndependently(text, PASSWORD);
    expect(content.entries.map((e) => [e.issuer, e.name, e.type, e.info['secret']])).toEqual([
      ['GitHub', 'ana', 'totp', 'JBSWY3DPEHPK3PXP'],
      ['VPN', 'ana', 'hotp', 'KRSXG5CTMVRXEZLU'],
    ]);
    expect(content.entries[1]!.info).toMatchObject({ algo: 'SHA512', digits: 8, counter: 7 });
  });

  test('keeps only the newest N files, and a copy-count change alone writes no new backup', async () => {
    const { root, api, call, host } = await openApp();
    const folder = join(root, 'backups');
    await call(() => api.backups.configure({ backupFolder: folder, backupKeep: 3 }));
    await call(() => api.backups.setPassword(PASSWORD));
    for (let i = 0; i < 5; i++) {
      await call(() => api.accounts.addUri(`otpauth://totp/S${i}:u?secret=JBSWY3DPEHPK3PXP&issuer=S${i}`));
      await call(() => api.backups.runNow());
    }
    expect(backupsIn(folder)).toHaveLength(3);
    // Several backups within one second get a -2, -3 suffix; the kept three are the newest: 3, 4 and 5 accounts.
    const counts = backupsIn(folder).map((name) => decryptAegisIndependently(readFileSync(join(folder, name), 'utf8'), PASSWORD).entries.length);
    expect(counts.sort()).toEqual([3, 4, 5]);
    const before = backupsIn(folder);
    await call(() => api.accounts.markUsed(host.get().accounts()[0]!.id));
    await new Promise((r) => setTimeout(r, 2500));
    expect(backupsIn(folder)).toEqual(before);
    expect(readdirSync(folder).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  test('a folder that cannot be written is a loud, lasting failure until a backup succeeds', async () => {
    const { root, api, call } = await openApp();
    // Root ignores permission bits, so the folder sits under a regular file: mkdir fails for everyone.
    writeFileSync(join(root, 'file.txt'), 'not a folder');
    const bad = join(root, 'file.txt', 'backups');
    await call(() => api.accounts.addUri(URIS[0]!));
    await call(() => api.backups.configure({ backupFolder: bad }));
    await call(() => api.backups.setPassword(PASSWORD));
    let status = (await call(() => api.backups.runNow())) as BackupStatus;
    expect(status.lastError?.message).toMatch(/Automatic backup to .*file\.txt.* failed: part of the path is a file/);
    status = (await call(() => api.backups.runNow())) as BackupStatus;
    expect(status.lastError?.attempts).toBe(2);
    const good = join(root, 'good');
    mkdirSync(good);
    await call(() => api.backups.configure({ backupFolder: good }));
    status = (await call(() => api.backups.runNow())) as BackupStatus;
    expect(status.lastError).toBeNull();
    expect(backupsIn(good)).toHaveLength(1);
  });

  test('an empty vault never writes a backup (a fresh install must not push real backups out)', async () => {
    const { root, api, call } = await openApp();
    const folder = join(root, 'backups');
    await call(() => api.backups.configure({ backupFolder: folder }));
    await call(() => api.backups.setPassword(PASSWORD));
    const status = (await call(() => api.backups.runNow())) as BackupStatus;
    expect(status.note).toMatch(/no accounts/);
    expect(backupsIn(folder)).toEqual([]);
  });

  test('restore from the latest backup into a fresh vault brings every account back', async () => {
    const first = await openApp();
    const folder = join(first.root, 'backups');
    await first.call(() => first.api.backups.configure({ backupFolder: folder }));
    await first.call(() => first.api.backups.setPassword(PASSWORD));
    for (const uri of URIS) await first.call(() => first.api.accounts.addUri(uri));
    await first.call(() => first.api.backups.runNow());
    const second = await openApp();
    await second.call(() => second.api.backups.configure({ backupFolder: folder }));
    const locked = await second.call(() => second.api.backups.previewLatest());
    expect(locked.locked).toHaveLength(1);
    await expect(second.call(() => second.api.imports.unlock(locked.id, 'wrong password'))).rejects.toThrow(/password/i);
    const preview = await second.call(() => second.api.imports.unlock(locked.id, PASSWORD));
    await second.call(() => second.api.imports.commit(preview.id, preview.candidates.map((c) => ({ key: c.key, action: 'add' as const }))));
    const strip = (list: readonly { issuer: string; account: string; type: string; digits: number; counter: number; algorithm: string }[]) =>
      list.map(({ issuer, account, type, digits, counter, algorithm }) => ({ issuer, account, type, digits, counter, algorithm }));
    expect(strip(second.host.get().accounts())).toEqual(strip(first.host.get().accounts()));
    expect(second.host.get().accounts().map((a) => a.secret)).toEqual(first.host.get().accounts().map((a) => a.secret));
  });
});
