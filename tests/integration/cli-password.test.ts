import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { CLI, hasKeychain, KEYCHAIN_SKIP_REASON, runCli, tempVault } from '../support/cli';
import { soakSize } from '../support/soak';
import { readVaultJson } from '../support/vault-json';

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
  readVaultJson(vault)
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

  it(
    `a SIGKILL at any moment of a password change leaves the old or the new password working, never neither (${soakSize(2, 30)} kills)`,
    { timeout: 600_000 },
    async () => {
      const vault = tempVault();
      expect(runCli(vault, 'add', URI).status).toBe(0);
      const files = [passwordFile('first long passphrase'), passwordFile('second long passphrase')];
      expect(setPassword(vault, files[0]!).status).toBe(0);
      const opensWith = (file: string) => runCli(vault, '--vault-password-file', file, 'list', '--json');
      // How long one whole change takes here: kills land anywhere from its start to a bit past it.
      const started = Date.now();
      expect(setPassword(vault, files[1]!, files[0]!).status).toBe(0);
      const fullMs = Date.now() - started;
      let current = 1;
      const outcomes = { old: 0, new: 0 };
      for (let round = 0; round < soakSize(2, 30); round++) {
        const next = 1 - current;
        const child = spawn(process.execPath, [CLI, '--vault', vault, 'password', 'set', '--password-file', files[next]!, '--current-password-file', files[current]!], { stdio: 'ignore' });
        const exited = new Promise((resolve) => child.on('exit', resolve));
        setTimeout(() => child.kill('SIGKILL'), Math.random() * fullMs * 1.1);
        await exited;
        const [withCurrent, withNext] = [opensWith(files[current]!), opensWith(files[next]!)];
        // Exactly one of the two passwords opens the vault, with the account in it.
        expect([withCurrent.status, withNext.status].sort(), `round ${round}`).toEqual([0, 3]);
        const opened = withCurrent.status === 0 ? withCurrent : withNext;
        expect(JSON.parse(opened.stdout)).toHaveLength(1);
        if (withNext.status === 0) current = next;
        outcomes[withNext.status === 0 ? 'new' : 'old'] += 1;
      }
      console.log(`[password-kill] ${JSON.stringify(outcomes)} after kills within ${fullMs} ms`);
    },
  );
});
