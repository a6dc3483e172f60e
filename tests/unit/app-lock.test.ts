import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { API_METHODS, type ApiResult } from '../../electron/api';
import { createApiHandlers, findHandler, toApiResult } from '../../electron/adapters/api-handlers';
import { ServiceHost } from '../../electron/adapters/service-host';
import { IdleLocker } from '../../electron/lock/auto-lock';
import { MemoryKeyStore } from '../../electron/vault/keychain';
import { readVaultJson } from '../support/vault-json';

const URI = 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME';
const PASSWORD = 'correct horse battery';
const hosts: ServiceHost[] = [];
afterEach(() => hosts.splice(0).forEach((h) => h.close()));

async function openApp(options: { confirm?: boolean; clock?: () => number } = {}) {
  const dir = join(mkdtempSync(join(tmpdir(), 'otp-desk-lock-')), 'vault');
  const keys = new MemoryKeyStore();
  const host = new ServiceHost(dir, keys, [], options.clock);
  hosts.push(host);
  await host.start();
  const handlers = createApiHandlers(
    host,
    options.confirm === undefined ? {} : { confirmSecretRelease: async () => options.confirm! },
  );
  const call = async <T = unknown>(
    namespace: string,
    method: string,
    ...args: unknown[]
  ): Promise<ApiResult<T>> =>
    toApiResult(() => findHandler(handlers, namespace, method)!(...args)) as Promise<ApiResult<T>>;
  return { dir, keys, host, call };
}

const errorOf = (result: ApiResult<unknown>) => (result.ok ? null : result.error);

describe('vault password from the app', () => {
  it('sets a password of 8+ characters, changes it only with the current one, and removes it', async () => {
    const { call, host } = await openApp();
    expect(errorOf(await call('vault', 'setPassword', 'short'))).toMatchObject({
      kind: 'invalid-input',
      message: expect.stringMatching(/at least 8 characters.*Nothing was changed/),
    });
    expect(host.status().hasPassword).toBe(false);
    expect(await call('vault', 'setPassword', PASSWORD)).toMatchObject({
      ok: true,
      value: { state: 'unlocked', hasPassword: true },
    });
    expect(errorOf(await call('vault', 'setPassword', 'another password'))).toMatchObject({
      kind: 'password-required',
    });
    expect(
      errorOf(await call('vault', 'setPassword', 'another password', 'not it at all')),
    ).toMatchObject({ kind: 'wrong-password' });
    // The old password still works after the refused change: nothing changed.
    await new Promise((r) => setTimeout(r, 1_100)); // the one-second slow-down after a wrong password
    expect(await call('vault', 'setPassword', 'another password', PASSWORD)).toMatchObject({
      ok: true,
    });
    expect(await call('vault', 'removePassword', 'another password')).toMatchObject({
      ok: true,
      value: { hasPassword: false },
    });
  });

  it('explains that locking needs a password, and does not lock without one', async () => {
    const { call, host } = await openApp();
    expect(errorOf(await call('vault', 'lock'))).toMatchObject({
      kind: 'invalid-input',
      message: expect.stringMatching(/Set a vault password first/),
    });
    expect(host.status().state).toBe('unlocked');
    expect(errorOf(await call('settings', 'set', { autoLockMinutes: 5 }))).toMatchObject({
      message: expect.stringMatching(/vault password first/),
    });
  });
});

