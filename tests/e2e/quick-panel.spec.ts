import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { AuthenticatorService } from '../../electron/service';
import { KeytarKeyStore } from '../../electron/vault/keychain-keytar.node';
import { PANEL_SIZE } from '../../electron/main/desktop/panel-position';
import { seriousAxeViolations } from './axe';
import { expect, screenshotPath, startBridge, stopBridge, test } from './fixtures';
import { storedSettings } from './main-api';
import { RFC_CODE, RFC_NEXT, RFC_TIME_MS, SMALL_VAULT } from './rfc-accounts';
import { seedVault } from './seed';

// The tray's quick-copy panel is the same renderer loaded with ?panel=quick (the app opens it in
// a small frameless window). Hiding the window is main's job: the bridge counts the requests.
test.use({
  seed: { accounts: SMALL_VAULT },
  permissions: ['clipboard-read', 'clipboard-write'],
  viewport: { ...PANEL_SIZE },
});

const panelUrl = (url: string) => url.replace('/#', '/?panel=quick#');
const token = (url: string) => new URL(url).hash.replace('#token=', '');
const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const hides = async (page: Page, url: string) =>
  Number(
    await (
      await page.request.get(new URL('/__bridge/panel-hides', url).toString(), {
        headers: { 'x-bridge-token': token(url) },
      })
    ).text(),
  );
const options = (page: Page) => page.getByRole('listbox', { name: 'Accounts' }).getByRole('option');
const search = (page: Page) => page.getByRole('searchbox', { name: 'Search accounts' });

test('opens with the search focused; typing narrows, Enter copies the code and hides the panel', async ({
  app,
  page,
}) => {
  await page.clock.install({ time: RFC_TIME_MS - 20_000 });
  await page.goto(panelUrl(app.url));
  await expect(search(page)).toBeFocused();
  await expect(options(page)).toHaveCount(SMALL_VAULT.length);
  await expect(options(page).first().getByTestId('quick-code')).toHaveText(/\d/);
  await page.screenshot({ path: screenshotPath('quick-panel.png') });

  await page.keyboard.type('rfc');
  await expect(options(page)).toHaveCount(1);
  await expect(options(page).first()).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Enter');
  await expect.poll(() => clipboard(page)).toBe(RFC_CODE);
  await expect.poll(() => hides(page, app.url)).toBe(1);
  // Ready for next time: the search is empty again.
  await expect(search(page)).toHaveValue('');
});

