import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from './fixtures';
import { grouped, RFC_CODE, RFC_NEXT, RFC_TIME_MS, SMALL_VAULT } from './rfc-accounts';

test.use({ seed: { accounts: SMALL_VAULT } });

const rfcCode = (page: import('@playwright/test').Page) =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /Copy code for RFC/ }) })
    .getByTestId('code');

test('a manual clock offset moves every code to the corrected time', async ({ app, page }) => {
  // The clock starts at the first second of RFC's step: 14 s for the app to open on a busy machine.
  await page.clock.install({ time: RFC_TIME_MS - 29_000 });
  await app.open(page);
  await page.clock.pauseAt(RFC_TIME_MS - 15_000);
  await expect(rfcCode(page)).toHaveText(grouped(RFC_CODE));
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel(/Clock offset/).fill('30');
  await page.getByRole('button', { name: /Back to codes/ }).click();
  await expect(rfcCode(page)).toHaveText(grouped(RFC_NEXT));
});

test.describe('clock check against a server the user sets', () => {
  let server: Server;
  let url = '';
  test.beforeAll(async () => {
    // A tiny local server whose clock runs two minutes ahead of this machine's.
    server = createServer((_req, res) => {
      res.setHeader('Date', new Date(Date.now() + 120_000).toUTCString());
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  });
  test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('is off until enabled, then warns that the clock is behind and offers the offset', async ({
    app,
    page,
  }) => {
    await app.open(page);
    await expect(page.getByRole('alert')).toHaveCount(0);
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByRole('button', { name: 'Check now' })).toBeDisabled();
    await page.getByLabel('Time server').fill(url);
    await page.getByLabel('Time server').blur();
    await page.getByLabel(/Check the system clock/).check();
    await expect(page.getByTestId('clock-check')).toHaveText(
      /Your clock is (119|120|121) s behind 127\.0\.0\.1/,
    );
    await page.getByRole('button', { name: /Back to codes/ }).click();
    const banner = page.getByRole('alert').filter({ hasText: 'behind' });
    await expect(banner).toBeVisible();
    await banner.getByRole('button', { name: 'Use this offset' }).click();
    await expect(banner).toBeHidden();
    await page.getByRole('button', { name: 'Settings' }).click();
    await expect(page.getByLabel(/Clock offset/)).toHaveValue(/^(119|120|121)$/);
  });
});
