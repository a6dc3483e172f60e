import { expect, test } from './fixtures';
import { referenceTotp } from '../support/reference-totp';
import { manyAccounts } from './seed';

const ACCOUNTS = manyAccounts(1000);
test.use({ seed: { accounts: ACCOUNTS }, permissions: ['clipboard-read', 'clipboard-write'] });

test('1000 accounts: only a screenful of rows is in the DOM, End and scrolling reach the last, and it copies', async ({
  app,
  page,
}) => {
  const at = 1_699_999_980; // the start of a 30 s period
  await page.clock.install({ time: at * 1000 + 2_000 });
  await app.open(page);
  await page.clock.pauseAt(at * 1000 + 10_000);
  await expect(page.getByRole('list', { name: 'Accounts, 1000' })).toBeVisible();
  const rendered = await page.getByRole('listitem').count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(40);

  await page.getByRole('button', { name: /Copy code for Service 0000/ }).focus();
  await page.keyboard.press('End');
  const last = page.getByRole('button', { name: 'Copy code for Service 0999 user999@example.com' });
  await expect(last).toBeFocused();
  await expect(page.getByRole('listitem').filter({ has: last })).toHaveAttribute(
    'aria-posinset',
    '1000',
  );
  await page.keyboard.press('Enter');
  const copied = await expect
    .poll(() => page.evaluate(() => navigator.clipboard.readText()))
    .toMatch(/^\d{6}$/)
    .then(() => page.evaluate(() => navigator.clipboard.readText()));
  expect(copied).toBe(referenceTotp(ACCOUNTS[999]!.secret, at + 10));

  // Scroll with the wheel to the middle: the rows there are rendered and show codes.
  await page
    .getByRole('list', { name: 'Accounts, 1000' })
    .evaluate((el) => (el.parentElement!.scrollTop = 500 * 68));
  await expect(page.getByRole('button', { name: /Copy code for Service 0500/ })).toBeVisible();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Service 0500' }).getByTestId('code'),
  ).toHaveText(/^\d{3} \d{3}$/);
  expect(await page.getByRole('listitem').count()).toBeLessThan(40);

  // Search across all 1000.
  await page.getByRole('searchbox').fill('user777@');
  await expect(page.getByRole('listitem')).toHaveCount(1);
});
