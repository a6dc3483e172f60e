import { expect, test } from './fixtures';
import { dropFiles, photoWithoutQr, qrPng } from './import-helpers';

const SYNTH_URI =
  'otpauth://totp/Synthbank:bob@example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Synthbank';

for (const scheme of ['light', 'dark'] as const) {
  test(`the import review in ${scheme} mode (screenshot for a person to look at)`, async ({
    app,
    page,
  }) => {
    await page.emulateMedia({ colorScheme: scheme });
    await app.open(page);
    await dropFiles(page, [await qrPng('synthbank.png', SYNTH_URI)]);
    await page.getByRole('button', { name: 'Save 1 account' }).click();
    await expect(page.locator('.toast-region')).toContainText('Added 1 account.');

    await dropFiles(page, [
      await qrPng('synthbank-again.png', SYNTH_URI),
      await qrPng(
        'github.png',
        'otpauth://totp/GitHub:octocat?secret=JBSWY3DPEHPK3PXP&issuer=GitHub&algorithm=SHA256&digits=8',
      ),
      {
        name: 'Base32StringSeed.txt',
        type: 'text/plain',
        bytes: Buffer.from('KRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLUKRSXG5CTMVRXEZLU'),
      },
      await photoWithoutQr('holiday.jpg', 800, 600),
      await qrPng('menu.png', 'https://example.com/menu'),
    ]);
    await expect(
      page.getByRole('list', { name: 'Accounts found' }).getByRole('listitem'),
    ).toHaveCount(3, { timeout: 20_000 });
    await expect(page.getByRole('alert', { name: 'Problems' })).toBeVisible();
    await expect(page.locator('.toast')).toHaveCount(0, { timeout: 10_000 }); // the earlier save's toast
    await page.screenshot({ path: `test-results/import-review-${scheme}.png`, fullPage: true });
    await page.screenshot({ path: `/tmp/import-review-${scheme}.png`, fullPage: true });
  });
}

test('the import screen before anything is read (screenshot)', async ({ app, page }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Open an image or a backup…' }).click();
  await expect(page.getByRole('heading', { name: 'Import accounts' })).toBeFocused();
  await page.screenshot({ path: '/tmp/import-sources-light.png', fullPage: true });
});
