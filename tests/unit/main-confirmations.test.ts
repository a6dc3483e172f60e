import { mkdtempSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult, BackupStatus } from '../../electron/api';
import { createApiHandlers, findHandler, toApiResult } from '../../electron/adapters/api-handlers';
import { ServiceHost } from '../../electron/adapters/service-host';
import { describeBackupFolder, networkFolderHost } from '../../electron/core/backup/network-folder';
import { releaseDialogText, type SecretRelease } from '../../electron/lock/secret-release';
import { MemoryKeyStore } from '../../electron/vault/keychain';

const URI = 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME';
const hosts: ServiceHost[] = [];
const servers: Server[] = [];
afterEach(() => {
  hosts.splice(0).forEach((h) => h.close());
  servers.splice(0).forEach((s) => s.close());
});

/** The app's handlers with main's question answered by `answer` (the user at the native dialog), recording every question. */
async function openApp(answer: boolean | undefined) {
  const root = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'otp-desk-confirm-'));
  const host = new ServiceHost(join(root, 'vault'), new MemoryKeyStore(), []);
  hosts.push(host);
  await host.start();
  const asked: SecretRelease[] = [];
  const captures: string[] = [];
  const handlers = createApiHandlers(host, {
    captureScreens: async () => (captures.push('capture'), []),
    ...(answer === undefined ? {} : { confirmSecretRelease: async (release: SecretRelease) => (asked.push(release), answer) }),
  });
  const call = <T = unknown>(namespace: string, method: string, ...args: unknown[]): Promise<ApiResult<T>> =>
    toApiResult(() => findHandler(handlers, namespace, method)!(...args)) as Promise<ApiResult<T>>;
  await call('accounts', 'addUri', URI);
  return { root, host, call, asked, captures };
}

const kindOf = (result: ApiResult<unknown>) => (result.ok ? 'ok' : result.error.kind);

/** A local HTTP server that counts the requests it gets (a server the user did not confirm). */
async function countingServer(): Promise<{ url: string; requests: () => number }> {
  let requests = 0;
  const server = createServer((_req, res) => (requests++, res.writeHead(200, { date: new Date().toUTCString() }).end()));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requests: () => requests };
}

describe('network folders are named as such', () => {
  it('from their spelling: UNC, //host, the long UNC form and smb: links', () => {
    expect(networkFolderHost('\\\\host\\share')).toBe('host');
    expect(networkFolderHost('//nas/backups')).toBe('nas');
    expect(networkFolderHost('\\\\?\\UNC\\files\\team')).toBe('files');
    expect(networkFolderHost('smb://ana@nas.local/share')).toBe('nas.local');
    // This machine's own long-path form, a drive letter and a POSIX folder are local.
    expect(networkFolderHost('\\\\?\\C:\\Users\\ana\\Backups')).toBeUndefined();
    expect(networkFolderHost('C:\\Users\\ana\\Backups')).toBeUndefined();
    expect(networkFolderHost('/home/ana/Backups')).toBeUndefined();
  });

  it('from the mount table where the OS shows it (SMB, NFS, sshfs), by the longest mount point', () => {
    const mounts = [
      '/dev/sda1 / ext4 rw 0 0',
      '//nas/share /mnt/nas cifs rw 0 0',
      'server:/export /srv/backup\\040copies nfs4 rw 0 0',
      'ana@box:/home/ana /mnt/box fuse.sshfs rw 0 0',
      '/dev/sdb1 /mnt/nas/local-disk ext4 rw 0 0',
    ].join('\n');
    expect(networkFolderHost('/mnt/nas/backups', mounts)).toBe('nas');
    expect(networkFolderHost('/srv/backup copies/otp', mounts)).toBe('server');
    expect(networkFolderHost('/mnt/box', mounts)).toBe('box');
    expect(networkFolderHost('/mnt/nas2/backups', mounts)).toBeUndefined();
    expect(networkFolderHost('/mnt/nas/local-disk/b', mounts)).toBeUndefined();
    expect(describeBackupFolder('\\\\host\\share')).toBe('the network folder \\\\host\\share (on host, another computer)');
    expect(describeBackupFolder('/home/ana/Backups', mounts)).toBe('/home/ana/Backups');
  });
});

