import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasKeychain, KEYCHAIN_SKIP_REASON, privateKeyringSteps, runCli, tempVault } from '../support/cli';

const URI = (issuer: string) => `otpauth://totp/${issuer}:alice?secret=JBSWY3DPEHPK3PXP&issuer=${issuer}`;

describe.skipIf(!hasKeychain)(`the CLI and a damaged or missing vault (real keychain)${hasKeychain ? '' : ` (skipped: ${KEYCHAIN_SKIP_REASON})`}`, () => {
  it('refuses a truncated vault with the command that restores it, changes nothing, and restores only when told', () => {
    const dir = tempVault();
    expect(runCli(dir, 'add', URI('First')).status).toBe(0);
    expect(runCli(dir, 'add', URI('Second')).status).toBe(0);
    const path = join(dir, 'vault.json');
    const truncated = readFileSync(path).subarray(0, 200);
    writeFileSync(path, truncated);
    for (const args of [['list'], ['add', URI('Third')], ['code']]) {
      const run = runCli(dir, ...args);
      expect(run.status).toBe(1);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).toMatch(/^otp-desk: The vault file .* is damaged .*nothing has been overwritten\. To restore the previous version .* run: otp-desk --vault ".*" recover --from-previous/);
      expect(readFileSync(path).equals(truncated)).toBe(true);
    }
    const recover = runCli(dir, 'recover', '--from-previous');
    expect(recover).toMatchObject({ status: 0, stdout: expect.stringMatching(/Restored the previous version .*vault\.json\.damaged-/) });
    expect(JSON.parse(runCli(dir, 'list', '--json').stdout).map((a: { issuer: string }) => a.issuer)).toEqual(['First']);
    const kept = readdirSync(dir).find((n) => n.startsWith('vault.json.damaged-'))!;
    expect(readFileSync(join(dir, kept)).equals(truncated)).toBe(true);
    expect(runCli(dir, 'recover', '--from-previous')).toMatchObject({ status: 1, stderr: expect.stringMatching(/not damaged/) });
  });

  // Counted in a keyring of its own: the shared one gains items from other files running in parallel.
  it.skipIf(process.platform !== 'linux')(
    'a failed import or add into a folder with no vault creates no file, no folder and no keychain item',
    () => {
      const dir = tempVault();
      const junk = join(dirname(dir), 'junk.bin');
      writeFileSync(junk, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 131) % 256)));
      const steps = privateKeyringSteps([
        ['--vault', dir, 'import', junk],
        ['--vault', dir, 'add', 'otpauth://totp/X:y?secret=not-base32!'],
        ['--vault', dir, 'add', '--secret', 'JBSWY3DPEHPK3PXP', '--issuer', 'X', '--account', 'y', '--digits', '9'],
      ]);
      expect(steps!.map((s) => s.items)).toEqual([0, 0, 0]);
      expect(steps!.map((s) => s.status === 0)).toEqual([false, false, false]);
      expect(existsSync(dir)).toBe(false);
      // A good add then: the count does see the item a real vault makes.
      const works = privateKeyringSteps([['--vault', dir, 'add', URI('Works')]]);
      expect(works).toEqual([{ status: 0, items: 1 }]);
    },
  );
});
