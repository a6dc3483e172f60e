import { expect, test } from './fixtures';
import { storedSettings } from './main-api';

test('first run offers a vault password; Skip hides the offer for good', async ({ app, page }) => {
  await app.open(page);
  const offer = page.getByRole('complementary', { name: 'Protect OTP Desk with a password' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Set a vault password…' }).click();
  // Settings opens at its Security section with the cursor in the new password.
  await expect(
    page.getByRole('group', { name: 'Security' }).getByLabel('New password', { exact: true }),
  ).toBeFocused();
  await page.getByRole('button', { name: /Back to codes/ }).click();
  await offer.getByRole('button', { name: 'Skip' }).click();
  await expect(offer).toBeHidden();
  // The page hides the offer at once; reload only once main has stored the choice.
  await expect.poll(async () => (await storedSettings(page)).passwordOfferDismissed).toBe(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  await expect(offer).toBeHidden();
});
