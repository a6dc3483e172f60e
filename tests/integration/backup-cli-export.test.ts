import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasKeychain, KEYCHAIN_SKIP_REASON, OWNER_ONLY_MODE, runCli, tempVault, vaultFromUris } from '../support/cli';
import { decryptAegisIndependently } from './backup-aegis-decrypt';

const URIS = [
  'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME',
  'otpauth://hotp/Bank:bob?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Bank&counter=5&algorithm=SHA256&digits=8',
  'otpauth://steam/Steam:gamer?secret=KRSXG5CTMVRXEZLU&issuer=Steam',
];

const vaultWithAccounts = () => vaultFromUris(URIS);

const scratch = () => mkdtempSync(join(process.env['OTP_DESK_TEST_TMP'] ?? tmpdir(), 'cli-export-'));
/** Codes at a fixed time, to compare two vaults without printing secrets. */
const codes = (vault: string) => JSON.parse(runCli(vault, 'code', '--at', '59', '--json').stdout).map((c: { code: string }) => c.code);

describe.skipIf(!hasKeychain)(`CLI export ${hasKeychain ? '' : KEYCHAIN_SKIP_REASON}`, () => {
  it('writes text formats to stdout with a one-line warning on stderr, and they import back', () => {
    const vault = vaultWithAccounts();
    const run = runCli(vault, 'export', '--format', 'uris');
    expect(run.status).toBe(0);
    expect(run.stdout.split('\n').filter((l) => l.startsWith('otpauth://'))).toHaveLength(3);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^otp-desk: warning: .*not encrypted/)]);
    const file = join(scratch(), 'links.txt');
    writeFileSync(file, run.stdout);
    const copy = tempVault();
    expect(runCli(copy, 'import', file).status).toBe(0);
    expect(codes(copy)).toEqual(codes(vault));
  });

  it('aegis needs --password-file (exit 2) and then writes an owner-only file an independent reader decrypts, with no warning', () => {
    const vault = vaultWithAccounts();
    expect(runCli(vault, 'export', '--format', 'aegis').status).toBe(2);
    const dir = scratch();
    writeFileSync(join(dir, 'pw'), 'export secret\n');
    const out = join(dir, 'backup.json');
    const run = runCli(vault, 'export', '--format', 'aegis', '--out', out, '--password-file', join(dir, 'pw'));
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(statSync(out).mode & 0o777).toBe(OWNER_ONLY_MODE);
    const content = decryptAegisIndependently(readFileSync(out, 'utf8'), 'export secret');
    expect(content.entries.map((e) => `${e.type} ${e.issuer}:${e.name}`)).toEqual(['totp ACME:alice', 'hotp Bank:bob', 'steam Steam:gamer']);
    const copy = tempVault();
    expect(runCli(copy, 'import', out, '--password-file', join(dir, 'pw')).status).toBe(0);
    expect(codes(copy)).toEqual(codes(vault));
  });

  it('migration-qr writes one PNG per 10 accounts into DIR and names the Steam account it cannot carry', () => {
    const vault = vaultWithAccounts();
    expect(runCli(vault, 'export', '--format', 'migration-qr').status).toBe(2);
    const dir = join(scratch(), 'qr');
    const run = runCli(vault, 'export', '--format', 'migration-qr', '--out', dir);
    expect(run.status).toBe(0);
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/google-transfer-1-of-1\.png$/)]);
    expect(run.stderr).toMatch(/left out Steam: gamer: Steam Guard/);
    const copy = tempVault();
    expect(runCli(copy, 'import', join(dir, readdirSync(dir)[0]!)).status).toBe(0);
    expect(codes(copy)).toEqual(codes(vault).slice(0, 2));
  });

  it.each([
    [['export'], 2, /--format/],
    [['export', '--format', 'pdf'], 2, /--format uris\|aegis/],
    [['export', '--format', 'csv', 'extra'], 2, /no positional/],
  ])('%j exits %i with one clear line', (args, status, message) => {
    const run = runCli(vaultWithAccounts(), ...(args as string[]));
    expect(run.status).toBe(status);
    expect(run.stderr).toMatch(message);
  });

  it('csv and html go to --out and hold every account', () => {
    const vault = vaultWithAccounts();
    const dir = scratch();
    expect(runCli(vault, 'export', '--format', 'csv', '--out', join(dir, 'a.csv')).status).toBe(0);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8').split('\r\n')[0]).toBe('issuer,account,secret,type,algorithm,digits,period,counter,group');
    expect(runCli(vault, 'export', '--format', 'html', '--out', join(dir, 'a.html')).status).toBe(0);
    expect(readFileSync(join(dir, 'a.html'), 'utf8').match(/<svg/g)).toHaveLength(3);
  });
});
