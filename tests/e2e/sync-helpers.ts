import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { Browser, Locator, Page } from '@playwright/test';
import { startBridge } from './fixtures';
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
  await page.goto(url);
  return { page, vaultDir, child };
}

export function stopDevice(device: Device): void {
  device.child.kill('SIGTERM');
  rmSync(device.vaultDir, { recursive: true, force: true });
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
