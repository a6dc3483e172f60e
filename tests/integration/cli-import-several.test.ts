import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hasKeychain, KEYCHAIN_SKIP_REASON, runCli, tempVault } from '../support/cli';

const link = (issuer: string) =>
  `otpauth://totp/${issuer}:ana?secret=JBSWY3DPEHPK3PXP&issuer=${issuer}`;
const issuers = (vault: string) =>
  (JSON.parse(runCli(vault, 'list', '--json').stdout) as { issuer: string }[]).map((a) => a.issuer);

// GUIDE §5: a failed command changes nothing. With several files, one bad file means none is imported.
describe.skipIf(!hasKeychain)(`otp-desk import with several files${hasKeychain ? '' : ` (skipped: ${KEYCHAIN_SKIP_REASON})`}`, () => {
  it('imports every file or none: one unreadable file among good ones leaves the vault byte for byte as it was', () => {
    const vault = tempVault();
    expect(runCli(vault, 'add', link('Kept')).status).toBe(0);
    const folder = dirname(vault);
    const good1 = join(folder, 'one.txt');
    const good2 = join(folder, 'two.txt');
    const bad = join(folder, 'bad.png');
    writeFileSync(good1, `${link('First')}\n`);
    writeFileSync(good2, `${link('Second')}\n${link('Third')}\n`);
    // A PNG cut short after its signature: a file-level problem, not an unknown format.
    writeFileSync(bad, Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 7)]));
    const before = readFileSync(join(vault, 'vault.json'));

    const failed = runCli(vault, 'import', good1, bad, good2);
    expect(failed.status).toBe(1);
    expect(failed.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^otp-desk: .*bad\.png.*Nothing was imported/)]);
    expect(readFileSync(join(vault, 'vault.json')).equals(before)).toBe(true);
    expect(issuers(vault)).toEqual(['Kept']);

    const imported = runCli(vault, 'import', good1, good2);
    expect(imported.status).toBe(0);
    expect(issuers(vault)).toEqual(['Kept', 'First', 'Second', 'Third']);
  });
});