describe("main's confirmation before a boundary moves", () => {
  it('without a vault password, a backup password and a network folder set by the page are asked about, and a no changes nothing', async () => {
    const { call, asked, root } = await openApp(false);
    const folder = join(root, 'backups');
    expect(kindOf(await call('backups', 'setPassword', 'known to the page'))).toBe('cancelled');
    expect(kindOf(await call('backups', 'configure', { backupFolder: '\\\\host\\share' }))).toBe('cancelled');
    expect(kindOf(await call('backups', 'configure', { backupFolder: folder }))).toBe('cancelled');
    expect(asked.map((r) => r.action)).toEqual(['backup-password', 'backup-folder', 'backup-folder']);
    expect(releaseDialogText(asked[1]!).message).toBe('Back up every account to the network folder \\\\host\\share (on host, another computer)?');
    const status = await call<BackupStatus>('backups', 'status');
    expect(status).toMatchObject({ ok: true, value: { folder: '', passwordSet: false } });
    await call('backups', 'runNow');
    expect(() => readdirSync(folder)).toThrow();
  });

  it('with the user saying yes, the same calls take effect', async () => {
    const { call, asked, root } = await openApp(true);
    const folder = join(root, 'backups');
    expect(kindOf(await call('backups', 'setPassword', 'the user chose this'))).toBe('ok');
    expect(kindOf(await call('backups', 'configure', { backupFolder: folder, backupKeep: 3 }))).toBe('ok');
    expect(asked.map((r) => r.action)).toEqual(['backup-password', 'backup-folder', 'backup-keep']);
    expect(releaseDialogText(asked[2]!).message).toBe('Keep only the newest 3 backups?');
    await call('backups', 'runNow');
    expect(readdirSync(folder)).toHaveLength(1);
  });

  it('with a vault password, the backup count and folder still need main to ask (a page could delete the real backups)', async () => {
    const { call, asked } = await openApp(false);
    await call('vault', 'setPassword', 'correct horse battery');
    expect(kindOf(await call('backups', 'configure', { backupKeep: 1 }))).toBe('cancelled');
    expect(await call('backups', 'status')).toMatchObject({ value: { keep: 10 } });
    // Turning the banner off or the folder off moves nothing: no question.
    expect(kindOf(await call('backups', 'configure', { backupPromptDismissed: true, backupFolder: '' }))).toBe('ok');
    expect(asked.map((r) => r.action)).toEqual(['backup-keep']);
  });

  it('the clock check asks only a server the user confirmed in main', async () => {
    const server = await countingServer();
    const { call, asked, host } = await openApp(false);
    expect(kindOf(await call('settings', 'set', { timeCheckUrl: server.url, timeCheckEnabled: true }))).toBe('cancelled');
    expect(await call('settings', 'get')).toMatchObject({ value: { timeCheckUrl: 'https://www.google.com/', timeCheckEnabled: false } });
    // A server stored without the dialog (an older vault, another process) is asked about before any request.
    await host.get().setSetting('timeCheckUrl', server.url);
    await host.get().setSetting('timeCheckEnabled', true);
    expect(kindOf(await call('clock', 'check'))).toBe('cancelled');
    expect(asked.map((r) => [r.action, r.what])).toEqual([
      ['time-server', server.url.slice(7, -1)],
      ['time-server', server.url.slice(7, -1)],
    ]);
    expect(server.requests()).toBe(0);
  });

  it('a confirmed server is remembered, so the check asks once', async () => {
    const server = await countingServer();
    const { call, asked } = await openApp(true);
    expect(kindOf(await call('settings', 'set', { timeCheckUrl: server.url, timeCheckEnabled: true }))).toBe('ok');
    expect(kindOf(await call('clock', 'check'))).toBe('ok');
    expect(kindOf(await call('clock', 'check'))).toBe('ok');
    expect(asked).toHaveLength(1);
    expect(server.requests()).toBe(2);
  });

  it('a screen capture starts only after main asked, and nothing changes where there is no one to ask', async () => {
    const denied = await openApp(false);
    expect(kindOf(await denied.call('screen', 'capture'))).toBe('cancelled');
    expect(denied.captures).toEqual([]);
    expect(releaseDialogText(denied.asked[0]!).message).toBe('Scan your screen for QR codes?');
    const nobody = await openApp(undefined);
    for (const [namespace, method, arg] of [
      ['screen', 'capture', undefined],
      ['backups', 'configure', { backupFolder: '/tmp/x' }],
      ['backups', 'setPassword', 'eight chars'],
      ['settings', 'set', { timeCheckUrl: 'https://time.example.com/' }],
    ] as const)
      expect(kindOf(await nobody.call(namespace, method, arg)), `${namespace}.${method}`).toBe('cancelled');
    expect(nobody.captures).toEqual([]);
  });
});
