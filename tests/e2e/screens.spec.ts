import { expect, test } from './fixtures';
import { SMALL_VAULT } from './rfc-accounts';

test.use({ seed: { accounts: SMALL_VAULT }, viewport: { width: 480, height: 480 } });

test('each screen opens at its top, whatever the last one was scrolled to', async ({
  app,
  page,
}) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const main = page.locator('main');
  await main.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  expect(await main.evaluate((el) => el.scrollTop)).toBeGreaterThan(100);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Backups', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2 }).first()).toBeInViewport();
  expect(await page.locator('main').evaluate((el) => el.scrollTop)).toBe(0);
  expect(await page.evaluate(() => document.scrollingElement?.scrollTop ?? 0)).toBe(0);
});

test('the backup nudge shows on the codes list, not over adding an account or two codes', async ({
  app,
  page,
}) => {
  await app.open(page);
  const nudge = page.getByRole('button', { name: 'Set up backups' });
  await expect(nudge).toBeVisible();
  await page.keyboard.press('Control+n');
  await expect(page.getByRole('heading', { name: 'Add an account' })).toBeVisible();
  await expect(nudge).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(nudge).toBeVisible();
  await page.keyboard.press('t');
  await expect(page.getByRole('heading', { name: /Two consecutive codes/ })).toBeVisible();
  await expect(nudge).toHaveCount(0);
});

test('full names: a cut-off name shows whole on hover and focus, and wraps before it is cut', async ({
  app,
  page,
}) => {
  await app.open(page);
  const row = page.getByRole('button', { name: /Copy code for Amazon Web Services root@acme/ });
  await expect(row).toHaveAttribute('title', 'Amazon Web Services (root@acme)');
  // The issuer wraps onto a second line rather than ending in an ellipsis at 480 px.
  const issuer = row.locator('.issuer');
  const lines = await issuer.evaluate((el) =>
    Math.round(el.getBoundingClientRect().height / parseFloat(getComputedStyle(el).lineHeight)),
  );
  expect(lines).toBeLessThanOrEqual(2);
  expect(await issuer.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
});

test('"Read links" says which lines were not links, and what to do when none is', async ({
  app,
  page,
}) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  const box = page.getByLabel(/Or paste otpauth/);
  await box.fill('just some words');
  await page.getByRole('button', { name: 'Read links' }).click();
  await expect(page.getByRole('alert')).toContainText('No link found');
  await box.fill(
    'otpauth://totp/Linkco:frank?secret=JBSWY3DPEHPK3PXQ&issuer=Linkco\nnot a link\n\nhttps://example.com',
  );
  await page.getByRole('button', { name: 'Read links' }).click();
  await expect(page.getByRole('heading', { name: 'Check before saving' })).toBeVisible();
  await expect(page.getByRole('alert', { name: 'Problems' })).toContainText(
    'Lines 2, 4 are not an otpauth:// link and were left out.',
  );
});

test('loading the app asks for nothing that is not there (no favicon 404)', async ({
  app,
  page,
}) => {
  const missing: string[] = [];
  page.on('response', (r) => r.status() >= 400 && missing.push(`${r.status()} ${r.url()}`));
  await app.open(page);
  await expect(page.getByRole('list', { name: /Accounts/ })).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(missing).toEqual([]);
});

test.describe('first run', () => {
  test.use({ seed: { accounts: [] }, viewport: { width: 480, height: 780 } });

  test('the welcome screen offers three ways to add, spaced apart, and the vault password', async ({
    app,
    page,
  }) => {
    await app.open(page);
    await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
    for (const way of ['Paste the key', 'Use a QR screenshot', 'Scan the screen'])
      await expect(page.getByRole('heading', { name: way })).toBeVisible();
    await expect(page.getByText(/Drop the screenshot or photo on this window/)).toBeVisible();
    // No two buttons touch: each is 8 px or more from the one before it, below or beside it.
    const boxes = await page
      .locator('.empty-state button')
      .evaluateAll((els) => els.map((el) => el.getBoundingClientRect().toJSON() as DOMRect));
    for (let i = 1; i < boxes.length; i++)
      expect(
        Math.max(boxes[i]!.top - boxes[i - 1]!.bottom, boxes[i]!.left - boxes[i - 1]!.right),
        `gap before button ${i + 1}`,
      ).toBeGreaterThanOrEqual(8);
    await page.getByRole('button', { name: 'Set a vault password…' }).click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  });
});

test('after an export the section says what was written, with a way to export again', async ({
  app,
  page,
}) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Backups', exact: true }).click();
  await page.getByLabel('Format').selectOption('uris');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: /^Export 5 accounts/ }).click();
  await download;
  await expect(page.locator('.export-summary')).toContainText('Exported 5 accounts as');
  await expect(page.locator('.export-summary')).toContainText('Saved as ');
  await page.getByRole('button', { name: 'Export again' }).click();
  await expect(page.getByLabel('Format')).toBeVisible();
});

test('Advanced fields in the add form have room between them', async ({ app, page }) => {
  await app.open(page);
  await page.keyboard.press('Control+n');
  await page.getByText('Advanced').click();
  const gap = await page.evaluate(() => {
    const type = document.querySelector('.advanced select')!.getBoundingClientRect();
    const next = [...document.querySelectorAll('.advanced label')][1]!.getBoundingClientRect();
    // Either side by side (wide) or stacked (narrow): never touching.
    return next.top >= type.bottom ? next.top - type.bottom : next.left - type.right;
  });
  expect(gap).toBeGreaterThanOrEqual(8);
});

test.describe('a long name', () => {
  test.use({
    seed: {
      accounts: [
        {
          issuer: 'Amazon Web Services GovCloud (US-West) Production',
          account: 'root-account-mfa-device@acme-production-eu-central-1',
          secret: 'JBSWY3DPEHPK3PXP',
        },
      ],
    },
  });

  test('is shown whole on keyboard focus and as the hover tooltip', async ({ app, page }) => {
    await app.open(page);
    const row = page.getByRole('button', { name: /Copy code for Amazon Web Services GovCloud/ });
    await expect(row).toHaveAttribute(
      'title',
      'Amazon Web Services GovCloud (US-West) Production (root-account-mfa-device@acme-production-eu-central-1)',
    );
    await expect(row).toBeFocused();
    await page.keyboard.press('End'); // a key press: keyboard focus shows (:focus-visible)
    for (const part of ['.issuer', '.account']) {
      const cut = await row
        .locator(part)
        .evaluate(
          (el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1,
        );
      expect(cut, `${part} cut short on focus`).toBe(false);
    }
  });
});
