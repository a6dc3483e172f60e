import type { AccountDraft } from '../../electron/core/otp/account';
import { formatMigrationUris } from '../../electron/core/migration/migration';
import { expect, test } from './fixtures';
import { corpusFile, dropFiles, hasCorpus, qrPng } from './import-helpers';

const draft = (
  issuer: string,
  account: string,
  extra: Partial<AccountDraft> = {},
): AccountDraft => ({
  type: 'totp',
  secret: 'JBSWY3DPEHPK3PXP',
  algorithm: 'SHA1',
  digits: 6,
  period: 30,
  counter: 0,
  issuer,
  account,
  ...extra,
});

/** A two-QR Google Authenticator export (two accounts per code), as the app's transfer screen shows it. */
function twoBatchExport(): string[] {
  const { uris } = formatMigrationUris(
    [
      draft('Alpha', 'a1', { algorithm: 'SHA256', digits: 8 }),
      draft('Beta', 'b1', { secret: 'KRSXG5CTMVRXEZLU', algorithm: 'SHA512' }),
      draft('Gamma', 'g1', { type: 'hotp', counter: 42, secret: 'MFRGGZDFMZTWQ2LK' }),
      draft('Delta', 'd1', { secret: 'GEZDGNBVGY3TQOJQ' }),
    ],
    { perBatch: 2, batchId: 12345 },
  );
  return uris;
}

test('a two-batch Google Authenticator export imports every entry with its parameters', async ({
  app,
  page,
}) => {
  await app.open(page);
  const [first, second] = twoBatchExport();
  await dropFiles(page, [
    await qrPng('transfer-1.png', first!, 360),
    await qrPng('transfer-2.png', second!, 360),
  ]);
  const found = page.getByRole('list', { name: 'Accounts found' }).getByRole('listitem');
  await expect(found).toHaveCount(4, { timeout: 20_000 });
  await expect(found.filter({ hasText: 'Alpha / a1' })).toContainText('SHA256 · 8 digits');
  await expect(found.filter({ hasText: 'Beta / b1' })).toContainText('SHA512 · 6 digits');
  await expect(found.filter({ hasText: 'Gamma / g1' })).toContainText(
    'Counter-based · SHA1 · 6 digits · counter 42 · from transfer-2.png',
  );
  await expect(page.getByRole('alert', { name: 'Problems' })).toHaveCount(0);
});

test('with one batch of a Google Authenticator export missing, the user is told which', async ({
  app,
  page,
}) => {
  await app.open(page);
  const [first] = twoBatchExport();
  await dropFiles(page, [await qrPng('transfer-1.png', first!, 360)]);
  await expect(page.getByRole('alert', { name: 'Problems' })).toContainText(
    'Batch 2 of 2 is missing',
    { timeout: 20_000 },
  );
  await expect(
    page.getByRole('list', { name: 'Accounts found' }).getByRole('listitem'),
  ).toHaveCount(2);
});

test('an AWS Base32StringSeed file asks for the account name before it can be saved', async ({
  app,
  page,
}) => {
  await app.open(page);
  const seed = Buffer.from('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\n');
  await dropFiles(page, [{ name: 'alice_Base32StringSeed.txt', type: 'text/plain', bytes: seed }]);
  const row = page.getByRole('list', { name: 'Accounts found' }).getByRole('listitem');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('Name needed');
  const save = page.getByRole('button', { name: 'Save 1 account' });
  await expect(save).toBeDisabled();
  await row.getByLabel('Account name (needed)').fill('alice@prod');
  await expect(save).toBeEnabled();
  await save.click();
  await expect(page.locator('.toast-region')).toContainText('Added 1 account.');
  await expect(page.getByText('alice@prod').first()).toBeVisible();
});

test.describe('encrypted backups', () => {
  test.skip(!hasCorpus, 'needs ../shared/corpus');

  test('an encrypted Aegis backup asks for its password, refuses a wrong one, and shows its 7 accounts', async ({
    app,
    page,
  }) => {
    await app.open(page);
    await dropFiles(page, [corpusFile('aegis-importers/aegis_encrypted.json', 'application/json')]);
    const password = page.getByLabel('Backup password');
    await expect(password).toBeFocused();
    // The prompt comes first, not under a "No accounts were found" that isn't true yet.
    await expect(page.getByRole('heading', { name: 'Encrypted backup' })).toBeVisible();
    await expect(page.getByText(/No account/)).toHaveCount(0);
    // Only the prompt's own Open leads on: no disabled "Nothing to save" under it.
    await expect(page.getByRole('button', { name: /Nothing to save|^Save/ })).toHaveCount(0);
    await expect(page.getByRole('form', { name: 'Encrypted backup' })).toContainText(
      'aegis_encrypted.json',
    );
    await password.fill('wrong');
    await page.getByRole('button', { name: 'Open' }).click();
    await expect(page.locator('#import-password-error')).toHaveText(
      'That password is not right. Check it and try again.',
    );
    await expect(page.getByRole('list', { name: 'Accounts found' })).toHaveCount(0);
    await password.fill('test');
    await page.getByRole('button', { name: 'Open' }).click();
    const found = page.getByRole('list', { name: 'Accounts found' }).getByRole('listitem');
    await expect(found).toHaveCount(7);
    await expect(page.getByLabel('Backup password')).toHaveCount(0);
    for (const title of ['Deno / Mason', 'SPDX / James', 'Airbnb / Elijah', 'Boeing / Sophia'])
      await expect(found.filter({ hasText: title })).toHaveCount(1);
  });
});
