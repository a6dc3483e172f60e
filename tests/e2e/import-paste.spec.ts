import { expect, test } from './fixtures';
import { paste, qrPng } from './import-helpers';

// 1970-01-01T00:00:59Z: `oathtool --totp -b JBSWY3DPEHPK3PXP -N @59` prints 996554 (see add-account.spec.ts).
const AT_59_SECONDS = 59_000;

test('a key pasted anywhere, with spaces and lower case, opens the add form and adds an account with the right code', async ({
  app,
  page,
}) => {
  await page.clock.setFixedTime(AT_59_SECONDS);
  await app.open(page);
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  await paste(page, { text: '  jbsw y3dp ehpk 3pxp\n' });
  await expect(page.getByLabel('Key as read')).toContainText('JBSW Y3DP EHPK 3PXP');
  await page.getByLabel('Issuer (service)').fill('Pasted');
  await page.getByLabel('Account name').fill('erin');
  await page.getByRole('button', { name: 'Add account' }).last().click();
  await expect(page.getByTestId('code').first()).toHaveText('996 554');
});

test('a pasted otpauth link goes to the review; a pasted image is searched for QR codes', async ({
  app,
  page,
}) => {
  await app.open(page);
  await paste(page, { text: 'otpauth://totp/Linkco:frank?secret=JBSWY3DPEHPK3PXQ&issuer=Linkco' });
  const found = page.getByRole('list', { name: 'Accounts found' }).getByRole('listitem');
  await expect(found).toHaveCount(1);
  await expect(found).toContainText('Linkco / frank');
  await expect(found).toContainText('from Pasted link');

  // A second paste while reviewing joins the same review (saved together, or not at all).
  await paste(page, {
    file: await qrPng(
      'image.png',
      'otpauth://totp/Clipco:gina?secret=JBSWY3DPEHPK3PXR&issuer=Clipco',
    ),
  });
  await expect(found).toHaveCount(2, { timeout: 20_000 });
  await expect(found.nth(1)).toContainText('Clipco / gina');
  await page.getByRole('button', { name: 'Save 2 accounts' }).click();
  await expect(page.locator('.toast-region')).toContainText('Added 2 accounts.');
});

test('pasting into a text field keeps the normal paste', async ({ app, page }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Add your first account' }).click();
  const box = page.getByLabel('Secret key or otpauth:// link');
  await box.focus();
  await paste(page, { text: 'otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXP' });
  // No review opened: the add form is still there.
  await expect(box).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Check before saving' })).toHaveCount(0);
});
