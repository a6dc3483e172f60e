import { API_METHODS } from '../../electron/api';
import { expect, test } from './fixtures';
import { storedSettings } from './main-api';
import { bridgeTest, setPasswordInSettings } from './lock-helpers';

const PASSWORD = 'correct horse battery staple';
test.use({
  seed: {
    accounts: [{ issuer: 'Lockbank', account: 'alice@example.com', secret: 'JBSWY3DPEHPK3PXP' }],
  },
});

const lockScreen = (page: import('@playwright/test').Page) =>
  page.getByRole('heading', { name: 'OTP Desk is locked' });

test('sets a password, locks to a screen with no code or name, refuses a wrong password and unlocks with the right one', async ({
  app,
  page,
}) => {
  test.setTimeout(60_000); // several scrypt checks (N=2^17) on a shared CPU
  await app.open(page);
  await expect(page.getByRole('button', { name: /Copy code for Lockbank/ })).toBeVisible();
  // Without a password the lock explains why it can't, and offers to set one.
  await page.getByRole('button', { name: 'Lock now' }).click();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Locking needs a vault password',
  );

  await page.getByRole('button', { name: 'Settings' }).click();
  const security = page.getByRole('group', { name: 'Security' });
  await security.getByLabel('New password', { exact: true }).fill('short');
  await security.getByLabel('Repeat the new password').fill('short');
  await security.getByRole('button', { name: 'Set password' }).click();
  await expect(security.getByRole('alert')).toContainText('at least 8 characters');
  await security.getByLabel('New password', { exact: true }).fill('password1');
  await expect(security.getByText(/commonly used password/)).toBeVisible();
  await security.getByLabel('New password', { exact: true }).fill(PASSWORD);
  await security.getByLabel('Repeat the new password').fill(PASSWORD + 'x');
  await security.getByRole('button', { name: 'Set password' }).click();
  await expect(security.getByRole('alert')).toContainText('differ');
  await security.getByLabel('Repeat the new password').fill(PASSWORD);
  await security.getByRole('button', { name: 'Set password' }).click();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Vault password set',
  );
  await page.getByRole('button', { name: /Back to codes/ }).click();

  await page.keyboard.press('Control+l');
  await expect(lockScreen(page)).toBeVisible();
  const html = await page.content();
  expect(html).not.toContain('Lockbank');
  expect(html).not.toContain('alice@example.com');
  expect(await page.getByTestId('code').count()).toBe(0);

  await page.getByLabel('Vault password').fill('not my password');
  await page.getByRole('button', { name: 'Unlock' }).click();
  // Wrong passwords slow down: main reports the wait (1 s, then 2 s, 4 s …) and the lock screen
  // counts it down with Unlock off. The countdown is shown only for a wait main reported.
  await expect(page.getByTestId('unlock-wait')).toContainText(
    /Too many wrong passwords\. You can try again in \d+ s\./,
  );
  await expect(page.getByRole('button', { name: /^Unlock/ })).toBeDisabled();
  await expect(lockScreen(page)).toBeVisible();
  await page.getByLabel('Vault password').fill(PASSWORD);
  await page.getByRole('button', { name: /^Unlock/ }).click(); // waits for the button to come back
  await expect(page.getByRole('button', { name: /Copy code for Lockbank/ })).toBeVisible({
    timeout: 30_000,
  });
});

