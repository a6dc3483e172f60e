import { expect, screenshotPath, test } from './fixtures';
import { REALISTIC } from './realistic-vault';

test.use({ seed: { accounts: REALISTIC }, viewport: { width: 520, height: 860 } });

for (const scheme of ['light', 'dark'] as const) {
  test(`screenshot of a realistic vault (${scheme})`, async ({ app, page }) => {
    await page.emulateMedia({ colorScheme: scheme });
    // 2023-11-14T22:13:38Z: a calm moment, 22 s left in the period.
    await page.clock.install({ time: 1_700_000_008_000 });
    await app.open(page);
    await page.clock.pauseAt(1_700_000_018_500);
    await expect(page.getByRole('list', { name: /Accounts, 26/ })).toBeVisible();
    await expect(page.getByRole('timer').first()).toHaveAccessibleName('22 seconds left');
    // A user who keeps the window open has answered the backup prompt; the codes are the subject here.
    const notNow = page.getByRole('button', { name: 'Not now' });
    if (await notNow.isVisible()) await notNow.click();
    await page.getByRole('listitem').nth(2).hover();
    await page.screenshot({ path: screenshotPath(`codes-${scheme}.png`) });
  });
}

test('screenshot of the two-code view an AWS enrolment uses (light)', async ({ app, page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.clock.install({ time: 1_700_000_008_000 });
  await app.open(page);
  await page.clock.pauseAt(1_700_000_018_500);
  const notNow = page.getByRole('button', { name: 'Not now' });
  if (await notNow.isVisible()) await notNow.click();
  await page.getByRole('button', { name: /Copy code for Amazon Web Services/ }).focus();
  await page.keyboard.press('t');
  await page.keyboard.press('Enter');
  await page.clock.runFor(4_000);
  await expect(page.getByTestId('pair-status')).toContainText(/Pair taken [34] s ago/);
  await page.screenshot({
    path: screenshotPath('two-codes.png'),
    clip: { x: 0, y: 0, width: 520, height: 420 },
  });
});
