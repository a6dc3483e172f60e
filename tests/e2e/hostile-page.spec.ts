/**
 * A compromised renderer: the page calls `window.otpDesk` directly, in the orders issue 18's probe
 * used, and main must refuse or bound each. The bridge answers main's confirmation with "Cancel"
 * (the user did not ask for any of this), so whatever still happens, happened without the user.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { BACKUP_FILE_PATTERN } from '../../electron/backups/backup-files.node';
import { MAX_CLOCK_OFFSET_MS } from '../../electron/core/settings';
import { expect, startBridge, stopBridge, test } from './fixtures';
import { bridgeTest } from './lock-helpers';
import { seedVault } from './seed';

interface Result<T = unknown> {
  ok: boolean;
  value?: T;
  error?: { kind: string; message: string };
}
interface Codes {
  id: string;
  validFrom: number;
  validUntil: number;
}

const PASSWORD = 'correct horse battery staple';
const TMP = process.env['OTP_DESK_TEST_TMP'] ?? tmpdir();
const PERIOD_MS = 30_000;

/** One call as the page makes it, straight to the contract. */
function call<T = unknown>(page: Page, namespace: string, method: string, ...args: unknown[]): Promise<Result<T>> {
  return page.evaluate(
    ({ namespace, method, args }) =>
      (window as unknown as { otpDesk: Record<string, Record<string, (...a: unknown[]) => Promise<Result<T>>>> }).otpDesk[namespace]![method]!(...args),
    { namespace, method, args },
  );
}

const kind = (result: Result) => (result.ok ? 'ok' : result.error!.kind);
const backupsIn = (folder: string) => {
  try {
    return readdirSync(folder).filter((name) => BACKUP_FILE_PATTERN.test(name));
  } catch {
    return [];
  }
};

let root: string;
let stop: (() => Promise<void>) | undefined;

/** A vault with one 30 s account, served by a bridge whose stand-in user answers `answer`. */
async function openHostile(page: Page, answer: 'allow' | 'deny' = 'deny'): Promise<void> {
  root = mkdtempSync(join(TMP, 'e2e-hostile-'));
  const vaultDir = join(root, 'vault');
  await seedVault(vaultDir, [{ issuer: 'Target', account: 'ana@example.com', secret: 'JBSWY3DPEHPK3PXP' }]);
  const { child, url } = await startBridge(vaultDir, ['--confirm-secrets', answer]);
  stop = () => stopBridge(child);
  await page.goto(url);
  await page.waitForFunction(() => 'otpDesk' in window);
}

test.afterEach(async () => {
  await stop?.();
  rmSync(root, { recursive: true, force: true });
});

test('codes for tomorrow: a day of offset is refused, and no offset or time asked for gives a code outside the clamp', async ({ page }) => {
  await openHostile(page);
  const tomorrow = 86_340_000;
  const refused = await call(page, 'settings', 'set', { clockOffsetMs: tomorrow });
  expect(kind(refused)).toBe('invalid-input');
  // The largest offset allowed, then every time a page could ask for.
  expect(kind(await call(page, 'settings', 'set', { clockOffsetMs: MAX_CLOCK_OFFSET_MS }))).toBe('ok');
  for (const asked of [0, tomorrow, -tomorrow, 1e13, MAX_CLOCK_OFFSET_MS + 10 * PERIOD_MS]) {
    const now = Date.now();
    const codes = await call<Codes[]>(page, 'codes', 'at', now + asked);
    expect(codes.ok).toBe(true);
    const [code] = codes.value!;
    // The code's window overlaps main's true clock ± (offset bound + one period), with 5 s for the call itself.
    expect(code!.validUntil * 1000, `asked ${asked}`).toBeGreaterThan(now - MAX_CLOCK_OFFSET_MS - PERIOD_MS - 5_000);
    expect(code!.validFrom * 1000, `asked ${asked}`).toBeLessThanOrEqual(now + MAX_CLOCK_OFFSET_MS + PERIOD_MS + 5_000);
  }
});

