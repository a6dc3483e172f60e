import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult, ExportedFile } from '../../electron/api';
import { createApiHandlers, findHandler, toApiResult } from '../../electron/adapters/api-handlers';
import type { BackupPlatform } from '../../electron/adapters/backup-handlers';
import { ServiceHost } from '../../electron/adapters/service-host';
import { MemoryKeyStore } from '../../electron/vault/keychain';

// An export saved from the app is written by main, owner-only like the CLI's: a browser download
// would get the umask's permissions (0644), readable by every account on the machine.

const hosts: ServiceHost[] = [];
afterEach(() => hosts.splice(0).forEach((host) => host.close()));

const FILE: ExportedFile = {
  fileName: 'otp-desk-20240131-120000.txt',
  mimeType: 'text/plain',
  dataBase64: Buffer.from('otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP\n').toString('base64'),
};

async function save(platform: BackupPlatform, file: unknown = FILE) {
  const host = new ServiceHost(
    join(mkdtempSync(join(tmpdir(), 'otp-desk-save-')), 'vault'),
    new MemoryKeyStore(),
    [],
  );
  hosts.push(host);
  await host.start();
  const handlers = createApiHandlers(host, platform);
  return (await toApiResult(() =>
    findHandler(handlers, 'exports', 'save')!(file),
  )) as ApiResult<string>;
}

describe('saving an export from the app', () => {
  it('writes the chosen file owner-only (0600) with the export\u2019s bytes', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'otp-desk-saved-'));
    const asked: string[] = [];
    const result = await save({
      chooseSavePath: async (name) => (asked.push(name), join(folder, name)),
    });
    expect(result).toEqual({ ok: true, value: 'saved' });
    expect(asked).toEqual([FILE.fileName]);
    const path = join(folder, FILE.fileName);
    expect(readFileSync(path, 'utf8')).toMatch(/^otpauth:\/\/totp\/ACME/);
    // Windows has no POSIX permission bits (Node reports a writable file as 0o666 there).
    expect(statSync(path).mode & 0o777).toBe(process.platform === 'win32' ? 0o666 : 0o600);
    expect(readdirSync(folder)).toEqual([FILE.fileName]);
  });

  it('the dialog suggests only the file\u2019s own name, never a path the page chose', async () => {
    const asked: string[] = [];
    await save(
      { chooseSavePath: async (name) => (asked.push(name), '') },
      { ...FILE, fileName: '../../.bashrc' },
    );
    expect(asked).toEqual(['.bashrc']);
  });

  it('writes nothing when the dialog is cancelled, and says so where main has no dialog', async () => {
    expect(await save({ chooseSavePath: async () => '' })).toEqual({
      ok: true,
      value: 'cancelled',
    });
    expect(await save({})).toEqual({ ok: true, value: 'unavailable' });
  });

  it('a folder it cannot write to is one readable error', async () => {
    const result = await save({
      chooseSavePath: async () =>
        join(mkdtempSync(join(tmpdir(), 'otp-desk-saved-')), 'missing', 'x.txt'),
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        kind: 'io',
        message: expect.stringMatching(/^Cannot save .*the folder does not exist/),
      },
    });
  });
});
