import type { Page } from '@playwright/test';

/** Calls one of the bridge's test-only endpoints (simulated idle, screen lock, heap snapshot) with the page's token. */
export async function bridgeTest<T>(
  page: Page,
  path: 'idle' | 'screen-locked' | 'confirm-secrets' | 'heap-snapshot' | 'confirmations',
  body: object = {},
): Promise<T> {
  return page.evaluate(
    async ({ path, body }) => {
      const token = sessionStorage.getItem('bridge-token') ?? '';
      const response = await fetch(`/__bridge/test/${path}`, {
        method: 'POST',
        headers: { 'x-bridge-token': token },
        body: JSON.stringify(body),
      });
      return (await response.json()) as T;
    },
    { path, body },
  );
}

/** Settings › Security › set the vault password (typed twice). */
export async function setPasswordInSettings(page: Page, password: string): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const security = page.getByRole('group', { name: 'Security' });
  await security.getByLabel('New password', { exact: true }).fill(password);
  await security.getByLabel('Repeat the new password').fill(password);
  await security.getByRole('button', { name: 'Set password' }).click();
  await page
    .getByRole('status', { name: 'Notifications' })
    .getByText('Vault password set')
    .waitFor();
}

/** Every way the secret could appear: base32, hex and base64 of its bytes. */
export function secretForms(base32Secret: string, bytes: Buffer): string[] {
  return [
    base32Secret,
    bytes.toString('hex'),
    bytes.toString('base64').replace(/=+$/, ''),
    bytes.toString('base64url'),
  ];
}
