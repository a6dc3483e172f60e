import { expect, test } from './fixtures';
import { codesByName, scratchDir, setUpBackups, startFreshBridge } from './backup-helpers';

const ACCOUNTS = [
  { issuer: 'GitHub', account: 'ana@example.com', secret: 'JBSWY3DPEHPK3PXP', group: 'Work' },
  { issuer: 'Bank', account: 'ana', secret: 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ', algorithm: 'SHA256' as const, digits: 8 },
  { issuer: 'VPN', account: 'admin', secret: 'KRSXG5CTMVRXEZLU', type: 'hotp' as const, counter: 12 },
];
const PASSWORD = 'restore me 2024';

test.use({ seed: { accounts: ACCOUNTS } });

test('first run nudges to set up backups; the automatic backup restores every account into an empty vault', async ({ app, page }) => {
  const folder = scratchDir('e2e-backups-');
  await app.open(page);
  await page.getByRole('button', { name: 'Set up backups' }).click();
  await setUpBackups(page, folder, PASSWORD);
  await expect(page.getByTestId('backup-status')).toContainText('Last backup', { timeout: 15_000 });
  // A tall window, so the whole view (it scrolls inside the app) is in the picture.
  await page.setViewportSize({ width: 480, height: 1500 });
  await page.screenshot({ path: 'test-results/backups-view-light.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: 'test-results/backups-view-dark.png', fullPage: true });
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 480, height: 720 });
  // The original vault stays open in a second page, to compare codes at the same moment below.
  const originalPage = await page.context().newPage();
  await app.open(originalPage);
  // The newest tab is the one in front; a tab behind it draws no frames, and every action on it
  // waited 1-2 s for Playwright's "stable" check (20 s for this test).
  await page.bringToFront();

  const fresh = await startFreshBridge();
  try {
    await page.goto(fresh.url);
    await expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible();
    await page.getByRole('button', { name: 'Backups', exact: true }).click();
    await page.getByLabel('Backup folder').fill(folder);
    await page.getByRole('button', { name: 'Save folder' }).click();
    await page.getByRole('button', { name: 'Restore from latest backup' }).click();
    await page.getByLabel(/Password of otp-desk-backup-/).fill('not the password');
    await page.getByRole('button', { name: 'Open backup' }).click();
    await expect(page.getByRole('alert')).toContainText(/password/i);
    await page.getByLabel(/Password of otp-desk-backup-/).fill(PASSWORD);
    await page.getByRole('button', { name: 'Open backup' }).click();
    await expect(page.getByLabel('Restore review')).toContainText('3 accounts in this backup');
    await page.getByRole('button', { name: 'Restore 3 accounts' }).click();
    await expect(page.getByRole('status')).toContainText('Restored 3 accounts');
    await page.getByRole('button', { name: /Back to codes/ }).click();
    for (const a of ACCOUNTS) await expect(page.getByRole('button', { name: new RegExp(`Copy code for ${a.issuer} ${a.account}`) })).toBeVisible();
    // Main answers codes only for its own time (± one period), so both vaults are asked back to
    // back; a pair of answers that straddles a period boundary is asked again.
    await expect
      .poll(async () => {
        const [original, restored] = await Promise.all([
          codesByName(originalPage, Date.now()),
          codesByName(page, Date.now()),
        ]);
        expect(Object.keys(restored)).toHaveLength(ACCOUNTS.length);
        const same = (a: object) => JSON.stringify(Object.entries(a).sort());
        return same(restored) === same(original) || { original, restored };
      })
      .toBe(true);
  } finally {
    await fresh.close();
  }
});
