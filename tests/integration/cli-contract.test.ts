import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasKeychain, runCli, tempVault } from '../support/cli';

const URI = 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME';

describe.skipIf(!hasKeychain)('CLI contract', () => {
  it('lists accounts as JSON in the contract shape, without secrets', () => {
    const vault = tempVault();
    runCli(vault, 'add', URI);
    runCli(vault, 'add', '--secret', 'JBSWY3DPEHPK3PXP', '--issuer', 'Bank', '--account', 'me', '--hotp', '--counter', '7', '--algorithm', 'SHA256', '--digits', '8');
    const run = runCli(vault, 'list', '--json');
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('JBSWY3DP');
    const list = JSON.parse(run.stdout);
    expect(list).toEqual([
      { id: expect.any(String), type: 'totp', issuer: 'ACME', account: 'alice', algorithm: 'SHA1', digits: 6, period: 30 },
      { id: expect.any(String), type: 'hotp', issuer: 'Bank', account: 'me', algorithm: 'SHA256', digits: 8, counter: 7 },
    ]);
  });

  it('accepts ISO-8601 times and advances HOTP counters with --advance', () => {
    const vault = tempVault();
    runCli(vault, 'add', URI);
    runCli(vault, 'add', 'otpauth://hotp/H:c?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&counter=0');
    const iso = JSON.parse(runCli(vault, 'code', 'ACME', '--at', '1970-01-01T00:00:59Z', '--json').stdout);
    expect(iso[0].code).toBe('996554');
    // RFC 4226 Appendix D: counter 1 gives 287082, counter 2 gives 359152.
    expect(JSON.parse(runCli(vault, 'code', 'H', '--advance', '--json').stdout)[0].code).toBe('287082');
    expect(JSON.parse(runCli(vault, 'code', 'H', '--json').stdout)[0].code).toBe('287082');
    expect(JSON.parse(runCli(vault, 'code', 'H', '--advance', '--json').stdout)[0].code).toBe('359152');
  });

  it.each([
    [['add', 'otpauth://totp/A?secret=JBSW0Y3DP'], 1, /base32/],
    [['add', 'otpauth://totp/A?secret=JBSWY3DPEHPK3PXP&algorithm=MD5'], 1, /algorithm "MD5" is not supported/],
    [['add', '--secret', 'JBSWY3DPEHPK3PXP', '--issuer', 'X', '--digits', '9'], 1, /6, 7 or 8 digits/],
    [['add', '--secret', 'JBSWY3DPEHPK3PXP', '--issuer', 'X', '--period', '0'], 1, /period must be/],
    [['add', '--secret', 'JBSWY3DPEHPK3PXP', '--issuer', 'X', '--period', '-5'], 1, /period must be/],
    [['add', 'https://example.com'], 1, /not an otpauth URI/],
    [['code', 'nothing-like-this'], 1, /No account matches/],
    [['remove', 'ACME'], 2, /--yes/],
    [['frobnicate'], 2, /Unknown command/],
    [['code', '--at', 'yesterday'], 2, /ISO-8601/],
  ])('%j exits %i with one clear line and changes nothing', (args, status, message) => {
    const vault = tempVault();
    runCli(vault, 'add', URI);
    const before = readFileSync(join(vault, 'vault.json'));
    const run = runCli(vault, ...(args as string[]));
    expect(run.status).toBe(status);
    expect(run.stderr).toMatch(/^otp-desk: /);
    expect(run.stderr).toMatch(message as RegExp);
    expect(run.stderr).not.toContain('JBSWY3DP');
    expect(readFileSync(join(vault, 'vault.json')).equals(before)).toBe(true);
  });

  it('removes one account with --yes (restorable from the app)', () => {
    const vault = tempVault();
    runCli(vault, 'add', URI);
    expect(runCli(vault, 'remove', 'ACME', '--yes').status).toBe(0);
    expect(JSON.parse(runCli(vault, 'list', '--json').stdout)).toEqual([]);
  });
});
