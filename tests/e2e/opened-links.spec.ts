import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { AuthenticatorService } from '../../electron/service';
import { KeytarKeyStore } from '../../electron/vault/keychain-keytar.node';
import { expect, startBridge, stopBridge, test } from './fixtures';
import { seedVault } from './seed';

// An otpauth:// link opened from the OS reaches the window through main's link inbox; the
// bridge's /__bridge/open-link stands in for the OS handing it over.
const LINK = 'otpauth://totp/Linkco:frank?secret=JBSWY3DPEHPK3PXQ&issuer=Linkco';

async function openLink(url: string, link: string, page: Page) {
  const token = new URL(url).hash.replace('#token=', '');
  const response = await page.request.post(new URL('/__bridge/open-link', url).toString(), {
    headers: { 'x-bridge-token': token },
    data: link,
  });
  return (await response.json()) as { show: string };
}
const found = (page: Page) =>
  page.getByRole('list', { name: 'Accounts found' }).getByRole('listitem');

test('an opened link shows the import review and adds nothing until confirmed', async ({
  app,
  page,
}) => {
  await app.open(page);
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  expect(await openLink(app.url, LINK, page)).toEqual({ show: 'review' });
  await expect(found(page)).toHaveCount(1);
  await expect(found(page)).toContainText('Linkco / frank');
  await expect(found(page)).toContainText('from Opened link');
  expect(
    await page.evaluate(
      async () =>
        (
          await (
            window as unknown as {
              otpDesk: { accounts: { list(): Promise<{ value: unknown[] }> } };
            }
          ).otpDesk.accounts.list()
        ).value,
    ),
  ).toEqual([]);
});

test('a malformed link is a message, and nothing is added', async ({ app, page }) => {
  await app.open(page);
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  await openLink(app.url, 'otpauth://totp/Linkco:frank?issuer=Linkco', page);
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'was not imported',
  );
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
});

test('a link opened while locked asks to unlock first, then shows the review', async ({ page }) => {
  const vaultDir = mkdtempSync(
    join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'e2e-link-lock-'),
  );
  await seedVault(vaultDir, [{ issuer: 'Existing', account: 'me', secret: 'MFRGGZDFMZTWQ2LK' }]);
  const service = await AuthenticatorService.open(vaultDir, new KeytarKeyStore());
  await service.vaultHandle.setPassword('link password 42');
  const { child, url } = await startBridge(vaultDir);
  try {
    await page.goto(url);
    await page.evaluate(() =>
      (
        window as unknown as { otpDesk: { vault: { lock(): Promise<unknown> } } }
      ).otpDesk.vault.lock(),
    );
    await page.reload();
    await expect(page.getByRole('heading', { name: 'OTP Desk is locked' })).toBeVisible();
    expect(await openLink(url, LINK, page)).toEqual({
      show: 'unlock-first',
      message: expect.stringMatching(/Unlock/),
    });
    await expect(
      page.getByText('A link you opened is waiting. Unlock OTP Desk to review it'),
    ).toBeVisible();
    await page.getByLabel('Vault password').fill('link password 42');
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(found(page)).toHaveCount(1);
    await expect(found(page)).toContainText('Linkco / frank');
  } finally {
    await stopBridge(child);
    rmSync(vaultDir, { recursive: true, force: true });
  }
});
