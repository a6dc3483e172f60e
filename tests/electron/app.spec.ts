import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { API_METHODS } from '../../electron/api';
import type { DesktopTestHooks } from '../../electron/main/desktop/test-hooks';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

// Drives the real app where an Electron binary exists. On machines that can't download it, every
// test here is skipped and the reason printed; on GitHub's runners (.github/workflows/ci.yml sets
// OTP_DESK_REQUIRE_ELECTRON=1) a missing binary fails instead, so these tests always run there.
const binary = findElectronBinary(process.cwd());
const required = process.env['OTP_DESK_REQUIRE_ELECTRON'] === '1';
if (binary.reason)
  console.log(
    `[electron] ${required ? 'FAILING' : 'skipping'} the app-window tests: ${binary.reason}.`,
  );

const LINK = 'otpauth://totp/Linkco:frank?secret=JBSWY3DPEHPK3PXQ&issuer=Linkco';
// Electron refuses to run as root (CI containers) without this; a normal user keeps the sandbox.
const sandboxArgs =
  process.platform === 'linux' && process.getuid?.() === 0 ? ['--no-sandbox'] : [];

/** A fresh vault and profile (the single-instance lock is per profile), with the test hooks on. */
function appEnv(): Record<string, string> {
  const dir = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'electron-app-'));
  return {
    ...(process.env as Record<string, string>),
    OTP_DESK_VAULT: join(dir, 'vault'),
    OTP_DESK_USER_DATA: join(dir, 'profile'),
    OTP_DESK_TEST_HOOKS: '1',
  };
}

const hooks = (app: ElectronApplication) => ({
  hasTray: () =>
    app.evaluate(() =>
      (globalThis as unknown as { otpDeskTestHooks: DesktopTestHooks }).otpDeskTestHooks.hasTray(),
    ),
  pressShortcut: () =>
    app.evaluate(() =>
      (
        globalThis as unknown as { otpDeskTestHooks: DesktopTestHooks }
      ).otpDeskTestHooks.pressShortcut(),
    ),
  panelVisible: () =>
    app.evaluate(() =>
      (
        globalThis as unknown as { otpDeskTestHooks: DesktopTestHooks }
      ).otpDeskTestHooks.panelVisible(),
    ),
});

/** Starts a second OTP Desk on the same profile, as the OS does for a link; resolves with its exit code. */
function secondInstance(env: Record<string, string>, args: string[]): Promise<number | null> {
  return new Promise((resolve) => {
    const child = spawn(binary.path!, ['.', ...sandboxArgs, ...args], { env, stdio: 'ignore' });
    child.on('exit', (code) => resolve(code));
  });
}

test.describe('the app window', () => {
  // One app at a time: each registers the global shortcut Ctrl+Alt+O, which X11 and Windows grant
  // to one process only, so a parallel test's isRegistered could come back false.
  test.describe.configure({ mode: 'serial' });
  test.skip(!binary.path && !required, `no Electron binary: ${binary.reason}`);
  test.beforeAll(() => {
    if (!binary.path) throw new Error(`OTP_DESK_REQUIRE_ELECTRON is set but ${binary.reason}`);
  });

  test('opens unlocked and locked down, with window.otpDesk the only bridge, and adds an account', async () => {
    const app = await electron.launch({
      executablePath: binary.path!,
      args: ['.', ...sandboxArgs],
      env: appEnv(),
    });
    const window = await app.firstWindow();
    expect(
      await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require),
    ).toBe('undefined');
    expect(
      await window.evaluate(() =>
        Object.keys((window as unknown as { otpDesk: object }).otpDesk).sort(),
      ),
    ).toEqual([...Object.keys(API_METHODS), 'onChanged'].sort());
    await window
      .getByRole('button', { name: /Add (your first )?account/ })
      .first()
      .click();
    await window.getByLabel('Secret key or otpauth:// link').fill('JBSWY3DPEHPK3PXP');
    await window.getByLabel('Issuer (service)').fill('ACME');
    await window.getByRole('button', { name: 'Add account' }).last().click();
    await expect(window.getByText('ACME')).toBeVisible();
    await app.close();
  });

  test('has a tray icon, and the global shortcut opens the quick-copy panel with its search focused', async () => {
    const app = await electron.launch({
      executablePath: binary.path!,
      args: ['.', ...sandboxArgs],
      env: appEnv(),
    });
    await app.firstWindow();
    const h = hooks(app);
    expect(await h.hasTray()).toBe(true);
    expect(
      await app.evaluate(({ globalShortcut }) =>
        globalShortcut.isRegistered('CommandOrControl+Alt+O'),
      ),
    ).toBe(true);
    await h.pressShortcut();
    // The panel window is made on first use; its URL is known once it has loaded.
    const findPanel = () => app.windows().find((page) => page.url().includes('panel=quick'));
    await expect.poll(() => Boolean(findPanel())).toBe(true);
    const panel = findPanel()!;
    await expect(panel.getByRole('searchbox', { name: 'Search accounts' })).toBeFocused();
    expect(await h.panelVisible()).toBe(true);
    await panel.keyboard.press('Escape');
    await expect.poll(() => h.panelVisible()).toBe(false);
    await app.close();
  });

  test('an otpauth link handed over by a second instance opens the import review, and the second instance quits', async () => {
    const env = appEnv();
    const app = await electron.launch({
      executablePath: binary.path!,
      args: ['.', ...sandboxArgs],
      env,
    });
    const window = await app.firstWindow();
    await expect(window.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
    expect(await secondInstance(env, [LINK])).toBe(0);
    const found = window.getByRole('list', { name: 'Accounts found' }).getByRole('listitem');
    await expect(found).toHaveCount(1);
    await expect(found).toContainText('Linkco / frank');
    await app.close();
  });

  test('a second instance brings the first one back instead of opening another window', async () => {
    const env = appEnv();
    const app = await electron.launch({
      executablePath: binary.path!,
      args: ['.', ...sandboxArgs],
      env,
    });
    await app.firstWindow();
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.hide());
    expect(await secondInstance(env, [])).toBe(0);
    await expect
      .poll(() =>
        app.evaluate(
          ({ BrowserWindow }) => BrowserWindow.getAllWindows().filter((w) => w.isVisible()).length,
        ),
      )
      .toBe(1);
    await app.close();
  });
});