test('↑ and ↓ choose the row, Shift+Enter copies the next code, Esc hides without copying', async ({
  app,
  page,
}) => {
  await page.clock.install({ time: RFC_TIME_MS - 20_000 });
  await page.goto(panelUrl(app.url));
  await expect(options(page)).toHaveCount(SMALL_VAULT.length);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowUp');
  await expect(options(page).nth(1)).toHaveAttribute('aria-selected', 'true');
  await expect(options(page).nth(0)).toHaveAttribute('aria-selected', 'false');
  const shown = (await options(page).nth(1).getByTestId('quick-code').textContent())!.replace(
    /\s/g,
    '',
  );
  await page.keyboard.press('Enter');
  await expect.poll(() => clipboard(page)).toBe(shown);

  await search(page).fill('vector');
  await page.keyboard.press('Shift+Enter');
  await expect.poll(() => clipboard(page)).toBe(RFC_NEXT);
  await expect.poll(() => hides(page, app.url)).toBe(2);

  await page.evaluate(() => navigator.clipboard.writeText('kept'));
  await search(page).fill('goo');
  await page.keyboard.press('Escape');
  await expect.poll(() => hides(page, app.url)).toBe(3);
  await expect(search(page)).toHaveValue('');
  expect(await clipboard(page)).toBe('kept');
});

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in the panel (${scheme})`, async ({
    app,
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(panelUrl(app.url));
    await expect(options(page)).toHaveCount(SMALL_VAULT.length);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
}

test('says when nothing matches', async ({ app, page }) => {
  await page.goto(panelUrl(app.url));
  await search(page).fill('nothing like this');
  await expect(options(page)).toHaveCount(0);
  await expect(page.getByText('Nothing matches “nothing like this”.')).toBeVisible();
  await page.keyboard.press('Enter');
  expect(await hides(page, app.url)).toBe(0);
});

test('"Lock now" locks the vault: the codes go and the password brings them back', async ({
  page,
}) => {
  const vaultDir = mkdtempSync(
    join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'e2e-panel-lock-'),
  );
  await seedVault(vaultDir, SMALL_VAULT.slice(0, 2));
  const service = await AuthenticatorService.open(vaultDir, new KeytarKeyStore());
  await service.vaultHandle.setPassword('panel password 42');
  const { child, url } = await startBridge(vaultDir);
  try {
    await page.goto(panelUrl(url));
    await expect(options(page)).toHaveCount(2);
    await page.getByRole('button', { name: 'Lock now' }).click();
    await expect(page.getByRole('heading', { name: 'OTP Desk is locked' })).toBeVisible();
    await expect(options(page)).toHaveCount(0);
    await expect(page.getByTestId('quick-code')).toHaveCount(0);
    expect(
      await page.evaluate(() =>
        (
          window as unknown as { otpDesk: { codes: { at(t: number): Promise<{ ok: boolean }> } } }
        ).otpDesk.codes.at(Date.now()),
      ),
    ).toMatchObject({ ok: false, error: { kind: 'vault-locked' } });
    await page.getByLabel('Vault password').fill('panel password 42');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(options(page)).toHaveCount(2);
  } finally {
    await stopBridge(child);
    rmSync(vaultDir, { recursive: true, force: true });
  }
});

test('without a vault password "Lock now" is off and says why', async ({ app, page }) => {
  await page.goto(panelUrl(app.url));
  const lock = page.getByRole('button', { name: 'Lock now' });
  await expect(lock).toBeDisabled();
  await expect(lock).toHaveAttribute('title', /Set a vault password/);
});

test.describe('Settings › Desktop', () => {
  test.use({ viewport: { width: 480, height: 900 } });

  test('records the global shortcut from the keys pressed, and Backspace turns it off', async ({
    app,
    page,
  }) => {
    await app.open(page);
    await page.keyboard.press('Control+,');
    const field = page.getByLabel('Shortcut that opens Quick Copy from anywhere');
    // In the platform's own notation, as the README writes it (not Electron's accelerator syntax).
    await expect(field).toHaveValue('Ctrl+Alt+O');
    // The browser harness has no OS to register with, and says so instead of pretending.
    await expect(page.locator('#shortcut-status')).toHaveText(
      'Global shortcuts work only in the OTP Desk app.',
    );
    await field.focus();
    await expect(field).toHaveValue('Press the keys…');
    await page.keyboard.press('Control+Shift+K');
    await expect(field).toHaveValue('Ctrl+Shift+K');
    const stored = async () => (await storedSettings(page)).globalShortcut;
    await expect.poll(stored).toBe('CommandOrControl+Shift+K');
    await field.focus();
    await page.keyboard.press('Backspace');
    await expect.poll(stored).toBe('');
    await expect(field).toHaveValue('Off');
    // On Linux and Windows "tray" and "tray on macOS too" are the same thing: one choice each.
    const onClose = page.getByRole('radiogroup', { name: 'When the window is closed' });
    await expect(onClose.getByRole('radio')).toHaveCount(2);
    await expect(onClose.getByRole('radio', { name: 'Keep running in the tray' })).toBeChecked();
    await onClose.getByRole('radio', { name: 'Quit' }).check();
    await page.getByRole('checkbox', { name: /when I log in/ }).check();
    await page
      .locator('.desktop-settings')
      .screenshot({ path: screenshotPath('settings-desktop.png') });
  });
});

test('follows the OS theme live, without a reload, unless a theme is chosen in Settings', async ({
  app,
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(panelUrl(app.url));
  await expect(options(page)).toHaveCount(SMALL_VAULT.length);
  const background = () =>
    page.locator('.quick-panel').evaluate((el) => getComputedStyle(el).backgroundColor);
  const light = await background();
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(background).not.toBe(light);
  const dark = await background();
  await page.evaluate(() =>
    (
      window as unknown as { otpDesk: { settings: { set(p: object): Promise<unknown> } } }
    ).otpDesk.settings.set({ theme: 'light' }),
  );
  await page.reload();
  await expect(options(page)).toHaveCount(SMALL_VAULT.length);
  await expect.poll(background).toBe(light);
  expect(dark).not.toBe(light);
});
