import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { scratchDir, setUpBackups } from './backup-helpers';

test.use({ seed: { accounts: [{ issuer: 'GitHub', account: 'ana', secret: 'JBSWY3DPEHPK3PXP' }] } });

test('a backup folder that cannot be written is a loud failure on every view until a backup succeeds', async ({ app, page }) => {
  const root = scratchDir('e2e-bad-backups-');
  // Tests run as root here, where permission bits don't stop writes: a folder under a regular file fails for everyone.
  writeFileSync(join(root, 'file.txt'), 'not a folder');
  await app.open(page);
  await page.getByRole('button', { name: 'Backups', exact: true }).click();
  await setUpBackups(page, join(root, 'file.txt', 'backups'), 'long enough password');
  const failure = page.getByTestId('backup-failure');
  await expect(failure).toBeVisible({ timeout: 15_000 });
  await expect(failure).toContainText('Backup failed');
  await expect(failure).toContainText('part of the path is a file');
  await page.screenshot({ path: 'test-results/backups-failure.png', fullPage: true });
  // Still there on the codes list, and after a retry that fails again.
  await page.getByRole('button', { name: /Back to codes/ }).click();
  await expect(failure).toBeVisible();
  await failure.getByRole('button', { name: 'Retry now' }).click();
  await expect(failure).toContainText('(2×)');
  // Fixing the folder clears it.
  await failure.getByRole('button', { name: 'Open Backups' }).click();
  const good = join(root, 'good');
  mkdirSync(good);
  await page.getByLabel('Backup folder').fill(good);
  await page.getByRole('button', { name: 'Save folder' }).click();
  await expect(failure).toBeHidden({ timeout: 15_000 });
  await expect(page.getByTestId('backup-status')).toContainText('Last backup');
});
