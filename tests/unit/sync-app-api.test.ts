import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiResult, DeletedAccount, PairingCode } from '../../electron/api';
import { createApiHandlers, findHandler, toApiResult } from '../../electron/adapters/api-handlers';
import { ServiceHost } from '../../electron/adapters/service-host';
import type { AccountSummary } from '../../electron/core/otp/account';
import { FILE_IMPORTERS } from '../../electron/core/importers/registry';
import { MemoryKeyStore } from '../../electron/vault/keychain';
import { CORPUS, hasCorpus } from '../support/corpus';

const URI = 'otpauth://totp/GitHub:alice?secret=JBSWY3DPEHPK3PXP&issuer=GitHub';
const hosts: ServiceHost[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.close()));

/** One app (its own vault, the app's API handlers); `value` unwraps a call that must succeed. */
async function openApp() {
  const host = new ServiceHost(join(mkdtempSync(join(tmpdir(), 'otp-desk-sync-api-')), 'vault'), new MemoryKeyStore(), FILE_IMPORTERS);
  hosts.push(host);
  await host.start();
  const handlers = createApiHandlers(host);
  const call = <T>(namespace: string, method: string, ...args: unknown[]) =>
    toApiResult(() => findHandler(handlers, namespace, method)!(...args)) as Promise<ApiResult<T>>;
  const value = async <T>(namespace: string, method: string, ...args: unknown[]): Promise<T> => {
    const result = await call<T>(namespace, method, ...args);
    if (!result.ok) throw new Error(`${namespace}.${method}: ${result.error.message}`);
    return result.value;
  };
  return { call, value };
}

describe('sync from the app API', () => {
  it('pairs two apps through a folder, and a version another device replaced is listed and restored from the Trash', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'otp-desk-sync-folder-'));
    const a = await openApp();
    const b = await openApp();
    const added = await a.value<AccountSummary>('accounts', 'addUri', URI);
    await a.value('sync', 'setup', folder, 'Desk A');
    const { code, qrSvg } = await a.value<PairingCode>('sync', 'pairingCode');
    expect(qrSvg).toContain('<svg');
    // A wrong code changes nothing; the right one joins.
    expect(await b.call('sync', 'join', folder, { code: 'WRONG-CODE' }, 'Laptop B')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/pairing code is wrong/) } });
    expect(await b.value('sync', 'join', folder, { code }, 'Laptop B')).toMatchObject({ folder, device: { name: 'Laptop B' } });
    expect((await b.value<AccountSummary[]>('accounts', 'list')).map((x) => x.issuer)).toEqual(['GitHub']);

    await a.value('accounts', 'update', added.id, { issuer: 'GitHub Enterprise' });
    await a.value('sync', 'now');
    await b.value('sync', 'now');
    expect((await b.value<AccountSummary[]>('accounts', 'list')).map((x) => x.issuer)).toEqual(['GitHub Enterprise']);
    const trash = await b.value<DeletedAccount[]>('trash', 'list');
    expect(trash).toMatchObject([{ account: { issuer: 'GitHub' }, reason: 'overwritten' }]);
    await b.value('trash', 'restore', trash[0]!.entryId);
    expect((await b.value<AccountSummary[]>('accounts', 'list')).map((x) => x.issuer)).toEqual(['GitHub']);

    // A cannot remove itself by id (Leave does that); removing B works and B is off the list.
    const devices = await a.value<{ id: string; name: string; you?: boolean }[]>('sync', 'devices');
    expect(devices.map((d) => d.name).sort()).toEqual(['Desk A', 'Laptop B']);
    expect(await a.call('sync', 'removeDevice', devices.find((d) => d.you)!.id)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/use Leave/) } });
    expect(await a.value('sync', 'removeDevice', devices.find((d) => !d.you)!.id)).toBe('Laptop B');
    expect((await a.value<{ name: string }[]>('sync', 'devices')).map((d) => d.name)).toEqual(['Desk A']);
    expect(await a.value('sync', 'leave')).toMatchObject({ folder: null });
  }, 60_000);

  it('a sync password set in the app lets another app join; a short one is refused, a wrong one changes nothing, a new one retires the old', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'otp-desk-sync-folder-'));
    const a = await openApp();
    const b = await openApp();
    await a.value('accounts', 'addUri', URI);
    await a.value('sync', 'setup', folder, 'Desk A');
    expect(await a.call('sync', 'setPassword', 'short')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/at least 8 characters/) } });
    await a.value('sync', 'setPassword', 'an old sync password');
    await a.value('sync', 'setPassword', 'correct horse battery staple');
    // The replaced password is now just a wrong one.
    expect(await b.call('sync', 'join', folder, { password: 'an old sync password' }, 'Laptop B')).toMatchObject({ ok: false, error: { message: 'The sync password is wrong. Check it and try again; nothing was changed.' } });
    expect(await b.value('sync', 'status')).toMatchObject({ folder: null });
    expect(await b.value<AccountSummary[]>('accounts', 'list')).toHaveLength(0);
    expect(await b.value('sync', 'join', folder, { password: 'correct horse battery staple' }, 'Laptop B')).toMatchObject({ folder, device: { name: 'Laptop B' } });
    expect((await b.value<AccountSummary[]>('accounts', 'list')).map((x) => x.issuer)).toEqual(['GitHub']);
  }, 60_000);

  it('a pairing code and a sync password asked for at once both work: folder actions run one after another', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'otp-desk-sync-folder-'));
    const a = await openApp();
    await a.value('accounts', 'addUri', URI);
    await a.value('sync', 'setup', folder, 'Desk A');
    // Each reads folder.json, wraps the key with scrypt and writes it back: side by side, the
    // second write dropped the first one's way in.
    const [pairing] = await Promise.all([a.value<PairingCode>('sync', 'pairingCode'), a.value('sync', 'setPassword', 'correct horse battery staple'), a.value('sync', 'now')]);
    const b = await openApp();
    expect(await b.value('sync', 'join', folder, { code: pairing.code }, 'Laptop B')).toMatchObject({ folder });
    const c = await openApp();
    expect(await c.value('sync', 'join', folder, { password: 'correct horse battery staple' }, 'Laptop C')).toMatchObject({ folder });
  }, 60_000);

  it.skipIf(!hasCorpus)('follows a phone backup folder with its password (a wrong one changes nothing) and unfollows it (needs the ../shared corpus)', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'otp-desk-follow-'));
    copyFileSync(join(CORPUS, 'aegis-importers', 'aegis_encrypted.json'), join(folder, 'aegis-backup-20261201-000000.json'));
    const app = await openApp();
    expect(await app.call('sync', 'follow', folder, 'not the password')).toMatchObject({ ok: false });
    expect(await app.value<AccountSummary[]>('accounts', 'list')).toHaveLength(0);
    expect(await app.value('sync', 'follow', folder, 'test')).toMatchObject({ added: 7, problems: [] });
    expect(await app.value('sync', 'status')).toMatchObject({ folder: null, follows: [{ folder }] });
    expect(await app.value('sync', 'unfollow', folder)).toMatchObject({ follows: [] });
    expect(await app.value<AccountSummary[]>('accounts', 'list')).toHaveLength(7);
  }, 60_000);
});
