import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostileInputs } from '../support/hostile-inputs';
import { expect, test } from './fixtures';
import { dropFiles, paste } from './import-helpers';

// Issue 15: files that took the process down or hung it are now one message each, read in the
// bridge's import sandbox (the same module as Electron main), and the window keeps working.
test.use({
  seed: { accounts: [{ issuer: 'Keptbank', account: 'ann', secret: 'JBSWY3DPEHPK3PXP' }] },
});

const vaultDigest = (dir: string) =>
  createHash('sha256')
    .update(readFileSync(join(dir, 'vault.json')))
    .digest('hex');

test('dropping the hostile files shows one message each and leaves the vault file unchanged; the accounts and the window keep working', async ({
  app,
  page,
}) => {
  await app.open(page);
  await expect(page.getByText('Keptbank', { exact: true })).toBeVisible();
  const before = vaultDigest(app.vaultDir);
  const inputs = hostileInputs().filter((i) => i.source.fileName !== 'random.bin');
  await dropFiles(
    page,
    inputs.map((i) => ({ name: i.source.fileName, type: '', bytes: Buffer.from(i.source.bytes) })),
  );
  const problems = page.getByRole('alert', { name: 'Problems' });
  for (const input of inputs)
    await expect(problems).toContainText(input.message, { timeout: 20_000 });
  await page.getByRole('button', { name: 'Cancel' }).click();
  expect(vaultDigest(app.vaultDir)).toBe(before); // the hostile drop changed nothing on disk

  // The window still works: a good link pasted now goes to the review and is saved.
  await paste(page, {
    text: 'otpauth://totp/Aftermath:ben?secret=JBSWY3DPEHPK3PXQ&issuer=Aftermath',
  });
  await page.getByRole('button', { name: 'Save 1 account' }).click();
  await expect(page.locator('.toast-region')).toContainText('Added 1 account.');
  await expect(page.getByText('Aftermath', { exact: true })).toBeVisible();
  await expect(page.getByText('Keptbank', { exact: true })).toBeVisible();
  expect(vaultDigest(app.vaultDir)).not.toBe(before); // only the good link changed it
});

test('5,000 random bytes say they are no known format unless an encrypted andOTP backup; a password then says damaged or not andOTP', async ({
  app,
  page,
}) => {
  await app.open(page);
  const random = hostileInputs().find((i) => i.source.fileName === 'random.bin')!;
  const before = vaultDigest(app.vaultDir);
  await dropFiles(page, [
    { name: 'random.bin', type: '', bytes: Buffer.from(random.source.bytes) },
  ]);
  const prompt = page.getByRole('form', { name: 'Encrypted backup' });
  await expect(prompt).toContainText(
    'random.bin is not a format OTP Desk recognises; if it is an encrypted andOTP backup, give its password.',
    { timeout: 20_000 },
  );
  await page.getByLabel('Backup password').fill('a guess');
  await page.getByRole('button', { name: 'Open' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'damaged or not an andOTP backup' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Keptbank', { exact: true })).toBeVisible();
  expect(vaultDigest(app.vaultDir)).toBe(before);
});

test('pasting a transfer link whose batch size is 2^31−1 shows a message; the app keeps running', async ({
  app,
  page,
}) => {
  await app.open(page);
  const link = hostileInputs().find((i) => i.link)!;
  const before = vaultDigest(app.vaultDir);
  await paste(page, { text: link.link! });
  await expect(page.getByRole('alert', { name: 'Problems' })).toContainText(link.message, {
    timeout: 20_000,
  });
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByText('Keptbank', { exact: true })).toBeVisible();
  expect(vaultDigest(app.vaultDir)).toBe(before);
});
