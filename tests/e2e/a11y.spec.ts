import { seriousAxeViolations as seriousViolations } from './axe';
import { expect, test } from './fixtures';
import { SMALL_VAULT } from './rfc-accounts';

test.use({ seed: { accounts: SMALL_VAULT } });

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds no serious or critical violations in the main views (${scheme})`, async ({
    app,
    page,
  }) => {
    test.setTimeout(90_000);
    await page.emulateMedia({ colorScheme: scheme });
    await app.open(page);
    await expect(page.getByRole('list', { name: /Accounts/ })).toBeVisible();
    await page.getByRole('listitem').first().hover();
    expect(await seriousViolations(page), 'codes list').toEqual([]);

    await page.keyboard.press('?');
    await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
    expect(await seriousViolations(page), 'help overlay').toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /Copy code for GitHub/ }).focus();
    await page.keyboard.press('e');
    await expect(page.getByRole('dialog', { name: /Edit GitHub/ })).toBeVisible();
    expect(await seriousViolations(page), 'edit dialog').toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: /Copy code for GitHub/ }).focus();
    await page.keyboard.press('t');
    await expect(page.getByRole('heading', { name: /Two consecutive codes/ })).toBeVisible();
    expect(await seriousViolations(page), 'two codes view').toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Add account' }).click();
    expect(await seriousViolations(page), 'add form').toEqual([]);
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByLabel(/Check the system clock/).check();
    expect(await seriousViolations(page), 'settings').toEqual([]);
  });
}

test.describe('first run', () => {
  test.use({ seed: { accounts: [] } });
  test('axe finds no serious or critical violations in the empty state', async ({ page, app }) => {
    await app.open(page);
    await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
  });
});

test('reduced motion stops the toast animation; forced colours show every row action', async ({
  app,
  page,
}) => {
  // The countdown never animates (it steps once a second); the toast slides in unless motion is reduced.
  // The toast of each copy replaces the last one; read the style of the one on screen (a copy that
  // lands while the old toast leaves would otherwise read a detached element's empty style).
  const copyAndReadToastAnimation = async () => {
    await page
      .getByRole('button', { name: /^Copy code for / })
      .first()
      .click();
    const toast = page.locator('.toast').last();
    await expect(toast).toBeVisible();
    return () => toast.evaluate((el) => (el.isConnected ? getComputedStyle(el).animationName : 'detached'));
  };
  await app.open(page);
  await expect.poll(await copyAndReadToastAnimation()).toBe('toast-in');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await expect.poll(await copyAndReadToastAnimation()).toBe('none');
  await page.emulateMedia({ reducedMotion: 'no-preference', forcedColors: 'active' });
  expect(
    await page
      .locator('.row-actions')
      .first()
      .evaluate((el) => getComputedStyle(el).opacity),
  ).toBe('1');
});
