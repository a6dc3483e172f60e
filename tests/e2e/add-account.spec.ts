import { expect, screenshotPath, test } from './fixtures';

// 1970-01-01T00:00:59Z: oathtool --totp -b JBSWY3DPEHPK3PXP -N @59 gives 996554.
const AT_59_SECONDS = 59_000;

test('adds an account from a pasted key and shows the code for the fixed clock', async ({ app, page }) => {
  await page.clock.setFixedTime(AT_59_SECONDS);
  await app.open(page);
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await page.getByLabel('Secret key or otpauth:// link').fill('jbsw y3dp-ehpk 3pxp');
  await expect(page.getByLabel('Key as read')).toContainText('JBSW Y3DP EHPK 3PXP');
  await page.getByLabel('Issuer (service)').fill('ACME');
  await page.getByLabel('Account name').fill('alice');
  await page.getByRole('button', { name: 'Add account' }).last().click();
  const row = page.getByRole('button', { name: /Copy code for ACME alice/ });
  await expect(row.getByTestId('code')).toHaveText('996 554');
  // The README shows this screenshot (UPDATE_SCREENSHOTS=1 writes it to docs/screenshots).
  await page.screenshot({ path: screenshotPath('add-account.png') });
});

test('says why a bad key is rejected and adds nothing', async ({ app, page }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await page.getByLabel('Secret key or otpauth:// link').fill('JBSW0Y3DP');
  await page.getByLabel('Issuer (service)').fill('ACME');
  await page.getByRole('button', { name: 'Add account' }).last().click();
  await expect(page.getByRole('alert')).toContainText('base32 has no 0, 1 or 8');
  await page.getByRole('button', { name: 'Back to codes' }).click();
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
});
