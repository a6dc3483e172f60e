import type { Page } from '@playwright/test';
import { expect, test, type BridgeApp } from './fixtures';
import { grouped, RFC_CODE, RFC_NEXT, RFC_TIME_MS, SMALL_VAULT } from './rfc-accounts';

// RFC_TIME_MS is second 29 of its 30 s step T: RFC_CODE is T's code, RFC_NEXT is T+1's.
test.use({ seed: { accounts: SMALL_VAULT }, permissions: ['clipboard-read', 'clipboard-write'] });

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const status = (page: Page) => page.getByTestId('pair-status');

/** Opens the app 20 s before RFC_TIME_MS, pauses its clock at `pausedAt`, and opens RFC's pair with T. */
async function openPairForRfc(app: BridgeApp, page: Page, pausedAt: number) {
  await page.clock.install({ time: RFC_TIME_MS - 20_000 });
  await app.open(page);
  await page.clock.pauseAt(pausedAt);
  await page.getByRole('button', { name: /Copy code for RFC/ }).focus();
  await page.keyboard.press('t');
  await expect(page.getByRole('heading', { name: /Two consecutive codes for RFC/ })).toBeVisible();
}

/** The pair view shows `first` and `second`, grouped as on screen. */
async function expectPair(page: Page, first: string, second: string) {
  await expect(page.getByTestId('pair-first')).toHaveText(grouped(first));
  await expect(page.getByTestId('pair-second')).toHaveText(grouped(second));
}

test('the pair stays consecutive across a period boundary: first copied at second 29, second at second 31', async ({
  app,
  page,
}) => {
  await openPairForRfc(app, page, RFC_TIME_MS - 10_000);
  // The view starts on "Copy first code", so Enter copies it.
  await expect(page.getByRole('button', { name: 'Copy first code' })).toBeFocused();
  await expectPair(page, RFC_CODE, RFC_NEXT);
  await expect(status(page)).toContainText('Both codes are good for 11 s more');

  await page.clock.runFor(10_000); // second 29 of step T
  await page.keyboard.press('Enter');
  await expect.poll(() => clipboard(page)).toBe(RFC_CODE);
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Copied the first code for RFC (vector@example.com)',
  );

  await page.clock.runFor(2_000); // second 1 of step T+1: the list's codes have rolled over
  await expectPair(page, RFC_CODE, RFC_NEXT);
  await page.getByRole('button', { name: 'Copy second code' }).click();
  await expect.poll(() => clipboard(page)).toBe(RFC_NEXT);
  await expect(status(page)).toContainText('Pair taken 12 s ago');
  await expect(status(page)).toContainText('Most services accept this pair for 29 s more');
  await expect(status(page)).not.toHaveClass(/urgent/);

  // N takes a fresh pair: now step T+1 is current, so its first code is the old second.
  await page.keyboard.press('n');
  await expect(page.getByTestId('pair-first')).toHaveText(grouped(RFC_NEXT));
  await expect(status(page)).toContainText('Pair taken 0 s ago');
});

test('opened with a second left, the view takes the pair that starts next and stays calm', async ({ app, page }) => {
  await openPairForRfc(app, page, RFC_TIME_MS - 200); // second 28.8 of step T
  await expect(page.getByTestId('pair-first')).toHaveText(grouped(RFC_NEXT));
  // The pair came from main after the view opened: focus still lands on "Copy first code".
  await expect(page.getByRole('button', { name: 'Copy first code' })).toBeFocused();
  await expect(status(page)).toContainText('This pair starts in 2 s');
  await page.clock.runFor(3_000);
  await expect(status(page)).toContainText('Both codes are good for 29 s more');
  await expect(status(page)).not.toHaveClass(/urgent/);
});

test('an expired pair says so, cannot be copied, and one key gives a fresh pair', async ({
  app,
  page,
}) => {
  await openPairForRfc(app, page, RFC_TIME_MS - 5_000);
  await page.clock.runFor(40_000); // past the end of step T+1
  await expect(status(page)).toContainText('This pair has expired. Press N for a new pair.');
  await expect(page.getByRole('button', { name: 'Copy first code' })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Copy both' })).toBeDisabled();
  await page.keyboard.press('1');
  expect(await clipboard(page)).not.toBe(RFC_CODE);
  await page.getByRole('button', { name: 'New pair' }).press('Enter');
  await expect(page.getByTestId('pair-first')).not.toHaveText(grouped(RFC_CODE));
  await expect(page.getByTestId('pair-first')).not.toHaveText(grouped(RFC_NEXT));
  await expect(page.getByRole('button', { name: 'Copy first code' })).toBeEnabled();
  await expect(page.getByRole('button', { name: 'Copy first code' })).toBeFocused();
  await expect(status(page)).toContainText('Both codes are good');
});

test('copy both puts the two codes on two lines; Esc returns focus to the row it came from', async ({
  app,
  page,
}) => {
  await openPairForRfc(app, page, RFC_TIME_MS - 10_000);
  await page.keyboard.press('b');
  await expect.poll(() => clipboard(page)).toBe(`${RFC_CODE}\n${RFC_NEXT}`);
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Copied both codes for RFC (vector@example.com)',
  );
  await page.keyboard.press('2');
  await expect.poll(() => clipboard(page)).toBe(RFC_NEXT);
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /Copy code for RFC/ })).toBeFocused();
});

test('the two-code button has its own label in the row and in the help', async ({ app, page }) => {
  await app.open(page);
  const row = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /Copy code for RFC/ }) });
  await row.hover();
  const button = row.getByRole('button', { name: /Two codes \(AWS\)/ });
  await expect(button).toBeVisible();
  await expect(button).toHaveAttribute('title', /Two codes \(AWS\)/);
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toContainText(
    'Two codes (AWS)',
  );
});

test('the row context menu offers Two codes (AWS), by right click or Shift+F10', async ({
  app,
  page,
}) => {
  await app.open(page);
  const rfc = page.getByRole('button', { name: /Copy code for RFC/ });
  await rfc.click({ button: 'right' });
  const menu = page.getByRole('menu', { name: 'Actions for RFC (vector@example.com)' });
  await expect(menu.getByRole('menuitem', { name: /Two codes \(AWS\)/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(rfc).toBeFocused();

  await page.keyboard.press('Shift+F10');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(menu.getByRole('menuitem', { name: /Two codes \(AWS\)/ })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: /Two consecutive codes for RFC/ })).toBeVisible();
});
