import { expect, screenshotPath, test } from './fixtures';

// 1970-01-01T00:00:59Z: oathtool --totp -b JBSWY3DPEHPK3PXP -N @59 gives 996554.
const AT_59_SECONDS = 59_000;

test('adds an account from a pasted key and shows the code for the fixed clock', async ({
  app,
  page,
}) => {
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
  await expect(page.getByRole('alert')).toContainText('Keys have no 0, 1 or 8');
  await page.getByRole('button', { name: 'Back to codes' }).click();
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
});

test('checks the key as it is typed, before anything else, and says what a key looks like', async ({
  app,
  page,
}) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Add your first account' }).click();
  await expect(page.getByRole('heading', { name: 'Add an account' })).toBeVisible();
  const key = page.getByLabel('Secret key or otpauth:// link');
  await expect(key).toHaveAccessibleDescription(/letters A–Z and digits 2–7/);
  await key.pressSequentially('hello world, this is not a key!!');
  // Shown at once, while typing, and the text is not presented as a grouped key.
  await expect(page.getByRole('alert')).toContainText('This is not a key: it has “,” “!”');
  await expect(page.getByLabel('Key as read')).toHaveCount(0);
  await expect(key).toHaveAttribute('aria-invalid', 'true');
  // Submitting with the issuer still empty names the key's problem, not the issuer.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('alert')).toHaveCount(1);
  await expect(page.getByRole('alert')).toContainText('This is not a key');
  await expect(key).toBeFocused();

  // An impossible length is named once the key is complete (left or pasted), not mid-typing.
  await key.fill('');
  await key.pressSequentially('JBSWY3DPEHPK3PXPA');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.getByLabel('Issuer (service)').focus();
  await expect(page.getByRole('alert')).toContainText('can’t be 17 characters long');
  await key.fill('JBSWY3DPEHPK3PXP');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByLabel('Key as read')).toContainText('JBSW Y3DP EHPK 3PXP');
});
