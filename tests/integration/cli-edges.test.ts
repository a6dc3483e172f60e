import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, hasKeychain, KEYCHAIN_SKIP_REASON, runCli, tempVault } from '../support/cli';
import { readVaultJson } from '../support/vault-json';

const SECRETS = ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ', 'MFRGGZDFMZTWQ2LK'];

/** 1,000 links, 31 of them with a raw space in the issuer (as exports write them) and 4 broken ones. */
function linkList(): { text: string; bad: number[] } {
  const lines: string[] = [];
  const bad: number[] = [];
  for (let i = 1; i <= 1000; i++) {
    const secret = SECRETS[i % 3]!;
    if (i % 250 === 7) {
      bad.push(i);
      lines.push(`otpauth://totp/Broken:${i}?secret=JBSW0Y3D`);
    } else if (i % 32 === 0) {
      lines.push(`otpauth://totp/Dropbox Business:user${i}?secret=${secret}&issuer=Dropbox%20Business`);
    } else {
      lines.push(`otpauth://totp/Service${i}:user${i}?secret=${secret}`);
    }
  }
  return { text: lines.join('\n'), bad };
}

describe.skipIf(!hasKeychain)(`CLI edges a newcomer touches (${KEYCHAIN_SKIP_REASON})`, () => {
  it('imports a list all or nothing: broken lines stop it with the real reason; --skip-bad imports the rest and says which were skipped', () => {
    const vault = tempVault();
    runCli(vault, 'add', 'otpauth://totp/Seed:me?secret=JBSWY3DPEHPK3PXP');
    const before = readFileSync(join(vault, 'vault.json'));
    const { text, bad } = linkList();
    const file = join(dirname(vault), 'links.txt');
    writeFileSync(file, text);

    const refused = runCli(vault, 'import', file);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^otp-desk: ${bad.length} entries can't be imported \\(links.txt: line ${bad[0]}, `));
    expect(refused.stderr).toMatch(/character base32 does not use/);
    expect(refused.stderr).toContain(`Nothing was imported. Fix them, or pass --skip-bad to import the other ${1000 - bad.length}.`);
    expect(refused.stderr).not.toMatch(/no secret parameter/);
    expect(refused.stderr).not.toContain('JBSW0Y3D');
    expect(readFileSync(join(vault, 'vault.json')).equals(before)).toBe(true);

    const partial = runCli(vault, 'import', file, '--skip-bad');
    expect(partial.status).toBe(0);
    expect(partial.stdout).toContain(`Imported ${1000 - bad.length} accounts (otpauth link list); skipped ${bad.length} that can't be read (links.txt: line ${bad[0]}, links.txt: line ${bad[1]}`);
    const list = JSON.parse(runCli(vault, 'list', '--json').stdout) as { issuer: string; account: string }[];
    expect(list).toHaveLength(1 + 1000 - bad.length);
    expect(list.filter((a) => a.issuer === 'Dropbox Business')).toHaveLength(31);
  });

  it('reads an otpauth link with a raw space in the label the way add does', () => {
    const vault = tempVault();
    const file = join(dirname(vault), 'one.txt');
    writeFileSync(file, 'otpauth://totp/Dropbox Business:bob?secret=JBSWY3DPEHPK3PXP\n');
    expect(runCli(vault, 'import', file).status).toBe(0);
    expect(JSON.parse(runCli(vault, 'list', '--json').stdout)).toMatchObject([{ issuer: 'Dropbox Business', account: 'bob' }]);
  });

  it.each([
    [['import', 'nope.png'], /^otp-desk: Cannot read nope\.png: there is no such file; check the path\.$/m],
    [['import', 'x.txt', '--password-file', 'missing-pw'], /Cannot read (x\.txt|the password file missing-pw): there is no such file/],
    [['add', '--secret', 'JBSW', '--issuer', 'X', '--account', 'a'], /The secret key is too short \(4 characters; keys have at least 16\)/],
  ])('%j says what is wrong in words, without a system error code', (args, message) => {
    const run = runCli(tempVault(), ...(args as string[]));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(message as RegExp);
    expect(run.stderr).not.toMatch(/\bE[A-Z]{3,}\b/);
  });

  it('names --vault-password-file when the keychain has no key, and that flag opens the vault', () => {
    const vault = tempVault();
    runCli(vault, 'add', 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP');
    const pw = join(dirname(vault), 'pw');
    writeFileSync(pw, 'correct horse battery staple\n');
    expect(runCli(vault, 'password', 'set', '--password-file', pw).status).toBe(0);
    // The keychain item deleted, as on a new machine or after a keyring reset.
    const id = readVaultJson(vault).id;
    const keytarDelete = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(require.resolve('keytar'))}).deletePassword('OTP Desk', ${JSON.stringify(id)}).then(() => process.exit(0))`]);
    expect(keytarDelete.status).toBe(0);
    const locked = runCli(vault, 'list');
    expect(locked.status).toBe(3);
    expect(locked.stderr).toContain('--vault-password-file FILE');
    const opened = runCli(vault, '--vault-password-file', pw, 'list');
    expect(opened.status).toBe(0);
    expect(opened.stdout).toContain('ACME');
  });
});

describe('CLI completions and man page', () => {
  it('bash completes commands and the typed command\'s flags', () => {
    const complete = (words: string) =>
      spawnSync('bash', ['-c', `source <(${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} completion bash); COMP_WORDS=(${words}); COMP_CWORD=$((\${#COMP_WORDS[@]}-1)); _otp_desk; echo "\${COMPREPLY[@]}"`], { encoding: 'utf8' }).stdout.trim();
    expect(complete('otp-desk co').split(' ').sort()).toEqual(['code', 'completion']);
    expect(complete('otp-desk code --n')).toBe('--next');
    expect(complete('otp-desk export --fo').split(' ').sort()).toEqual(['--force', '--format']);
  });

  it('zsh and fish scripts name every command; an unknown shell is a usage error', () => {
    const run = (shell: string) => spawnSync(process.execPath, [CLI, 'completion', shell], { encoding: 'utf8' });
    for (const shell of ['zsh', 'fish']) {
      const script = run(shell).stdout;
      for (const name of ['add', 'code', 'export', 'import', 'list', 'password', 'remove', 'show']) expect(script).toContain(name);
    }
    expect(run('zsh').stdout).toMatch(/^#compdef otp-desk/);
    expect(run('powershell').status).toBe(2);
  });

  it('the build writes a man page from the same table as --help', () => {
    const man = join(dirname(CLI), '../man/otp-desk.1');
    expect(existsSync(man)).toBe(true);
    const page = readFileSync(man, 'utf8');
    expect(page).toMatch(/^\.TH OTP-DESK 1/);
    for (const name of ['add', 'code', 'export', 'import', 'completion']) expect(page).toContain(`.SS ${name}`);
    expect(page).toContain('\\-\\-vault\\-password\\-file');
  });
});
