import { spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { describe, expect, it } from 'vitest';
import { qrPng } from '../../electron/core/exporters/qr-render';
import { codeWindow } from '../../electron/core/otp/otp';
import { AuthenticatorService } from '../../electron/service';
import { KeytarKeyStore } from '../../electron/vault/keychain-keytar.node';
import { hasKeychain, KEYCHAIN_SKIP_REASON, runCli, tempVault, vaultFromUris } from '../support/cli';
import { runOnTerminal } from '../support/terminal';

// Selection, re-authentication, `show`, `code --format aws` and the bad-input rules of `export`.

const URIS = [
  'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME',
  'otpauth://totp/ACME:bob?secret=KRSXG5CTMVRXEZLU&issuer=ACME',
  'otpauth://totp/Amazon%20Web%20Services:root@123456789012?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Amazon%20Web%20Services',
];
const VAULT_PASSWORD = 'vault pass phrase';

const scratch = () =>
  mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'cli-escrow-'));
const vaultWithAccounts = () => vaultFromUris(URIS);
const listed = (vault: string) =>
  JSON.parse(runCli(vault, 'list', '--json').stdout) as {
    id: string;
    issuer: string;
    account: string;
  }[];
const uriLines = (text: string) => text.split('\n').filter((l) => l.startsWith('otpauth://'));

async function setVaultPassword(vault: string, password: string): Promise<void> {
  const service = await AuthenticatorService.open(vault, new KeytarKeyStore());
  await service.vaultHandle.setPassword(password);
}

function file(dir: string, name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

/** Reads the text QR code `show` prints (dark modules as █▀▄) back into an image and decodes it. */
function decodeTextQr(lines: readonly string[]): string | undefined {
  const rows = lines.flatMap((line) => {
    const chars = [...line];
    return [chars.map((c) => c === '█' || c === '▀'), chars.map((c) => c === '█' || c === '▄')];
  });
  const width = Math.max(...rows.map((r) => r.length));
  const scale = 4;
  const data = new Uint8ClampedArray(width * scale * rows.length * scale * 4).fill(255);
  rows.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (!dark) return;
      for (let dy = 0; dy < scale; dy++)
        for (let dx = 0; dx < scale; dx++)
          data.fill(
            0,
            ((y * scale + dy) * width * scale + x * scale + dx) * 4,
            ((y * scale + dy) * width * scale + x * scale + dx) * 4 + 3,
          );
    }),
  );
  return jsQR(data, width * scale, rows.length * scale)?.data;
}

