import { runCli } from '../support/cli';
import { expect, screenshotPath, test } from './fixtures';
import { storedSettings } from './main-api';
import { SMALL_VAULT } from './rfc-accounts';

test.use({ seed: { accounts: SMALL_VAULT } });

test('the edit dialog binds sites for browser fill (and refuses a public suffix without changing anything)', async ({ app, page }) => {
  await app.open(page);
  await page.getByRole('button', { name: /Copy code for Dropbox/ }).focus();
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: 'Edit Dropbox' });
  await dialog.getByLabel('Sites for browser fill').fill('co.uk');
  await dialog.getByLabel('Issuer (service)').fill('Dropbox Work');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText(/public suffix/)).toBeVisible();
  expect(runCli(app.vaultDir, 'list').stdout).not.toContain('Dropbox Work');
  await dialog.getByLabel('Sites for browser fill').fill('www.dropbox.com, http://intranet.example');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => runCli(app.vaultDir, 'browser', 'sites', 'Dropbox').stdout.trim().split('\n')).toEqual(['dropbox.com', 'http://intranet.example']);
});

test('Settings › Browser: no pairing yet, and the fill settings are saved', async ({ app, page }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const browser = page.getByRole('group', { name: 'Browser' });
  await expect(browser.getByText('No browser is paired')).toBeVisible();
  await browser.screenshot({ path: screenshotPath('settings-browser.png') });
  await browser.getByLabel('Ask in OTP Desk before each browser fill').check();
  await browser.getByLabel(/Wait for the next code/).fill('5');
  // The page shows both at once; reload only once main has stored them.
  await expect
    .poll(async () => {
      const { browserConfirmFill, browserNextCodeSeconds } = await storedSettings(page);
      return { browserConfirmFill, browserNextCodeSeconds };
    })
    .toEqual({ browserConfirmFill: true, browserNextCodeSeconds: 5 });
  await page.reload();
  await page.getByRole('button', { name: 'Settings' }).click();
  await expect(page.getByRole('group', { name: 'Browser' }).getByLabel('Ask in OTP Desk before each browser fill')).toBeChecked();
  await expect(page.getByRole('group', { name: 'Browser' }).getByLabel(/Wait for the next code/)).toHaveValue('5');
});
