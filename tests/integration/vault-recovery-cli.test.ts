import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import keytar from 'keytar';
import { describe, expect, it } from 'vitest';
import { hasKeychain, KEYCHAIN_SKIP_REASON, runCli, tempVault } from '../support/cli';

const URI = (issuer: string) => `otpauth://totp/${issuer}:alice?secret=JBSWY3DPEHPK3PXP&issuer=${issuer}`;
const itemCount = async () => (await keytar.findCredentials('OTP Desk')).length;

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

  it('a failed import or add into a folder with no vault creates no file, no folder and no keychain item', async () => {
    const dir = tempVault();
    const junk = join(dirname(dir), 'junk.bin');
    writeFileSync(junk, Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 131) % 256)));
    const before = await itemCount();
    expect(runCli(dir, 'import', junk).status).toBe(1);
    expect(runCli(dir, 'add', 'otpauth://totp/X:y?secret=not-base32!').status).toBe(1);
    expect(runCli(dir, 'add', '--secret', 'JBSWY3DPEHPK3PXP', '--issuer', 'X', '--account', 'y', '--digits', '9').status).not.toBe(0);
    expect(existsSync(dir)).toBe(false);
    expect(await itemCount()).toBe(before);
    expect(runCli(dir, 'add', URI('Works')).status).toBe(0);
    expect(await itemCount()).toBe(before + 1);
  });
});