describe.skipIf(!hasKeychain)(
  `CLI escrow and re-authentication ${hasKeychain ? '' : KEYCHAIN_SKIP_REASON}`,
  () => {
    it('--query exports what `code QUERY` matches, --ids exactly the ids given (short ids from list work)', () => {
      const vault = vaultWithAccounts();
      const byQuery = runCli(vault, 'export', '--format', 'uris', '--query', 'acme');
      expect(byQuery.status).toBe(0);
      expect(uriLines(byQuery.stdout)).toEqual(
        URIS.slice(0, 2).map((u) => expect.stringContaining(u.slice(0, u.indexOf('?')))),
      );
      const [alice, , aws] = listed(vault);
      const byIds = runCli(
        vault,
        'export',
        '--format',
        'uris',
        '--ids',
        `${aws!.id},${alice!.id.slice(0, 8)}`,
      );
      expect(byIds.status).toBe(0);
      expect(uriLines(byIds.stdout).map((l) => l.slice(0, 30))).toEqual([
        expect.stringContaining('Amazon'),
        expect.stringContaining('ACME:alice'),
      ]);
    });

    it.each([
      [['--query', 'nobody'], 1, /No account matches "nobody"; nothing was exported/],
      [['--ids', 'not-an-id'], 1, /No account has the id "not-an-id"/],
      [['--ids', ','], 2, /--ids takes account ids/],
      [['--query', 'acme', '--ids', 'x'], 2, /either --query or --ids/],
    ])(
      'an empty or unclear selection %j exits %i with one line and writes nothing',
      (args, status, message) => {
        const vault = vaultWithAccounts();
        const dir = scratch();
        const run = runCli(
          vault,
          'export',
          '--format',
          'csv',
          '--out',
          join(dir, 'out.csv'),
          ...(args as string[]),
        );
        expect(run.status).toBe(status);
        expect(run.stderr).toMatch(message as RegExp);
        expect(run.stderr).toMatch(/^otp-desk: /);
        expect(readdirSync(dir)).toEqual([]);
      },
    );

    it('bad output paths, short KeePass passwords and existing files: exit 1, one line, nothing written; --force replaces', () => {
      const vault = vaultWithAccounts();
      const dir = scratch();
      const good = file(dir, 'good-pw', 'long enough\n');
      const short = file(dir, 'short-pw', 'seven77\n');
      const kdbx = (out: string, pw: string, ...more: string[]) =>
        runCli(vault, 'export', '--format', 'kdbx', '--out', out, '--password-file', pw, ...more);
      const before = readdirSync(dir).sort();

      const shortRun = kdbx(join(dir, 'a.kdbx'), short);
      expect([shortRun.status, shortRun.stderr.trim()]).toEqual([
        1,
        expect.stringMatching(/^otp-desk: .*shorter than 8 characters/),
      ]);
      const missing = kdbx(join(dir, 'no-such-folder', 'a.kdbx'), good);
      expect([missing.status, missing.stderr.trim()]).toEqual([
        1,
        expect.stringMatching(/^otp-desk: The folder .*no-such-folder does not exist/),
      ]);
      const isDir = kdbx(dir, good);
      expect([isDir.status, isDir.stderr.trim()]).toEqual([
        1,
        expect.stringMatching(/is a folder/),
      ]);
      // A folder that can't be written: read-only permissions, or (root ignores those) sysfs.
      const root = process.getuid?.() === 0;
      const locked = root ? '/sys' : join(dir, 'locked');
      if (!root) mkdirSync(locked, { mode: 0o500 });
      const denied = runCli(vault, 'export', '--format', 'csv', '--out', join(locked, 'a.csv'));
      expect([denied.status, denied.stderr.trim()]).toEqual([
        1,
        expect.stringMatching(/^otp-desk: Cannot write (to the folder )?\S*\/(locked|sys)\b[^\n]*$/),
      ]);
      expect(existsSync(join(locked, 'a.csv'))).toBe(false);
      expect(runCli(vault, 'export', '--format', 'kdbx', '--password-file', good).status).toBe(2);
      expect(readdirSync(dir).sort()).toEqual(before.concat(root ? [] : ['locked']).sort());

      const out = join(dir, 'team.kdbx');
      expect(kdbx(out, good).status).toBe(0);
      const first = readFileSync(out);
      const again = kdbx(out, good);
      expect([again.status, again.stderr.trim()]).toEqual([
        1,
        expect.stringMatching(/team\.kdbx already exists\. Pass --force/),
      ]);
      expect(readFileSync(out).equals(first)).toBe(true);
      expect(kdbx(out, good, '--force').status).toBe(0);
      expect(readFileSync(out).equals(first)).toBe(false);
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    });

    it('bitwarden --collection writes an organisation export that imports back with the same codes', () => {
      const vault = vaultWithAccounts();
      const dir = scratch();
      const run = runCli(
        vault,
        'export',
        '--format',
        'bitwarden',
        '--collection',
        'AWS roots',
        '--query',
        'Amazon',
        '--out',
        join(dir, 'bw.json'),
      );
      expect(run.status).toBe(0);
      expect(run.stderr).toMatch(/^otp-desk: warning: .*not encrypted/);
      const json = JSON.parse(readFileSync(join(dir, 'bw.json'), 'utf8'));
      expect(json.collections.map((c: { name: string }) => c.name)).toEqual(['AWS roots']);
      expect(json.items).toHaveLength(1);
      const copy = tempVault();
      expect(runCli(copy, 'import', join(dir, 'bw.json')).status).toBe(0);
      expect(runCli(copy, 'code', '--at', '59', '--json').stdout).toBe(
        runCli(vault, 'code', 'Amazon', '--at', '59', '--json').stdout.replace(
          listed(vault)[2]!.id,
          listed(copy)[0]!.id,
        ),
      );
      expect(runCli(vault, 'export', '--format', 'csv', '--collection', 'x').status).toBe(2);
    });

    it('code --format aws prints the two consecutive codes AWS asks for, for exactly one TOTP account', () => {
      const vault = vaultWithAccounts();
      const run = runCli(vault, 'code', 'Amazon', '--format', 'aws', '--at', '59');
      expect(run.status).toBe(0);
      // RFC 6238's SHA1 key "12345678901234567890": 94287082 at 59 s, so 287082; the next window's code follows.
      const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
      const next = codeWindow(
        { type: 'totp', secret, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
        60,
      ).code;
      expect(run.stdout).toBe(`--authentication-code1 287082 --authentication-code2 ${next}\n`);
      expect(runCli(vault, 'code', 'ACME', '--format', 'aws').stderr).toMatch(
        /exactly one account \(it matches 2/,
      );
      expect(runCli(vault, 'code', 'Amazon', '--format', 'json').status).toBe(2);
      expect(runCli(vault, 'code', '--format', 'aws').status).toBe(2);
    });

    it('show prints the key, the link and a QR code that decodes to the link, with a one-line warning when there is no vault password', () => {
      const vault = vaultWithAccounts();
      const run = runCli(vault, 'show', 'alice');
      expect(run.status).toBe(0);
      expect(run.stderr.trim().split('\n')).toEqual([
        expect.stringMatching(/^otp-desk: warning: .*secret key in the clear/),
      ]);
      const lines = run.stdout.split('\n');
      expect(lines.slice(0, 3)).toEqual([
        'ACME / alice  (TOTP · SHA1 · 6 digits · 30 s)',
        'Key:  JBSW Y3DP EHPK 3PXP',
        `Link: ${URIS[0]}&algorithm=SHA1&digits=6&period=30`,
      ]);
      expect(decodeTextQr(lines.slice(3).filter((l) => l.length > 0))).toBe(
        lines[2]!.slice('Link: '.length),
      );
      expect(runCli(vault, 'show', 'ACME').stderr).toMatch(/matches 2 accounts/);
    });

    it('with a vault password: export and show need it; a wrong one exits 3 and writes nothing; the right one works without the warning', async () => {
      const vault = vaultWithAccounts();
      await setVaultPassword(vault, VAULT_PASSWORD);
      const dir = scratch();
      const right = file(dir, 'right', `${VAULT_PASSWORD}\n`);
      const wrong = file(dir, 'wrong', 'guess\n');
      const out = join(dir, 'export.txt');
      const exportUris = (...auth: string[]) =>
        runCli(vault, ...auth, 'export', '--format', 'uris', '--out', out);

      const none = exportUris();
      expect([none.status, none.stderr.trim()]).toEqual([
        3,
        expect.stringMatching(/^otp-desk: This vault has a password: .*--vault-password-file/),
      ]);
      const bad = exportUris('--vault-password-file', wrong);
      expect([bad.status, bad.stderr.trim()]).toEqual([
        3,
        expect.stringMatching(/^otp-desk: The vault password is wrong/),
      ]);
      expect(runCli(vault, '--vault-password-file', wrong, 'show', 'alice')).toMatchObject({
        status: 3,
        stdout: '',
      });
      expect(runCli(vault, 'show', 'alice')).toMatchObject({ status: 3, stdout: '' });
      expect(existsSync(out)).toBe(false);
      expect(readdirSync(dir).sort()).toEqual(['right', 'wrong']);

      const ok = exportUris('--vault-password-file', right);
      expect(ok.status).toBe(0);
      expect(uriLines(readFileSync(out, 'utf8'))).toHaveLength(3);
      const shown = runCli(vault, '--vault-password-file', right, 'show', 'alice');
      expect(shown.status).toBe(0);
      expect(shown.stderr).toBe('');
      expect(shown.stdout).toContain('JBSW Y3DP EHPK 3PXP');
      // Commands that reveal no secret still open through the keychain, with no password.
      expect(runCli(vault, 'code', 'alice', '--at', '59').status).toBe(0);
    });

    it.skipIf(spawnSync('script', ['--version']).status !== 0)(
      'on a terminal it asks for the vault password without echoing it',
      async () => {
        const vault = vaultWithAccounts();
        await setVaultPassword(vault, VAULT_PASSWORD);
        const good = await runOnTerminal(['--vault', vault, 'show', 'alice'], VAULT_PASSWORD);
        expect(good.status).toBe(0);
        expect(good.output).toContain('Vault password: ');
        expect(good.output).toContain('JBSW Y3DP EHPK 3PXP');
        expect(good.output).not.toContain(VAULT_PASSWORD);
        const bad = await runOnTerminal(['--vault', vault, 'show', 'alice'], 'wrong guess');
        expect(bad.status).toBe(3);
        expect(bad.output).not.toContain('wrong guess');
        expect(bad.output).not.toContain('JBSW');
      },
    );

    it('imports the QR code PNG that `aws iam create-virtual-mfa-device --bootstrap-method QRCodePNG` writes', async () => {
      // AWS writes the PNG of an otpauth URI with a 64-character Base32 seed and "Amazon Web Services" as issuer.
      const seed = 'MZXW6YTBOI4DSNBRGQ3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBV';
      const uri = `otpauth://totp/Amazon%20Web%20Services:alice-mfa@123456789012?secret=${seed}&issuer=Amazon%20Web%20Services`;
      const dir = scratch();
      const png = join(dir, 'alice-mfa.png');
      writeFileSync(png, await qrPng(uri, 4));
      const vault = tempVault();
      const run = runCli(vault, 'import', png);
      expect(run.status).toBe(0);
      expect(listed(vault)).toEqual([
        expect.objectContaining({
          issuer: 'Amazon Web Services',
          account: 'alice-mfa@123456789012',
        }),
      ]);
      const expected = codeWindow(
        { type: 'totp', secret: seed, algorithm: 'SHA1', digits: 6, period: 30, counter: 0 },
        1_700_000_000,
      );
      expect(
        runCli(vault, 'code', 'alice-mfa', '--format', 'aws', '--at', '1700000000').stdout.trim(),
      ).toBe(`--authentication-code1 ${expected.code} --authentication-code2 ${expected.next}`);
    });
  },
);
