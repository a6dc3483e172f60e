import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasKeychain, INSTALLED_CLI, KEYCHAIN_SKIP_REASON, runCliAt, tempVault } from '../support/cli';
import { readVaultJson } from '../support/vault-json';
import { decryptAegisIndependently } from './backup-aegis-decrypt';

/** The installed CLI (dist/cli), not the test build the other files run with its cheaper scrypt. */
const installed = (vault: string, ...args: string[]) => runCliAt(INSTALLED_CLI, vault, ...args);
const PRODUCT_COST = { n: 2 ** 17, r: 8, p: 1 };

describe.skipIf(!hasKeychain)(`the installed CLI's password keys (${KEYCHAIN_SKIP_REASON} otherwise)`, () => {
  it('cost scrypt N=2^17, r=8, p=1 in the vault password slot and in an encrypted backup, and open with it', () => {
    const vault = tempVault();
    expect(installed(vault, 'add', 'otpauth://totp/ACME:alice?secret=JBSWY3DPEHPK3PXP&issuer=ACME').status).toBe(0);
    const password = join(vault, '..', 'pw');
    writeFileSync(password, 'a long vault passphrase\n');
    const backup = join(vault, '..', 'backup.json');
    expect(installed(vault, 'export', '--format', 'aegis', '--out', backup, '--password-file', password).status).toBe(0);
    const text = readFileSync(backup, 'utf8');
    const backupSlot = JSON.parse(text).header.slots.find((s: { type: number }) => s.type === 1);
    expect({ n: backupSlot.n, r: backupSlot.r, p: backupSlot.p }).toEqual(PRODUCT_COST);
    expect(decryptAegisIndependently(text, 'a long vault passphrase').entries.map((e) => e.issuer)).toEqual(['ACME']);

    expect(installed(vault, 'password', 'set', '--password-file', password).status).toBe(0);
    const slot = readVaultJson(vault).slots.find((s: { type: string }) => s.type === 'password');
    expect({ n: slot.scrypt.n, r: slot.scrypt.r, p: slot.scrypt.p }).toEqual(PRODUCT_COST);
    expect(installed(vault, '--vault-password-file', password, 'list').status).toBe(0);
  });
});
