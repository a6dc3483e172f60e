import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import keytar from 'keytar';
import { describe, expect, it } from 'vitest';
import { hasKeychain, KEYCHAIN_SKIP_REASON, runCli, tempVault } from '../support/cli';
import { readVaultJson } from '../support/vault-json';

const URI = 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME';
const oathtool = (at: number) =>
  existsSync('/usr/bin/oathtool') ? execFileSync('oathtool', ['--totp', '-b', 'JBSWY3DPEHPK3PXP', '-N', `@${at}`]).toString().trim() : null;

const vaultId = (dir: string) => readVaultJson(dir).id;

describe.skipIf(!hasKeychain)(`CLI against the real OS keychain${hasKeychain ? '' : ` (skipped: ${KEYCHAIN_SKIP_REASON})`}`, () => {
  it('adds an account and prints the codes oathtool gives at 59 s and 89 s', () => {
    const vault = tempVault();
    expect(runCli(vault, 'add', URI)).toMatchObject({ status: 0 });
    const run = runCli(vault, 'code', 'ACME', '--at', '59', '--next', '--json');
    expect(run.status).toBe(0);
    const [entry] = JSON.parse(run.stdout);
    expect(entry).toMatchObject({ issuer: 'ACME', account: 'alice', validFrom: 30, validUntil: 60 });
    // Independent oracle where installed; otherwise the RFC-checked values oathtool printed for this key.
    expect(entry.code).toBe(oathtool(59) ?? '996554');
    expect(entry.next).toBe(oathtool(89) ?? '602287');
  });

  it('stores exactly one keychain item for the vault and no secret in any vault file', async () => {
    const vault = tempVault();
    runCli(vault, 'add', URI);
    runCli(vault, 'add', '--secret', 'GEZD GNBV GY3T QOJQ', '--issuer', 'Other', '--account', 'bob');
    const items = (await keytar.findCredentials('OTP Desk')).filter((c) => c.account === vaultId(vault));
    expect(items).toHaveLength(1);
    for (const file of readdirSync(vault)) {
      const text = readFileSync(join(vault, file), 'latin1');
      for (const secret of ['JBSWY3DPEHPK3PXP', 'GEZDGNBVGY3TQOJQ', '48656c6c6f21deadbeef', 'SGVsbG8h3q2+7w==']) expect(text).not.toContain(secret);
    }
  });

  it('exits 3 with guidance when the keychain item is gone, leaving the vault bytes unchanged', async () => {
    const vault = tempVault();
    runCli(vault, 'add', URI);
    const before = readFileSync(join(vault, 'vault.json'));
    expect(await keytar.deletePassword('OTP Desk', vaultId(vault))).toBe(true);
    const run = runCli(vault, 'list');
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/^otp-desk: The OS keychain has no key for this vault .*restore/m);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(readFileSync(join(vault, 'vault.json')).equals(before)).toBe(true);
  });
});