describe('the lock', () => {
  it('fails every accounts, codes, imports, exports, backups, clipboard, screen, browser and sync call with vault-locked, then unlocks with the password', async () => {
    const { call, host } = await openApp({ confirm: true });
    await call('accounts', 'addUri', URI);
    const preview = await call<{ id: string }>('imports', 'previewTexts', [
      { source: 'paste', text: URI.replace('alice', 'bob') },
    ]);
    expect(preview.ok).toBe(true);
    await call('vault', 'setPassword', PASSWORD);
    expect(await call('vault', 'lock')).toMatchObject({
      ok: true,
      value: { state: 'locked', hasPassword: true },
    });
    expect((await call('vault', 'status')) as ApiResult<unknown>).toMatchObject({
      value: { state: 'locked' },
    });

    const walked: string[] = [];
    for (const namespace of ['accounts', 'codes', 'imports', 'exports', 'backups', 'clipboard', 'screen', 'browser', 'sync'] as const) {
      for (const method of API_METHODS[namespace]) {
        expect(
          errorOf(await call(namespace, method, 'x', 'y')),
          `${namespace}.${method}`,
        ).toMatchObject({ kind: 'vault-locked' });
        walked.push(`${namespace}.${method}`);
      }
    }
    expect(walked).toHaveLength(
      Object.values(API_METHODS).flat().length -
        API_METHODS.vault.length -
        // desktop: the panel and links work while locked; links wait for the unlock (below).
        ['settings', 'clock', 'trash', 'desktop'].reduce(
          (n, k) => n + API_METHODS[k as 'settings'].length,
          0,
        ),
    );
    for (const method of ['get', 'set'] as const)
      expect(errorOf(await call('settings', method, {}))).toMatchObject({ kind: 'vault-locked' });
    // Opened links are never handed to a locked window.
    expect(await call('desktop', 'takeLinks')).toMatchObject({ ok: true, value: { texts: [] } });

    expect(errorOf(await call('vault', 'unlock', 'wrong password'))).toMatchObject({
      kind: 'wrong-password',
      message: expect.stringMatching(/wrong/),
    });
    expect(host.status().state).toBe('locked');
    await new Promise((r) => setTimeout(r, 1_100));
    expect(await call('vault', 'unlock', PASSWORD)).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    expect(
      (await call<{ issuer: string }[]>('accounts', 'list')) as ApiResult<unknown>,
    ).toMatchObject({ value: [{ issuer: 'ACME' }] });
    // The import review from before the lock is gone with the secrets it held.
    expect(
      errorOf(await call('imports', 'commit', (preview as { value: { id: string } }).value.id, [])),
    ).toMatchObject({ kind: 'not-found' });
  });

  it('slows down repeated wrong passwords in main, even for the right one during the wait', async () => {
    const { call } = await openApp();
    await call('vault', 'setPassword', PASSWORD);
    await call('vault', 'lock');
    expect(errorOf(await call('vault', 'unlock', 'wrong 1'))).toMatchObject({
      message: expect.stringMatching(/wrong/),
    });
    expect(errorOf(await call('vault', 'unlock', PASSWORD))).toMatchObject({
      kind: 'rate-limited',
      message: expect.stringMatching(/Too many wrong passwords\. Wait 1 s/),
    });
  });

  it('locks after the idle time set, on screen lock when asked to, and never for a vault without password', async () => {
    let idle = 0;
    const { call, host } = await openApp();
    const locker = new IdleLocker(
      () => idle,
      () => host.lockPolicy(),
      (trigger) => host.autoLock(trigger),
    );
    idle = 10_000;
    expect(locker.check()).toBe(false); // no password: nothing to lock
    await call('vault', 'setPassword', PASSWORD);
    await call('settings', 'set', { autoLockMinutes: 1, lockOnScreenLock: false });
    expect(host.autoLock('screen-locked')).toBe(false);
    idle = 59;
    expect(locker.check()).toBe(false);
    idle = 60;
    expect(locker.check()).toBe(true);
    expect(host.status().state).toBe('locked');
  });

  it('asks for the password at every start when set: no keychain slot or item, and unlocking does not bring them back', async () => {
    const { call, dir, keys } = await openApp();
    await call('vault', 'setPassword', PASSWORD);
    expect(keys.items.size).toBe(1);
    expect(await call('settings', 'set', { requirePasswordAtStart: true })).toMatchObject({
      ok: true,
      value: { requirePasswordAtStart: true },
    });
    const slotTypes = () =>
      readVaultJson(dir).slots.map(
        (s: { type: string }) => s.type,
      );
    expect(slotTypes()).toEqual(['password']);
    expect(keys.items.size).toBe(0);

    const next = new ServiceHost(dir, keys, []);
    hosts.push(next);
    expect(await next.start()).toMatchObject({
      state: 'locked',
      hasPassword: true,
      message: expect.stringMatching(/every start/),
    });
    await next.unlock(PASSWORD);
    expect(slotTypes()).toEqual(['password']);
    // Removing the password brings the keychain slot back first, so the vault stays openable.
    await next.removePassword(PASSWORD);
    expect(slotTypes()).toEqual(['keychain']);
    expect(keys.items.size).toBe(1);
  });
});

