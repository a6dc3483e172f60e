import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startBridge, stopBridge } from './fixtures';

/** A scratch folder for backups, outside any vault. */
export function scratchDir(prefix: string): string {
  return mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), prefix));
}

/** A second bridge over a brand-new, empty vault: "a new computer" to restore onto. Stop it with `close`. */
export async function startFreshBridge(): Promise<{ url: string; close: () => Promise<void> }> {
  const vaultDir = scratchDir('e2e-fresh-vault-');
  const { child, url } = await startBridge(vaultDir);
  return {
    url,
    close: async () => {
      await stopBridge(child);
      rmSync(vaultDir, { recursive: true, force: true });
    },
  };
}

/** Issuer/account → code at a fixed time, read through the page's own API (no secret leaves main). */
export async function codesByName(page: Page, atMs: number): Promise<Record<string, string>> {
  return page.evaluate(async (at) => {
    type R<T> = { ok: true; value: T };
    const api = (window as unknown as { otpDesk: { accounts: { list(): Promise<R<{ id: string; issuer: string; account: string }[]>> }; codes: { at(ms: number): Promise<R<{ id: string; code: string }[]>> } } }).otpDesk;
    const accounts = (await api.accounts.list()).value;
    const codes = (await api.codes.at(at)).value;
    return Object.fromEntries(accounts.map((a) => [`${a.issuer}/${a.account}`, codes.find((c) => c.id === a.id)!.code]));
  }, atMs);
}

/** Backups view: type the folder and the backup password, as a user does. */
export async function setUpBackups(page: Page, folder: string, password: string): Promise<void> {
  await page.getByLabel('Backup folder').fill(folder);
  await page.getByRole('button', { name: 'Save folder' }).click();
  await page.getByLabel('Backup password', { exact: true }).fill(password);
  await page.getByLabel('Repeat the backup password').fill(password);
  await page.getByRole('button', { name: 'Set backup password' }).click();
}
