import { expect, test } from './fixtures';

test('first run offers a vault password; Skip hides the offer for good', async ({ app, page }) => {
  await app.open(page);
  const offer = page.getByRole('complementary', { name: 'Protect OTP Desk with a password' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Set a password' }).click();
  await expect(
    page.getByRole('group', { name: 'Security' }).getByLabel('New password', { exact: true }),
  ).toBeVisible();
  await page.getByRole('button', { name: /Back to codes/ }).click();
  await offer.getByRole('button', { name: 'Skip' }).click();
  await expect(offer).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  await expect(offer).toBeHidden();
});
