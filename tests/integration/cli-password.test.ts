import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasKeychain, KEYCHAIN_SKIP_REASON, runCli, tempVault } from '../support/cli';

const URI = 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME';

function passwordFile(text: string): string {
  const path = join(
    mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'pw-')),
    'pw.txt',
  );
  writeFileSync(path, `${text}\n`);
  return path;
}
/** `otp-desk password set` from a password file, with the current password's file when given. */
const setPassword = (vault: string, file: string, currentFile?: string) =>
  runCli(
    vault,
    'password',
    'set',
    '--password-file',
    file,
    ...(currentFile === undefined ? [] : ['--current-password-file', currentFile]),
  );
const slotTypes = (vault: string) =>
  JSON.parse(readFileSync(join(vault, 'vault.json'), 'utf8'))
    .slots.map((s: { type: string }) => s.type)
    .sort();

describe.skipIf(!hasKeychain)(`otp-desk password (${KEYCHAIN_SKIP_REASON} otherwise)`, () => {
  it(
    'sets, changes and removes the vault password; a wrong current one exits 3 and changes nothing',
    { timeout: 120_000 },
    () => {
      const vault = tempVault();
      expect(runCli(vault, 'add', URI).status).toBe(0);
      const first = passwordFile('correct horse battery');
      const second = passwordFile('another long passphrase');

      const short = setPassword(vault, passwordFile('short'));
      expect([short.status, short.stderr]).toEqual([
        1,
        expect.stringMatching(/at least 8 characters.*Nothing was changed/),
      ]);
      expect(slotTypes(vault)).toEqual(['keychain']);

      const weak = setPassword(vault, passwordFile('password1'));
      expect([weak.status, weak.stderr]).toEqual([
        1,
        expect.stringMatching(/This password is weak: .*common.*--allow-weak.*Nothing was changed/),
      ]);
      expect(slotTypes(vault)).toEqual(['keychain']);
      const common = runCli(vault, 'password', 'set', '--password-file', passwordFile('password1'), '--allow-weak');
      expect(common.status).toBe(0);
      expect(common.stderr).toMatch(/warning: .*common/);
      const set = setPassword(vault, first, passwordFile('password1'));
      expect([set.status, set.stdout]).toEqual([
        0,
        expect.stringMatching(/Changed the vault password/),
      ]);
      expect(slotTypes(vault)).toEqual(['keychain', 'password']);

      const noCurrent = setPassword(vault, second);
      expect([noCurrent.status, noCurrent.stderr]).toEqual([
        1,
        expect.stringMatching(/--current-password-file/),
      ]);
      const wrong = setPassword(vault, second, second);
      expect([wrong.status, wrong.stderr]).toEqual([3, expect.stringMatching(/password is wrong/)]);
      expect(runCli(vault, '--vault-password-file', first, 'list').status).toBe(0);

      expect(setPassword(vault, second, first).status).toBe(0);
      expect(runCli(vault, '--vault-password-file', first, 'list').status).toBe(3);
      expect(runCli(vault, '--vault-password-file', second, 'list').status).toBe(0);

      expect(runCli(vault, 'password', 'remove').status).toBe(2);
      const removed = runCli(vault, 'password', 'remove', '--current-password-file', second);
      expect([removed.status, removed.stdout]).toEqual([
        0,
        expect.stringMatching(/Removed the vault password/),
      ]);
      expect(slotTypes(vault)).toEqual(['keychain']);
      expect(JSON.parse(runCli(vault, 'list', '--json').stdout)).toHaveLength(1);
    },
  );
});
