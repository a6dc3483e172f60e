import { expect, test } from './fixtures';
import { RFC_SECRET } from './rfc-accounts';

// RFC 4226 Appendix D: the key "12345678901234567890" gives 755224, 287082, 359152 for counters 0, 1, 2.
test.use({
  seed: {
    accounts: [{ issuer: 'Token', account: 'hotp', secret: RFC_SECRET, type: 'hotp', counter: 0 }],
  },
});

test('a counter (HOTP) account shows its code without a countdown and moves to the next code on request', async ({
  app,
  page,
}) => {
  await app.open(page);
  const row = page.getByRole('listitem').filter({ hasText: 'Token' });
  await expect(row.getByTestId('code')).toHaveText('755 224');
  await expect(row.getByRole('timer')).toHaveCount(0);
  await row.getByRole('button', { name: 'Copy code for Token hotp' }).focus();
  await page.keyboard.press('r');
  await expect(row.getByTestId('code')).toHaveText('287 082');
  await row.getByRole('button', { name: 'Next counter code for Token' }).click();
  await expect(row.getByTestId('code')).toHaveText('359 152');
  await page.reload();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Token' }).getByTestId('code'),
  ).toHaveText('359 152');
});
