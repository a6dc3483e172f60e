import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { expect, type Browser, type Locator, type Page } from '@playwright/test';
import { openApp, startBridge, stopBridge } from './fixtures';
import { seedVault, type SeedAccount } from './seed';

/** One device: its own vault and bridge, opened in its own browser context. */
export interface Device {
  readonly page: Page;
  readonly vaultDir: string;
  readonly child: ChildProcess;
}

export const tempDir = (prefix: string) => mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), prefix));

export async function startDevice(browser: Browser, accounts: readonly SeedAccount[]): Promise<Device> {
  const vaultDir = tempDir('e2e-sync-vault-');
  if (accounts.length > 0) await seedVault(vaultDir, accounts);
  const { child, url } = await startBridge(vaultDir);
  const page = await (await browser.newContext()).newPage();
  await openApp(page, url);
  return { page, vaultDir, child };
}

/** Closes the device's browser context (its page would otherwise live on in the worker's browser), bridge and vault. */
export async function stopDevice(device: Device): Promise<void> {
  await device.page.context().close();
  await stopBridge(device.child);
  rmSync(device.vaultDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}

/** Opens Settings and returns its Sync fieldset. */
export async function openSync(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  return page.getByRole('group', { name: 'Sync' });
}

export async function backToCodes(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Back to codes/ }).click();
}

/** A screenshot of a fieldset with a margin (its legend sits on the top edge), in `colorScheme`. */
export async function shootFieldset(page: Page, fieldset: Locator, path: string, colorScheme: 'light' | 'dark' = 'light'): Promise<void> {
  await page.emulateMedia({ colorScheme });
  await fieldset.scrollIntoViewIfNeeded();
  const box = (await fieldset.boundingBox())!;
  await page.screenshot({ path, clip: { x: Math.max(0, box.x - 8), y: Math.max(0, box.y - 16), width: box.width + 16, height: box.height + 24 } });
}

/** Adds an account by typing its key in the Add account dialog, and waits for its code. */
export async function addAccountByHand(page: Page, account: { secret: string; issuer: string; account: string }): Promise<void> {
  await page.getByRole('button', { name: 'Add account' }).first().click();
  await page.getByLabel('Secret key or otpauth:// link').fill(account.secret);
  await page.getByLabel('Issuer (service)').fill(account.issuer);
  await page.getByLabel('Account name').fill(account.account);
  await page.getByRole('button', { name: 'Add account' }).last().click();
  await expect(page.getByRole('button', { name: new RegExp(`Copy code for ${account.issuer}`) })).toBeVisible();
}

/** Adds `account` by hand on `from`, runs Sync now there and then on `to`, and waits for its code on `to`. */
export async function addAndSyncAcross(from: Device, to: Device, account: { secret: string; issuer: string; account: string }): Promise<void> {
  await backToCodes(from.page);
  await addAccountByHand(from.page, account);
  await (await openSync(from.page)).getByRole('button', { name: 'Sync now' }).click();
  await (await openSync(to.page)).getByRole('button', { name: 'Sync now' }).click();
  await backToCodes(to.page);
  await expect(to.page.getByRole('button', { name: new RegExp(`Copy code for ${account.issuer}`) })).toBeVisible();
}
