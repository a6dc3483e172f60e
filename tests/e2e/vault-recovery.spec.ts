import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seriousAxeViolations } from './axe';
import { expect, screenshotPath, startBridge, stopBridge, test } from './fixtures';
import { grouped, RFC_CODE, RFC_NEXT, RFC_TIME_MS, SMALL_VAULT } from './rfc-accounts';
import { seedVault } from './seed';

const rfcCode = (page: import('@playwright/test').Page) =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByRole('button', { name: /Copy code for RFC/ }) })
    .getByTestId('code');

test('a damaged vault file opens on the restore screen, and only the chosen copy is restored', async ({
  page,
}) => {
  const vaultDir = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'e2e-damaged-'));
  await seedVault(vaultDir, [{ issuer: 'Kept', account: 'ana', secret: 'JBSWY3DPEHPK3PXP' }]);
  await seedVault(vaultDir, [{ issuer: 'Later', account: 'ana', secret: 'GEZDGNBVGY3TQOJQ' }]);
  const path = join(vaultDir, 'vault.json');
  const truncated = readFileSync(path).subarray(0, 300);
  writeFileSync(path, truncated);
  const { child, url } = await startBridge(vaultDir);
  try {
    await page.goto(url);
    await expect(page.getByRole('heading', { name: 'The vault file is damaged' })).toBeVisible();
    await expect(page.getByRole('alert')).toContainText('nothing has been overwritten');
    const previous = page.getByRole('region', { name: 'Previous version' });
    await expect(previous).toContainText('with 1 account');
    await page.screenshot({ path: screenshotPath('restore-screen.png') });
    expect(await seriousAxeViolations(page)).toEqual([]);
    expect(readFileSync(path).equals(truncated)).toBe(true);
    await previous.getByRole('button', { name: 'Restore previous version' }).click();
    await expect(page.getByRole('button', { name: /Copy code for Kept/ })).toBeVisible();
    await expect(page.getByRole('button', { name: /Copy code for Later/ })).toHaveCount(0);
  } finally {
    await stopBridge(child);
    rmSync(vaultDir, { recursive: true, force: true });
  }
});

test.describe('the clock jumping under the app', () => {
  test.use({ seed: { accounts: SMALL_VAULT } });

  test('after the clock jumps back, the code shown is the one for the new time, and the countdown stays in range', async ({
    app,
    page,
  }) => {
    // The clock starts at the first second of the step after RFC's: 24 s for the app to open.
    await page.clock.install({ time: RFC_TIME_MS + 1_000 });
    await app.open(page);
    await page.clock.pauseAt(RFC_TIME_MS + 25_000);
    await expect(rfcCode(page)).toHaveText(grouped(RFC_NEXT));
    // An NTP correction or a manual change sets the clock 30 s back.
    await page.clock.setSystemTime(RFC_TIME_MS - 5_000);
    await page.clock.runFor(1_100);
    await expect(rfcCode(page)).toHaveText(grouped(RFC_CODE));
    const timer = page.getByRole('timer');
    await expect(timer).toHaveAccessibleName(/^([1-9]|[12]\d|30) seconds? left$/);
  });
});
