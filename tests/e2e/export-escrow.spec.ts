import { readFileSync } from 'node:fs';
import { expect, screenshotPath, test } from './fixtures';

// The export panel's KeePass and Bitwarden formats: same password rules and warnings as the CLI.

test.use({
  seed: {
    accounts: [
      {
        issuer: 'Amazon Web Services',
        account: 'root@123456789012',
        secret: 'JBSWY3DPEHPK3PXP',
        group: 'AWS',
      },
      { issuer: 'GitHub', account: 'ops-bot', secret: 'KRSXG5CTMVRXEZLU' },
    ],
  },
});

/** KeePass 2 database files start with these 8 bytes (signature 1 and 2), then the format version. */
const KDBX_SIGNATURE = '03d9a29a67fb4bb5';

test('KeePass export asks for an 8+ character password and downloads a KDBX 4 file', async ({
  app,
  page,
}) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Backups', exact: true }).click();
  await page.getByLabel('Format').selectOption('kdbx');
  await page.getByLabel('Export password (at least 8 characters)').fill('short');
  await page.getByLabel('Repeat the export password').fill('short');
  await page.getByRole('button', { name: 'Export 2 accounts' }).click();
  await expect(page.getByText('The export password must be at least 8 characters')).toBeVisible();

  await page.getByLabel('Export password (at least 8 characters)').fill('team escrow');
  await page.getByLabel('Repeat the export password').fill('team escrow');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export 2 accounts' }).click();
  const file = readFileSync(await (await download).path());
  expect(file.subarray(0, 8).toString('hex')).toBe(KDBX_SIGNATURE);
  expect(file.readUInt16LE(10)).toBe(4);
  expect((await download).suggestedFilename()).toMatch(/^otp-desk-\d{8}-\d{6}\.kdbx$/);
  expect(file.toString('latin1')).not.toContain('JBSWY3DPEHPK3PXP');
});

test('Bitwarden export warns that it is not encrypted and writes an organisation collection when one is named', async ({
  app,
  page,
}) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Backups', exact: true }).click();
  await page.getByLabel('Format').selectOption('bitwarden');
  await expect(page.getByRole('note').filter({ hasText: 'not encrypted' })).toBeVisible();
  await page.getByLabel('Organisation collection (optional)').fill('MFA seeds');
  await page.screenshot({ path: screenshotPath('export-bitwarden.png'), fullPage: true });
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export 2 accounts' }).click();
  const json = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(json.encrypted).toBe(false);
  expect(json.collections.map((c: { name: string }) => c.name).sort()).toEqual([
    'MFA seeds',
    'MFA seeds/AWS',
  ]);
  expect(
    json.items.map((i: { name: string; login: { username: string; totp: string } }) => [
      i.name,
      i.login.username,
      i.login.totp.slice(0, 15),
    ]),
  ).toEqual([
    ['Amazon Web Services', 'root@123456789012', 'otpauth://totp/'],
    ['GitHub', 'ops-bot', 'otpauth://totp/'],
  ]);
});
