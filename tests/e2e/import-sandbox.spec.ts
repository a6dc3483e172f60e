import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, startBridge, stopBridge, test } from './fixtures';
import { dropFiles, paste } from './import-helpers';
import { generatedColumnDatabase } from '../support/generated-column-db';

// Issue 18: the bridge (main's stand-in) parses imports in a child process under Node's permission
// model, killed past 256 MB resident. An 8 KB Google Authenticator database whose secret column is
// generated as hex(zeroblob(150000000)) used to take the whole process to 794 MB and abort it.

/** Resident memory of process `pid` in MB, read from /proc (Linux, where this suite runs). */
const residentMb = (pid: number) =>
  Number(/^VmRSS:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/status`, 'latin1'))?.[1]) / 1024;

test('the generated-column SQLite file is one message at the 256 MB cap; the bridge grows by less than 50 MB and keeps working', async ({
  page,
}) => {
  test.skip(process.platform !== 'linux', "reads the bridge's memory from /proc");
  test.setTimeout(90_000);
  const vaultDir = mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'e2e-vault-'));
  const { child, url } = await startBridge(vaultDir);
  try {
    await page.goto(url);
    const database = await generatedColumnDatabase();
    expect(database.length).toBeLessThanOrEqual(8192);
    const before = residentMb(child.pid!);
    let peak = before;
    const poll = setInterval(() => (peak = Math.max(peak, residentMb(child.pid!))), 10);
    await dropFiles(page, [{ name: 'databases', type: '', bytes: database }]);
    await expect(page.getByRole('alert', { name: 'Problems' })).toContainText(
      'Reading databases needed more than 256 MB of memory, so OTP Desk stopped',
      { timeout: 40_000 },
    );
    clearInterval(poll);
    console.log(
      `bridge resident memory: ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB at most during`,
    );
    expect(peak - before).toBeLessThan(50);

    // The same bridge still reads the next import.
    await page.getByRole('button', { name: 'Cancel' }).click();
    await paste(page, {
      text: 'otpauth://totp/Aftermath:ben?secret=JBSWY3DPEHPK3PXQ&issuer=Aftermath',
    });
    await page.getByRole('button', { name: 'Save 1 account' }).click();
    await expect(page.getByText('Aftermath', { exact: true })).toBeVisible();
  } finally {
    await stopBridge(child);
    rmSync(vaultDir, { recursive: true, force: true });
  }
});