test('locks by itself after the idle time set, and on screen lock', async ({ app, page }) => {
  await app.open(page);
  await setPasswordInSettings(page, PASSWORD);
  await page.getByLabel('Lock after being idle for').selectOption('1');
  await expect(page.getByLabel('Lock after being idle for')).toHaveValue('1');
  await expect.poll(async () => (await storedSettings(page)).autoLockMinutes).toBe(1);
  expect(await bridgeTest<{ locked: boolean }>(page, 'idle', { seconds: 30 })).toEqual({
    locked: false,
  });
  await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
  expect(await bridgeTest<{ locked: boolean }>(page, 'idle', { seconds: 61 })).toEqual({
    locked: true,
  });
  await expect(lockScreen(page)).toBeVisible();
  expect(await page.content()).not.toContain('Lockbank');

  await page.getByLabel('Vault password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: /Copy code for Lockbank/ })).toBeVisible();
  await bridgeTest(page, 'idle', { seconds: 0 });
  expect(await bridgeTest<{ locked: boolean }>(page, 'screen-locked')).toEqual({ locked: true });
  await expect(lockScreen(page)).toBeVisible();
});

test('changes and removes the password', async ({ app, page }) => {
  await app.open(page);
  await setPasswordInSettings(page, PASSWORD);
  const security = page.getByRole('group', { name: 'Security' });
  await security.getByRole('button', { name: 'Change password…' }).click();
  await security.getByLabel('Current password').fill(PASSWORD);
  await security.getByLabel('New password', { exact: true }).fill('another long passphrase');
  await security.getByLabel('Repeat the new password').fill('another long passphrase');
  await security.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Vault password changed',
  );

  await page.keyboard.press('Control+l');
  await page.getByLabel('Vault password').fill('another long passphrase');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('button', { name: /Copy code for Lockbank/ })).toBeVisible();

  await page.getByRole('button', { name: 'Settings' }).click();
  await security.getByRole('button', { name: 'Remove password…' }).click();
  await security.getByLabel('Current password').fill('another long passphrase');
  await security.getByRole('button', { name: 'Remove password' }).click();
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Vault password removed',
  );
  await expect(security.getByRole('button', { name: 'Set password' })).toBeVisible();
  await page.keyboard.press('Control+l');
  await expect(page.getByRole('status', { name: 'Notifications' })).toContainText(
    'Locking needs a vault password',
  );
});

test('hides codes until clicked, when asked to', async ({ app, page }) => {
  await app.open(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByLabel('Hide codes until clicked').check();
  await page.getByRole('button', { name: /Back to codes/ }).click();
  const row = page.getByRole('button', { name: /Copy code for Lockbank/ });
  await expect(row.getByTestId('code')).toHaveText('••• •••');
  await row.click();
  await expect(row.getByTestId('code')).toHaveText(/^\d{3} \d{3}$/);
});

test('while locked, every accounts, codes, imports, exports, backups, clipboard, screen, browser and sync call through the bridge fails with vault-locked', async ({
  app,
  page,
}) => {
  await app.open(page);
  const outcome = await page.evaluate(
    async ({ password, methods }) => {
      type Result = { ok: boolean; value?: { state?: string }; error?: { kind: string } };
      const api = (
        window as unknown as {
          otpDesk: Record<string, Record<string, (...args: unknown[]) => Promise<Result>>>;
        }
      ).otpDesk;
      await api['vault']!['setPassword']!(password);
      const locked = await api['vault']!['lock']!();
      const kinds: Record<string, string> = {};
      for (const namespace of ['accounts', 'codes', 'imports', 'exports', 'backups', 'clipboard', 'screen', 'browser', 'sync']) {
        for (const method of methods[namespace]!) {
          const result = await api[namespace]![method]!('x', []);
          kinds[`${namespace}.${method}`] = result.ok ? 'ok' : result.error!.kind;
        }
      }
      const status = await api['vault']!['status']!();
      return { locked: locked.value?.state, status: status.value?.state, kinds };
    },
    { password: PASSWORD, methods: API_METHODS as unknown as Record<string, string[]> },
  );
  expect(outcome.locked).toBe('locked');
  expect(outcome.status).toBe('locked');
  const expected = Object.fromEntries(
    (['accounts', 'codes', 'imports', 'exports', 'backups', 'clipboard', 'screen', 'browser', 'sync'] as const).flatMap((n) =>
      API_METHODS[n].map((m) => [`${n}.${m}`, 'vault-locked']),
    ),
  );
  expect(outcome.kinds).toEqual(expected);
  await page.reload();
  await expect(lockScreen(page)).toBeVisible();
});

test('without a password, a key leaves main only when main\u2019s own question is answered yes', async ({
  app,
  page,
}) => {
  await app.open(page);
  // The bridge stands in for main's native dialog: answer "Cancel".
  await bridgeTest(page, 'confirm-secrets', { answer: 'deny' });
  await page.getByRole('button', { name: 'Edit Lockbank' }).click();
  await page.getByRole('button', { name: 'Show key / QR…' }).click();
  const dialog = page.getByRole('dialog', { name: /Key and QR code for Lockbank/ });
  await expect(dialog.getByRole('alert')).toContainText('Cancelled: nothing left OTP Desk');
  await expect(dialog.getByTestId('revealed-key')).toHaveCount(0);
  expect(await page.content()).not.toContain('JBSWY3DPEHPK3PXP');
});
