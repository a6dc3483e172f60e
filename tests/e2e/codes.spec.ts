import { expect, test } from './fixtures';
import { grouped, RFC_CODE, RFC_NEXT, RFC_TIME_MS, SMALL_VAULT } from './rfc-accounts';

test.use({ seed: { accounts: SMALL_VAULT }, permissions: ['clipboard-read', 'clipboard-write'] });

const rfcRow = (page: import('@playwright/test').Page) =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /Copy code for RFC/ }) });
const clipboard = (page: import('@playwright/test').Page) =>
  page.evaluate(() => navigator.clipboard.readText());

test('shows the RFC 6238 code and rolls over to the next one at the period boundary', async ({
  app,
  page,
}) => {
  await page.clock.install({ time: RFC_TIME_MS - 10_000 });
  await app.open(page);
  await expect(rfcRow(page).getByTestId('code')).toHaveText(grouped(RFC_CODE));
  await page.clock.pauseAt(RFC_TIME_MS);
  // Screen readers hear the code as the copy button's description.
  await expect(page.getByRole('button', { name: /Copy code for RFC/ })).toHaveAccessibleDescription(
    grouped(RFC_CODE),
  );
  // Every account here has a 30 s period: one countdown above the list serves them all, and
  // the rows themselves stay still between code changes.
  const timer = page.getByRole('timer');
  await expect(timer).toHaveCount(1);
  await expect(rfcRow(page).getByRole('timer')).toHaveCount(0);
  await expect(page.locator('.list-countdown').getByRole('timer')).toHaveAccessibleName(
    '1 second left',
  );
  // The last seconds are marked urgent (red ring), and the mark goes with the new period.
  await expect(timer).toHaveClass(/\burgent\b/);
  await expect(rfcRow(page).getByTestId('code')).toHaveText(grouped(RFC_CODE));
  await page.clock.runFor(2_000);
  await expect(rfcRow(page).getByTestId('code')).toHaveText(grouped(RFC_NEXT));
  await expect(timer).toHaveAccessibleName(/^(29|30) seconds left$/);
  await expect(timer).not.toHaveClass(/\burgent\b/);
});

test.describe('accounts with different periods', () => {
  test.use({
    seed: {
      accounts: [
        ...SMALL_VAULT,
        { issuer: 'Minute', account: 'slow@example.com', secret: 'JBSWY3DPEHPK3PXP', period: 60 },
      ],
    },
  });

  test('each time-based row counts down its own period and the list has no shared countdown', async ({
    app,
    page,
  }) => {
    // Paused 21 s into a minute: 9 s left of the 30 s periods, 39 s of the 60 s one. The clock
    // starts 11.5 s before that, time for the app to open on a busy machine (1.5 s was not on CI).
    await page.clock.install({ time: 1_699_999_990_000 });
    await app.open(page);
    await page.clock.pauseAt(1_700_000_001_500);
    const row = (name: RegExp) =>
      page.getByRole('listitem').filter({ has: page.getByRole('button', { name }) });
    await expect(page.locator('.list-countdown').getByRole('timer')).toHaveCount(0);
    await expect(page.getByRole('timer')).toHaveCount(SMALL_VAULT.length + 1);
    await expect(row(/Copy code for Minute/).getByRole('timer')).toHaveAccessibleName(
      '39 seconds left',
    );
    await expect(row(/Copy code for RFC/).getByRole('timer')).toHaveAccessibleName(
      '9 seconds left',
    );
  });
});

test('copies the code on click, confirms it, and clears the clipboard later only if it still holds the code', async ({
  app,
  page,
}) => {
  await page.clock.install({ time: RFC_TIME_MS - 20_000 });
  await app.open(page);
  await page.getByRole('button', { name: /Copy code for RFC/ }).click();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Copied the code for RFC',
  );
  expect(await clipboard(page)).toBe(RFC_CODE);
  await page.clock.runFor(31_000);
  await expect.poll(() => clipboard(page)).toBe('');

  // Something the user copies afterwards is left alone.
  await page.getByRole('button', { name: /Copy code for RFC/ }).click();
  await expect.poll(() => clipboard(page)).not.toBe('');
  await page.evaluate(() => navigator.clipboard.writeText('my own text'));
  await page.clock.runFor(31_000);
  expect(await clipboard(page)).toBe('my own text');
});

test('shows the next code on hover by default, always or never per the setting', async ({
  app,
  page,
}) => {
  await page.clock.install({ time: RFC_TIME_MS - 20_000 });
  await app.open(page);
  const next = rfcRow(page).getByTestId('next-code');
  await expect(next).toBeHidden();
  await rfcRow(page).hover();
  await expect(next).toBeVisible();
  await expect(next).toContainText(grouped(RFC_NEXT));
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('radio', { name: 'Always' }).check();
  await page.getByRole('button', { name: /Back to codes/ }).click();
  await expect(rfcRow(page).getByTestId('next-code')).toBeVisible();
});

test('keyboard: / searches, arrows and j/k move, Enter copies, Shift+Enter copies the next code', async ({
  app,
  page,
}) => {
  await page.clock.install({ time: RFC_TIME_MS - 20_000 });
  await app.open(page);
  await expect(rfcRow(page).getByTestId('code')).toHaveText(grouped(RFC_CODE));
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search accounts' })).toBeFocused();
  await page.keyboard.type('personal');
  await expect(page.getByRole('listitem')).toHaveCount(2);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: /Copy code for Google/ })).toBeFocused();
  await page.keyboard.press('j');
  await expect(page.getByRole('button', { name: /Copy code for Dropbox/ })).toBeFocused();
  await page.keyboard.press('k');
  await expect(page.getByRole('button', { name: /Copy code for Google/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await page.getByRole('searchbox').focus();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('searchbox')).toHaveValue('');
  await expect(page.getByRole('listitem')).toHaveCount(5);
  // Esc in an empty search hands the keys back to the list; / searches again.
  await expect(page.getByRole('searchbox')).not.toBeFocused();
  await page.keyboard.press('/');

  await page.keyboard.type('rfc');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect.poll(() => clipboard(page)).toBe(RFC_CODE);
  await page.keyboard.press('Shift+Enter');
  await expect.poll(() => clipboard(page)).toBe(RFC_NEXT);
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Copied the next code for RFC',
  );
});

test('search matches issuer, account and group, and says when nothing matches', async ({
  app,
  page,
}) => {
  await app.open(page);
  const search = page.getByRole('searchbox', { name: 'Search accounts' });
  await search.fill('octocat');
  await expect(page.getByRole('listitem')).toHaveCount(1);
  await expect(page.getByRole('listitem')).toContainText('GitHub');
  await search.fill('work');
  await expect(page.getByRole('listitem')).toHaveCount(2);
  await search.fill('nothing like this');
  await expect(page.getByText('No account matches')).toBeVisible();
  await page.keyboard.press('Control+f');
  await expect(search).toBeFocused();
});
