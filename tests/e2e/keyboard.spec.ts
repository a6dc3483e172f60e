import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { RFC_TIME_MS, SMALL_VAULT } from './rfc-accounts';

test.use({ seed: { accounts: SMALL_VAULT }, permissions: ['clipboard-read', 'clipboard-write'] });

const clipboard = (page: Page) => page.evaluate(() => navigator.clipboard.readText());
const focusedRowName = (page: Page) =>
  page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

/** Counts every mouse event the page sees, to prove a flow needed none. */
async function countMouseEvents(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { mouseEvents: number };
    w.mouseEvents = 0;
    for (const type of ['mousedown', 'mouseup', 'click', 'pointerdown', 'contextmenu'])
      window.addEventListener(
        type,
        (e) => {
          // Enter or Space on a button fires a synthetic click with no pointer: not a mouse event.
          if (!(e instanceof MouseEvent) || e.detail > 0 || type !== 'click') w.mouseEvents++;
        },
        true,
      );
  });
  return () => page.evaluate(() => (window as unknown as { mouseEvents: number }).mouseEvents);
}

test('a fresh window: the list has focus, so arrows, j/k and Home move at once', async ({
  app,
  page,
}) => {
  await app.open(page);
  await expect(page.getByRole('button', { name: /Copy code for RFC/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('button', { name: /Copy code for GitHub/ })).toBeFocused();
  await page.keyboard.press('j');
  await expect(page.getByRole('button', { name: /Copy code for Google/ })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByRole('button', { name: /Copy code for RFC/ })).toBeFocused();
  await page.keyboard.press('End');
  await expect(page.getByRole('button', { name: /Copy code for Amazon/ })).toBeFocused();
});

test('Esc clears the search, and with the search empty returns the keys to the list', async ({
  app,
  page,
}) => {
  await app.open(page);
  await expect(page.getByRole('button', { name: /Copy code for RFC/ })).toBeFocused();
  const search = page.getByRole('searchbox', { name: 'Search accounts' });
  await page.keyboard.press('/');
  await page.keyboard.type('goo');
  await page.keyboard.press('Escape');
  await expect(search).toHaveValue('');
  await expect(search).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('button', { name: /Copy code for RFC/ })).toBeFocused();
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(search).toHaveValue('');
  await expect(page.getByRole('button', { name: /Copy code for Google/ })).toBeFocused();
  await page.keyboard.press('t');
  await expect(
    page.getByRole('heading', { name: /Two consecutive codes for Google/ }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Copy first code' })).toBeFocused();
});

test('keyboard only: add from a pasted key, find it, copy both of its two codes and come back', async ({
  app,
  page,
}) => {
  await page.clock.install({ time: RFC_TIME_MS - 20_000 });
  await app.open(page);
  const mouseEvents = await countMouseEvents(page);
  await page.evaluate(() => navigator.clipboard.writeText('nbsw y3dp ehpk 3pxp'));
  await page.keyboard.press('Control+v');
  await expect(page.getByRole('heading', { name: 'Add an account' })).toBeVisible();
  await expect(page.getByLabel('Key as read')).toContainText('NBSW Y3DP EHPK 3PXP');
  // The pasted key is complete: focus moves on to what is still missing.
  await expect(page.getByLabel('Issuer (service)')).toBeFocused();
  await page.keyboard.type('Keyboard Co');
  await page.keyboard.press('Tab');
  await page.keyboard.type('kim@example.com');
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Added Keyboard Co (kim@example.com)',
  );

  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Search accounts' })).toBeFocused();
  await page.keyboard.type('keyboard');
  await page.keyboard.press('ArrowDown');
  const row = page.getByRole('button', { name: /Copy code for Keyboard Co/ });
  await expect(row).toBeFocused();
  const code = (await row.getByTestId('code').innerText()).replace(/\s/g, '');
  await page.keyboard.press('t');
  await expect(page.getByRole('button', { name: 'Copy first code' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect.poll(() => clipboard(page)).toBe(code);
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: 'Copy second code' })).toBeFocused();
  await page.keyboard.press('Enter');
  const second = (await page.getByTestId('pair-second').innerText()).replace(/\s/g, '');
  await expect.poll(() => clipboard(page)).toBe(second);
  expect(second).not.toBe(code);
  await page.keyboard.press('Escape');
  await expect(row).toBeFocused();
  expect(await mouseEvents()).toBe(0);
});

test('every dialog keeps Tab inside and gives focus back to the row it was opened from', async ({
  app,
  page,
}) => {
  await app.open(page);
  const github = page.getByRole('button', { name: /Copy code for GitHub/ });
  await expect(page.getByRole('button', { name: /Copy code for RFC/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(github).toBeFocused();

  for (const [key, name] of [
    ['?', 'Keyboard shortcuts'],
    ['e', 'Edit GitHub (octocat)'],
    ['Delete', 'Delete GitHub (octocat)?'],
  ] as const) {
    await page.keyboard.press(key);
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    for (let i = 0; i < 14; i++) {
      await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
      expect(
        await dialog.evaluate((d) => d.contains(document.activeElement)),
        `${name}: focus left the dialog after ${i + 1} Tabs`,
      ).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(github, `focus back on the row after ${name}`).toBeFocused();
  }

  // Deleting the focused account hands focus to the row that takes its place.
  await page.keyboard.press('Delete');
  await page
    .getByRole('dialog', { name: /Delete GitHub/ })
    .getByRole('button', { name: 'Delete' })
    .press('Enter');
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Deleted GitHub (octocat)',
  );
  expect(await focusedRowName(page)).toMatch(/Copy code for Google/);
});
