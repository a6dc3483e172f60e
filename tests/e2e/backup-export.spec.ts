import { expect, test } from './fixtures';

const ACCOUNTS = [
  { issuer: 'GitHub', account: 'ana', secret: 'JBSWY3DPEHPK3PXP' },
  { issuer: 'Steam', account: 'gamer', secret: 'KRSXG5CTMVRXEZLU', type: 'steam' as const, digits: 5 },
];
test.use({ seed: { accounts: ACCOUNTS } });

test('Show key / QR from the edit dialog reveals the key in groups of four and a QR code', async ({ app, page }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Edit GitHub' }).click();
  await page.getByRole('button', { name: 'Show key / QR…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Key and QR code for GitHub' });
  await expect(dialog.getByTestId('revealed-key')).toHaveText('JBSW Y3DP EHPK 3PXP');
  await expect(dialog.getByRole('img', { name: 'QR code for GitHub' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('Google transfer QR codes are shown on screen with a warning, naming the Steam account left out', async ({ app, page }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Backups', exact: true }).click();
  await page.getByLabel('Format').selectOption('migration-qr');
  await expect(page.getByRole('note').first()).toContainText('not encrypted');
  await page.getByRole('button', { name: 'Export 2 accounts' }).click();
  await expect(page.getByRole('img', { name: 'Transfer QR code 1 of 1' })).toBeVisible();
  await expect(page.getByText('Steam: gamer')).toBeVisible();
  await page.screenshot({ path: 'test-results/backups-export-qr.png', fullPage: true });
});
