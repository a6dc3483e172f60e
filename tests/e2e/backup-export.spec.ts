import jsQR from 'jsqr';
import sharp from 'sharp';
import { expect, test } from './fixtures';

/** The text of the one QR code in a PNG screenshot. */
async function decodeQr(png: Buffer): Promise<string> {
  const { data, info } = await sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height);
  expect(code, 'a readable QR code in the dialog').not.toBeNull();
  return code!.data;
}

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
  const qr = dialog.getByRole('img', { name: 'QR code for GitHub' });
  await expect(qr).toBeVisible();
  // The code shown is the account's own link, read back by an independent decoder (jsQR).
  const link = new URL(await decodeQr(await qr.screenshot()));
  expect([link.protocol, link.host, decodeURIComponent(link.pathname)]).toEqual(['otpauth:', 'totp', '/GitHub:ana']);
  expect(link.searchParams.get('secret')).toBe('JBSWY3DPEHPK3PXP');
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