test.describe('a server of the page\u2019s own', () => {
  let server: Server;
  let requests = 0;
  let serverUrl = '';
  test.beforeAll(async () => {
    server = createServer((_req, res) => (requests++, res.writeHead(200, { date: new Date().toUTCString() }).end()));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('is never asked: the time server changes only with the user\u2019s yes in main, and the check asks nothing else', async ({ page }) => {
    await openHostile(page);
    expect(kind(await call(page, 'settings', 'set', { timeCheckUrl: serverUrl }))).toBe('cancelled');
    expect(kind(await call(page, 'settings', 'set', { timeCheckUrl: serverUrl, timeCheckEnabled: true }))).toBe('cancelled');
    expect(kind(await call(page, 'clock', 'check'))).toBe('invalid-input'); // the check stayed off
    expect((await call<{ timeCheckUrl: string }>(page, 'settings', 'get')).value!.timeCheckUrl).toBe('https://www.google.com/');
    const asked = await bridgeTest<{ message: string }[]>(page, 'confirmations');
    expect(asked.map((dialog) => dialog.message)).toEqual([
      `Ask ${new URL(serverUrl).host} for the time?`,
      `Ask ${new URL(serverUrl).host} for the time?`,
    ]);
    expect(requests).toBe(0);
  });
});

test('secrets out through backups, no password: the backup password and a network or local folder need the user, and nothing is written', async ({ page }) => {
  await openHostile(page);
  const folder = join(root, 'page-chosen');
  mkdirSync(folder);
  expect(kind(await call(page, 'backups', 'setPassword', 'known to the page'))).toBe('cancelled');
  expect(kind(await call(page, 'backups', 'configure', { backupFolder: '\\\\host\\share' }))).toBe('cancelled');
  expect(kind(await call(page, 'backups', 'configure', { backupFolder: folder }))).toBe('cancelled');
  const status = await call<{ folder: string; passwordSet: boolean }>(page, 'backups', 'runNow');
  expect(status.value).toMatchObject({ folder: '', passwordSet: false });
  expect(readdirSync(folder)).toEqual([]);
  const asked = (await bridgeTest<{ message: string }[]>(page, 'confirmations')).map((d) => d.message);
  expect(asked).toEqual([
    'Encrypt backups with a new backup password?',
    'Back up every account to the network folder \\\\host\\share (on host, another computer)?',
    `Back up every account to ${folder}?`,
  ]);
});

test('with a vault password, keep:1 and another folder need the user, so the real backups stay', async ({ page }) => {
  await openHostile(page, 'allow');
  const real = join(root, 'real-backups');
  const elsewhere = join(root, 'elsewhere');
  mkdirSync(elsewhere);
  // The user sets up backups and a vault password (the stand-in says yes in main).
  expect(kind(await call(page, 'backups', 'setPassword', 'the user\u2019s backup password'))).toBe('ok');
  expect(kind(await call(page, 'backups', 'configure', { backupFolder: real }))).toBe('ok');
  for (let i = 0; i < 3; i++) await call(page, 'backups', 'runNow');
  expect(kind(await call(page, 'vault', 'setPassword', PASSWORD))).toBe('ok');
  const before = backupsIn(real);
  expect(before.length).toBeGreaterThanOrEqual(3);

  // From here on the user says no to anything main asks: the page acts alone.
  await bridgeTest(page, 'confirm-secrets', { answer: 'deny' });
  expect(kind(await call(page, 'backups', 'configure', { backupKeep: 1 }))).toBe('cancelled');
  expect(kind(await call(page, 'backups', 'configure', { backupFolder: elsewhere }))).toBe('cancelled');
  expect(kind(await call(page, 'backups', 'setPassword', 'known to the page'))).toBe('password-required');
  await call(page, 'backups', 'runNow');
  expect(backupsIn(real)).toEqual(expect.arrayContaining(before));
  expect(backupsIn(real).length).toBe(before.length + 1);
  expect(readdirSync(elsewhere)).toEqual([]);
});

test('locked: no screen capture and no clipboard answer; unlocked, clearIf tells nothing about the clipboard', async ({ page }) => {
  await openHostile(page);
  const probes = async () => ({
    capture: kind(await call(page, 'screen', 'capture')),
    clearIf: await call(page, 'clipboard', 'clearIf', '123456'),
    clearIfOther: await call(page, 'clipboard', 'clearIf', 'hunter2'),
    copy: kind(await call(page, 'clipboard', 'copy', '123456')),
  });
  // Unlocked, the same answer for any text (here: the bridge has no main clipboard), and no yes/no value.
  const open = await probes();
  expect(open.clearIf).toEqual(open.clearIfOther);
  expect(open.clearIf).not.toHaveProperty('value');

  expect(kind(await call(page, 'vault', 'setPassword', PASSWORD))).toBe('ok');
  expect(kind(await call(page, 'vault', 'lock'))).toBe('ok');
  const locked = await probes();
  expect(locked).toEqual({
    capture: 'vault-locked',
    clearIf: { ok: false, error: { kind: 'vault-locked', message: expect.any(String) } },
    clearIfOther: { ok: false, error: { kind: 'vault-locked', message: expect.any(String) } },
    copy: 'vault-locked',
  });
  // Capture is never started, so main never asked the user about one.
  expect(await bridgeTest<unknown[]>(page, 'confirmations')).toEqual([]);
});
