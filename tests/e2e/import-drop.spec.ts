import { expect, test } from './fixtures';
import {
  corpusFile,
  dropFiles,
  hasCorpus,
  photoWithoutQr,
  qrPng,
  screenshotPng,
  type TestFile,
} from './import-helpers';

const SYNTH_URI =
  'otpauth://totp/Synthbank:bob@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Synthbank';
const SHOT_URI =
  'otpauth://totp/Shotcloud:carol?secret=KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU&issuer=Shotcloud&algorithm=SHA256&digits=8';
const DARK_URI =
  'otpauth://hotp/Darkmail:dave?secret=MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK&issuer=Darkmail&counter=7';

test('dropping QR images on the window shows what they hold, and Save adds exactly those accounts', async ({
  app,
  page,
}) => {
  await app.open(page);
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
  const files: TestFile[] = [
    await qrPng('synthbank.png', SYNTH_URI),
    await screenshotPng('screenshot-4k.png', SHOT_URI, { width: 3840, height: 2160 }),
    await screenshotPng('dark-1080p.png', DARK_URI, { width: 1920, height: 1080 }, true),
  ];
  if (hasCorpus) files.push(corpusFile('google-migration/example_export.png', 'image/png'));
  const timings: string[] = [];
  page.on('console', (m) => m.text().startsWith('qr ') && timings.push(m.text()));
  await dropFiles(page, files);

  await expect(page.getByRole('heading', { name: 'Check before saving' })).toBeVisible({
    timeout: 20_000,
  });
  const found = page.getByRole('list', { name: 'Accounts found' }).getByRole('listitem');
  await expect(found).toHaveCount(hasCorpus ? 6 : 3);
  const row = (title: string) => found.filter({ hasText: title });
  await expect(row('Synthbank / bob@example.com')).toContainText(
    'Time-based · SHA1 · 6 digits · 30 s · from synthbank.png',
  );
  await expect(row('Shotcloud / carol')).toContainText('SHA256 · 8 digits');
  await expect(row('Shotcloud / carol')).toContainText('from screenshot-4k.png');
  await expect(row('Darkmail / dave')).toContainText(
    'Counter-based · SHA1 · 6 digits · counter 7 · from dark-1080p.png',
  );
  if (hasCorpus) {
    for (const n of [1, 2, 3])
      await expect(row(`Test${n} / test${n}@example${n}.com`)).toContainText(
        'from example_export.png',
      );
  }
  await expect(page.getByRole('alert', { name: 'Problems' })).toHaveCount(0);
  console.log(timings.join('\n'));

  await page.getByRole('button', { name: `Save ${hasCorpus ? 6 : 3} accounts` }).click();
  await expect(page.locator('.toast-region')).toContainText(`Added ${hasCorpus ? 6 : 3} accounts.`);
  for (const name of [
    'Synthbank',
    'Shotcloud',
    'Darkmail',
    ...(hasCorpus ? ['Test1', 'Test2', 'Test3'] : []),
  ]) {
    await expect(page.getByText(name, { exact: true }).first()).toBeVisible();
  }
});

test('a photo without a QR code and a QR code holding a web link are explained, and nothing is added', async ({
  app,
  page,
}) => {
  await app.open(page);
  await dropFiles(page, [
    await photoWithoutQr('holiday.jpg'),
    await qrPng('menu.png', 'https://example.com/menu?table=4'),
  ]);
  const problems = page.getByRole('alert', { name: 'Problems' });
  await expect(problems).toContainText('No QR code was found in holiday.jpg', { timeout: 20_000 });
  await expect(problems).toContainText('menu.png');
  await expect(problems).toContainText(
    'a web link (https://example.com/…), not an authenticator account',
  );
  await expect(problems).not.toContainText('table=4');
  // What failed, and a way on: no disabled "Nothing to save" under "Check before saving".
  await expect(page.getByRole('heading', { name: 'Nothing could be imported' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Nothing to save' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Try something else' }).click();
  await expect(page.getByRole('heading', { name: 'Import accounts' })).toBeVisible();
  await page.getByRole('button', { name: /Back to codes/ }).click();
  await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
});

test('a second import of the same accounts flags them, skips them by default, and can replace or keep both', async ({
  app,
  page,
}) => {
  await app.open(page);
  const first = await qrPng('synthbank.png', SYNTH_URI);
  await dropFiles(page, [first]);
  await page.getByRole('button', { name: 'Save 1 account' }).click();
  await expect(page.locator('.toast-region')).toContainText('Added 1 account.');

  await dropFiles(page, [first, await qrPng('darkmail.png', DARK_URI)]);
  const duplicate = page.getByRole('listitem').filter({ hasText: 'Synthbank / bob@example.com' });
  await expect(duplicate).toContainText('Already in OTP Desk as Synthbank / bob@example.com.', {
    timeout: 20_000,
  });
  await expect(page.getByText('Found 2 accounts, 1 already in OTP Desk.')).toBeVisible();
  const choice = duplicate.getByRole('combobox', { name: /What to do with Synthbank/ });
  await expect(choice).toHaveValue('skip');
  await expect(page.getByRole('button', { name: 'Save 1 account' })).toBeEnabled();
  await choice.selectOption('replace');
  await page.getByRole('button', { name: 'Save 2 accounts' }).click();
  await expect(page.locator('.toast-region')).toContainText('Added 1 account, replaced 1.');
  await expect(page.getByText('Synthbank', { exact: true })).toHaveCount(1);
});

test('Scan screen in a browser without screen capture says so', async ({ app, page }) => {
  await app.open(page);
  // The welcome screen offers Scan screen itself, as one of the three ways to add.
  await page.getByRole('button', { name: 'Scan screen' }).click();
  await expect(page.getByRole('alert')).toContainText('Screen capture is not available here');
});
