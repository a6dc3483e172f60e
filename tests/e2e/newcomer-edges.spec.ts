import { expect, test } from './fixtures';
import { setPasswordInSettings } from './lock-helpers';

const PASSWORD = 'correct horse battery staple';
test.use({ seed: { accounts: [{ issuer: 'Lockbank', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' }] } });

test('after wrong passwords the lock screen counts down, keeps what was typed and unlocks when the wait is over', async ({ app, page }) => {
  await app.open(page);
  await setPasswordInSettings(page, PASSWORD);
  await page.getByRole('button', { name: /Back to codes/ }).click();
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('heading', { name: 'OTP Desk is locked' })).toBeVisible();
  await expect(page.getByText(/nothing (has been|was) changed/)).toHaveCount(0);
  await expect(page.locator('main')).not.toContainText('/');

  const field = page.getByLabel('Vault password');
  const unlock = page.getByRole('button', { name: /^Unlock/ });
  for (const wrong of ['not it', 'not it either']) {
    await expect(unlock).toBeEnabled({ timeout: 5_000 });
    await field.fill(wrong);
    await unlock.click();
    await expect(page.getByTestId('unlock-wait')).toBeVisible();
  }
  // Two wrong tries: a 2 s wait, shown ticking, with the button off until it ends.
  await expect(page.getByTestId('unlock-wait')).toContainText(/try again in [12] s/);
  await expect(unlock).toBeDisabled();
  await field.fill(PASSWORD);
  await field.press('Enter');
  await expect(field).toHaveValue(PASSWORD);
  await expect(page.getByTestId('unlock-wait')).toContainText('try again in 1 s');
  await expect(unlock).toBeEnabled({ timeout: 3_000 });
  await expect(unlock).toHaveText('Unlock');
  await expect(field).toHaveValue(PASSWORD);
  await unlock.click();
  await expect(page.getByRole('button', { name: /Copy code for Lockbank/ })).toBeVisible();
});

test('a weak vault password needs a second, explicit yes, however fast the click', async ({ app, page }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const security = page.getByRole('group', { name: 'Security' });
  await security.getByLabel('New password', { exact: true }).fill('password1');
  await security.getByLabel('Repeat the new password').fill('password1');
  await security.getByRole('button', { name: 'Set password' }).click();
  await expect(security.getByRole('alert')).toContainText('This password is weak');
  await expect(page.getByRole('status', { name: 'Notifications' })).not.toContainText('Vault password set');
  await security.getByRole('button', { name: 'Use this weak password' }).click();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Vault password set');
});

test('Settings: the search box keeps only matching sections, and the jump list reaches each one', async ({ app, page }) => {
  await app.open(page);
  await page.keyboard.press('Control+,');
  const jumps = page.getByRole('navigation', { name: 'Settings sections' }).getByRole('button');
  await expect(jumps.filter({ hasText: 'Desktop' })).toHaveCount(1);
  await expect(jumps.filter({ hasText: 'Security' })).toHaveCount(1);
  const search = page.getByRole('searchbox', { name: 'Search settings' });
  await search.fill('shortcut');
  await expect(page.getByRole('group', { name: 'Desktop' })).toBeVisible();
  await expect(page.getByRole('group', { name: 'Theme' })).toBeHidden();
  await expect(page.getByRole('group', { name: 'Security' })).toBeHidden();
  await search.fill('nothing like this');
  await expect(page.getByText('No setting matches “nothing like this”.')).toBeVisible();
  await search.fill('');
  await jumps.filter({ hasText: 'Recently deleted' }).click();
  await expect(page.getByRole('group', { name: 'Recently deleted' })).toBeInViewport();
  await expect(page.getByRole('group', { name: 'Theme' })).toBeVisible();
});

test('a toast stays with its screen: going somewhere else later leaves it behind', async ({ app, page }) => {
  await app.open(page);
  await expect(page.getByRole('button', { name: /Copy code for Lockbank/ })).toBeVisible();
  await page.keyboard.press('Control+l');
  const toasts = page.getByRole('status', { name: 'Notifications' });
  await expect(toasts).toContainText('Locking needs a vault password');
  await page.waitForTimeout(1_200);
  await page.getByRole('button', { name: 'Import' }).click();
  await expect(toasts).not.toContainText('Locking needs a vault password');
});
