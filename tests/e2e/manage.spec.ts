import { expect, test } from './fixtures';
import { callMain, storedSettings } from './main-api';
import { SMALL_VAULT } from './rfc-accounts';

test.use({ seed: { accounts: SMALL_VAULT } });

const names = (page: import('@playwright/test').Page) =>
  page.locator('.account-row .issuer').allInnerTexts();

test('edit changes issuer, account, group and favourite; the favourite is pinned to the top', async ({
  app,
  page,
}) => {
  await app.open(page);
  await page.getByRole('button', { name: /Copy code for Dropbox/ }).focus();
  await page.keyboard.press('e');
  const dialog = page.getByRole('dialog', { name: 'Edit Dropbox' });
  await dialog.getByLabel('Issuer (service)').fill('Dropbox Business');
  await dialog.getByLabel('Account name').fill('team@acme.test');
  await dialog.getByLabel('Group').fill('Work');
  await dialog.getByLabel(/Favourite/).check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect
    .poll(() => names(page))
    .toEqual(['★ Dropbox Business', 'RFC', 'GitHub', 'Google', 'Amazon Web Services']);
  await page.getByRole('button', { name: 'Work', exact: true }).click();
  await expect(page.getByRole('listitem')).toHaveCount(3);
  // Survives a reload: it was saved in the vault, not only on screen.
  await page.reload();
  await expect(
    page.getByRole('button', { name: 'Copy code for Dropbox Business team@acme.test' }),
  ).toBeVisible();
});

test('delete asks first, then offers undo, and undo brings the account back in its place', async ({
  app,
  page,
}) => {
  await app.open(page);
  await page.getByRole('button', { name: /Copy code for GitHub/ }).focus();
  await page.keyboard.press('Delete');
  const confirm = page.getByRole('dialog', { name: /Delete GitHub/ });
  await expect(confirm).toBeVisible();
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByRole('listitem')).toHaveCount(5);

  await page.getByRole('button', { name: /Copy code for GitHub/ }).focus();
  await page.keyboard.press('Delete');
  await page
    .getByRole('dialog', { name: /Delete GitHub/ })
    .getByRole('button', { name: 'Delete' })
    .click();
  await expect(page.getByRole('listitem')).toHaveCount(4);
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText('Deleted GitHub');
  await page
    .getByRole('status', { name: 'Notifications' })
    .getByRole('button', { name: 'Undo' })
    .click();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Restored GitHub',
  );
  await expect
    .poll(() => names(page))
    .toEqual(['RFC', 'GitHub', 'Google', 'Dropbox', 'Amazon Web Services']);
});

test('a delete whose undo window is cut short by closing the window can be restored from Settings', async ({
  app,
  page,
}) => {
  await app.open(page);
  await page.getByRole('button', { name: /Copy code for Google/ }).focus();
  await page.keyboard.press('Delete');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('listitem')).toHaveCount(4);
  await page.reload(); // the window closed during the undo window
  await expect(page.getByRole('listitem')).toHaveCount(4);
  await page.getByRole('button', { name: 'Settings' }).click();
  const deleted = page.getByRole('list', { name: 'Recently deleted accounts' });
  await expect(deleted).toContainText('Google');
  await deleted.getByRole('button', { name: 'Restore Google' }).click();
  await expect(page.getByText('Nothing deleted in the last 30 days.')).toBeVisible();
  await page.getByRole('button', { name: /Back to codes/ }).click();
  await expect
    .poll(() => names(page))
    .toEqual(['RFC', 'GitHub', 'Google', 'Dropbox', 'Amazon Web Services']);
});

test('Ctrl+Z undoes a delete; Alt+arrows move an account in the manual order', async ({
  app,
  page,
}) => {
  await app.open(page);
  await page.getByRole('button', { name: /Copy code for Google/ }).focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect
    .poll(() => names(page))
    .toEqual(['RFC', 'Google', 'GitHub', 'Dropbox', 'Amazon Web Services']);
  await expect(page.getByRole('button', { name: /Copy code for Google/ })).toBeFocused();
  await page.keyboard.press('Delete');
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('listitem')).toHaveCount(4);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('listitem')).toHaveCount(5);
  await page.reload();
  await expect
    .poll(() => names(page))
    .toEqual(['RFC', 'Google', 'GitHub', 'Dropbox', 'Amazon Web Services']);
});

test('sorting by name and the help overlay listing the shortcuts', async ({ app, page }) => {
  await app.open(page);
  await page.getByLabel('Sort').selectOption('name');
  await expect
    .poll(() => names(page))
    .toEqual(['Amazon Web Services', 'Dropbox', 'GitHub', 'Google', 'RFC']);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Copy the next code');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('drag and drop sets the manual order, which survives a reload', async ({ app, page }) => {
  await app.open(page);
  const row = (name: string) => page.getByRole('listitem').filter({ hasText: name });
  await row('Dropbox').dragTo(row('RFC'));
  await expect
    .poll(() => names(page))
    .toEqual(['Dropbox', 'RFC', 'GitHub', 'Google', 'Amazon Web Services']);
  // The list moves at once; reload only once main has stored the order.
  await expect
    .poll(async () => (await callMain<{ issuer: string }[]>(page, 'accounts', 'list')).map((a) => a.issuer))
    .toEqual(['Dropbox', 'RFC', 'GitHub', 'Google', 'Amazon Web Services']);
  await page.reload();
  await expect
    .poll(() => names(page))
    .toEqual(['Dropbox', 'RFC', 'GitHub', 'Google', 'Amazon Web Services']);
});

test('theme and density follow the settings, and are kept', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await app.open(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Dark' }).check();
  await page.getByRole('radio', { name: 'Compact' }).check();
  await expect(page.locator('html')).toHaveAttribute('data-density', 'compact');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  // The page shows both at once; reload only once main has stored them.
  await expect
    .poll(async () => {
      const { theme, density } = await storedSettings(page);
      return { theme, density };
    })
    .toEqual({ theme: 'dark', density: 'compact' });
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('data-density', 'compact');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(18, 20, 25)');
});
