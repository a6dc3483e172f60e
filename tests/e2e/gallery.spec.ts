import type { Page } from '@playwright/test';
import { startFreshBridge } from './backup-helpers';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startBridge, stopBridge, test } from './fixtures';
import { REALISTIC } from './realistic-vault';
import { seedVault } from './seed';

// Every screen, light and dark, narrow (480 px) and wide (1280 px), for people to look at:
// test-results/screenshots/gallery-<width>-<scheme>-<screen>.png after `npm test`.

// The long AWS name first, so it is on screen (and focused) in every picture.
const VAULT = [
  {
    issuer: 'Amazon Web Services',
    account: 'root-account-mfa-device@acme-production',
    group: 'Work',
    secret: 'MFRGGZDFMZTWQ2LKMFRGGZDFMZTWQ2LK',
  },
  ...REALISTIC,
];
test.use({ seed: { accounts: VAULT }, permissions: ['clipboard-read', 'clipboard-write'] });

const SIZES = [
  { width: 480, height: 780 },
  { width: 1280, height: 800 },
] as const;

async function shoot(page: Page, name: string, width: number, scheme: string) {
  // Let the view settle (fonts, focus rings) before the picture.
  await page.evaluate(() => document.fonts.ready);
  // Always test-results (never docs/): the README picks its few pictures from screenshots.spec.ts.
  await page.screenshot({
    path: join('test-results', 'screenshots', `gallery-${width}-${scheme}-${name}.png`),
  });
}

for (const size of SIZES) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`every screen at ${size.width} px, ${scheme}`, async ({ app, page }) => {
      test.setTimeout(60_000);
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await page.clock.install({ time: 1_700_000_008_000 });
      await app.open(page);
      await page.clock.pauseAt(1_700_000_018_500);
      const w = size.width;
      const back = () => page.keyboard.press('Escape');

      await expect(page.getByRole('list', { name: /Accounts, 27/ })).toBeVisible();
      await shoot(page, 'codes-with-backup-nudge', w, scheme);
      await page.getByRole('button', { name: 'Not now' }).click();
      // Reached by keyboard, the focused row opens to show its whole name.
      await page.getByRole('button', { name: /Copy code for Google/ }).focus();
      await page.keyboard.press('ArrowDown');
      await shoot(page, 'codes', w, scheme);

      await page.keyboard.press('t');
      await expect(page.getByTestId('pair-status')).toContainText('Both codes are good');
      await shoot(page, 'two-codes', w, scheme);
      await page.clock.runFor(30_000);
      await expect(page.getByTestId('pair-status')).toContainText('Most services accept this pair');
      await shoot(page, 'two-codes-late', w, scheme);
      await page.clock.runFor(30_000);
      await expect(page.getByTestId('pair-status')).toContainText('This pair has expired');
      await shoot(page, 'two-codes-expired', w, scheme);
      await back();

      await page.keyboard.press('Shift+F10');
      await expect(page.getByRole('menu')).toBeVisible();
      await shoot(page, 'row-menu', w, scheme);
      await back();
      await page.keyboard.press('?');
      await shoot(page, 'help', w, scheme);
      await back();
      await page.keyboard.press('e');
      await shoot(page, 'edit', w, scheme);
      await back();
      await page.keyboard.press('Delete');
      await shoot(page, 'delete', w, scheme);
      await back();

      await page.keyboard.press('Control+n');
      await page.getByLabel('Secret key or otpauth:// link').fill('jbsw y3dp ehpk 3pxp');
      await page.getByLabel('Issuer (service)').fill('ACME');
      await page.getByText('Advanced').click();
      await shoot(page, 'add', w, scheme);
      await page
        .getByLabel('Secret key or otpauth:// link')
        .fill('hello world, this is not a key!!');
      await shoot(page, 'add-bad-key', w, scheme);
      await back();

      await page.keyboard.press('Control+,');
      await shoot(page, 'settings', w, scheme);
      await back();
      await page.getByRole('button', { name: 'Backups', exact: true }).click();
      await shoot(page, 'backups', w, scheme);
      await back();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await shoot(page, 'import', w, scheme);
      await page.getByLabel(/Or paste otpauth/).fill('this is not a link\nnor is this');
      await page.getByRole('button', { name: 'Read links' }).click();
      await shoot(page, 'import-no-link', w, scheme);
      await page.getByLabel(/Or paste otpauth/).fill('otpauth://totp/Broken?issuer=Broken');
      await page.getByRole('button', { name: 'Read links' }).click();
      await expect(page.getByRole('heading', { name: 'Nothing could be imported' })).toBeVisible();
      await shoot(page, 'import-nothing-found', w, scheme);
    });
  }
}

/** Every size and scheme of a screen that needs a bridge of its own: one bridge and one page for all four pictures. */
async function shootEverySize(page: Page, url: string, waitFor: () => Promise<void>, name: string) {
  for (const size of SIZES)
    for (const scheme of ['light', 'dark'] as const) {
      await page.setViewportSize(size);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(url);
      await waitFor();
      await shoot(page, name, size.width, scheme);
    }
}

test('the welcome screen at every size, light and dark', async ({ page }) => {
  const fresh = await startFreshBridge();
  try {
    await shootEverySize(page, fresh.url, () => expect(page.getByRole('heading', { name: 'No accounts yet' })).toBeVisible(), 'welcome');
  } finally {
    await fresh.close();
  }
});

/** A vault whose key is in the real keychain, opened by a bridge that can't see it (a lost keychain). */
async function lockedBridge(): Promise<{ url: string; close: () => Promise<void> }> {
  const dir = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'e2e-locked-'));
  await seedVault(dir, REALISTIC.slice(0, 2));
  // No --confirm-secrets: this bridge only shows the lock screen.
  const { child, url } = await startBridge(dir, ['--memory-keychain']);
  return {
    url,
    close: async () => {
      await stopBridge(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test('the lock screen at every size, light and dark', async ({ page }) => {
  const locked = await lockedBridge();
  try {
    await shootEverySize(page, locked.url, () => expect(page.getByRole('heading', { name: /locked/ })).toBeVisible(), 'lock');
  } finally {
    await locked.close();
  }
});