describe('Touch ID', () => {
  it('unlocks through the keychain slot after the OS check, and not when it is cancelled', async () => {
    const { call, host } = await openApp();
    let answer = false;
    await call('vault', 'setPassword', PASSWORD);
    await call('vault', 'lock');
    host.setSystemAuth({
      name: 'Touch ID',
      available: () => true,
      prompt: () => (answer ? Promise.resolve() : Promise.reject(new Error('cancelled'))),
    });
    expect(host.status()).toMatchObject({ state: 'locked', systemAuth: 'Touch ID' });
    expect(errorOf(await call('vault', 'unlockWithSystemAuth'))).toMatchObject({
      kind: 'cancelled',
    });
    expect(host.status().state).toBe('locked');
    answer = true;
    expect(await call('vault', 'unlockWithSystemAuth')).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
  });

  it('is not offered in "ask for the password at every start" mode', async () => {
    const { call, host } = await openApp();
    host.setSystemAuth({
      name: 'Touch ID',
      available: () => true,
      prompt: () => Promise.resolve(),
    });
    await call('vault', 'setPassword', PASSWORD);
    await call('settings', 'set', { requirePasswordAtStart: true });
    await call('vault', 'lock');
    expect(host.status().systemAuth).toBeUndefined();
    expect(errorOf(await call('vault', 'unlockWithSystemAuth'))).toMatchObject({
      kind: 'invalid-input',
    });
  });
});

describe('nothing leaves main unasked', () => {
  it('without a password, reveal and export need main\u2019s own confirmation', async () => {
    const denied = await openApp({ confirm: false });
    const added = await denied.call<{ id: string }>('accounts', 'addUri', URI);
    const id = (added as { value: { id: string } }).value.id;
    expect(errorOf(await denied.call('exports', 'reveal', id))).toMatchObject({
      kind: 'cancelled',
    });
    expect(errorOf(await denied.call('exports', 'create', { format: 'uris' }))).toMatchObject({
      kind: 'cancelled',
    });

    const unasked = await openApp();
    const other = (await unasked.call<{ id: string }>('accounts', 'addUri', URI)) as {
      value: { id: string };
    };
    expect(errorOf(await unasked.call('exports', 'reveal', other.value.id))).toMatchObject({
      kind: 'cancelled',
      message: expect.stringMatching(/could not ask you/),
    });

    const allowed = await openApp({ confirm: true });
    const mine = (await allowed.call<{ id: string }>('accounts', 'addUri', URI)) as {
      value: { id: string };
    };
    expect(await allowed.call('exports', 'reveal', mine.value.id)).toMatchObject({
      ok: true,
      value: { secret: 'JBSWY3DPEHPK3PXP' },
    });
  });

  it('answers codes.at only for main\u2019s own clock \u00b1 one period', async () => {
    const now = 1_700_000_000_000;
    const { call } = await openApp({ clock: () => now });
    await call('accounts', 'addUri', URI);
    const at = async (ms: number) =>
      (
        (await call<{ code: string; validFrom: number }[]>('codes', 'at', ms)) as {
          value: { code: string; validFrom: number }[];
        }
      ).value[0]!;
    const current = await at(now);
    expect((await at(now + 30_000)).validFrom).toBe(current.validFrom + 30);
    // A year ahead or behind is answered as one period away, never the far time.
    expect(await at(now + 365 * 86_400_000)).toEqual(await at(now + 30_000));
    expect(await at(now - 365 * 86_400_000)).toEqual(await at(now - 30_000));
  });
});
