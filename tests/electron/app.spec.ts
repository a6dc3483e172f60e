import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { API_METHODS } from '../../electron/api';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

// Drives the real app window where an Electron binary exists. On machines that can't download
// it, every test here is skipped and the reason is printed.
const binary = findElectronBinary(process.cwd());
if (binary.reason) console.log(`[electron] skipping the app-window tests: ${binary.reason}.`);

test.describe('the app window', () => {
  test.skip(!binary.path, `no Electron binary: ${binary.reason}`);

  test('opens locked down, with window.otpDesk the only bridge, and adds an account', async () => {
    const vault = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'electron-vault-'));
    const app = await electron.launch({ executablePath: binary.path!, args: ['.'], env: { ...process.env, OTP_DESK_VAULT: vault } });
    const window = await app.firstWindow();
    expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await window.evaluate(() => Object.keys((window as unknown as { otpDesk: object }).otpDesk).sort())).toEqual(
      [...Object.keys(API_METHODS), 'onChanged'].sort(),
    );
    await window.getByRole('button', { name: /Add (your first )?account/ }).first().click();
    await window.getByLabel('Secret key or otpauth:// link').fill('JBSWY3DPEHPK3PXP');
    await window.getByLabel('Issuer (service)').fill('ACME');
    await window.getByRole('button', { name: 'Add account' }).last().click();
    await expect(window.getByText('ACME')).toBeVisible();
    await app.close();
  });
});
