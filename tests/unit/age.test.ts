import { ed25519 } from '@noble/curves/ed25519.js';
import { base64 } from '@scure/base';
import { armor, generateX25519Identity, identityToRecipient } from 'age-encryption';
import { describe, expect, it } from 'vitest';
import { decryptAge, encryptAge, isAgeFile } from '../../electron/core/age/age-file';
import { packAgeKey, parseAgeIdentities, unpackAgeKey } from '../../electron/core/age/age-identities';
import { parseAgeRecipient, parseAgeRecipients } from '../../electron/core/age/age-recipients';
import { SshEd25519Identity } from '../../electron/core/age/ssh-ed25519';
import { ed25519PublicKeyBlob, sshFingerprint } from '../../electron/core/age/ssh-wire';
import { buildExport } from '../../electron/core/exporters/build-export';
import { FILE_IMPORTERS } from '../../electron/core/importers/registry';
import { readFileWith } from '../../electron/core/importers/import-reader';
import type { AccountDraft } from '../../electron/core/otp/account';

// The age pieces without the age CLI (that is tests/integration/cli-age.test.ts): recipient and
// identity parsing, the ssh-ed25519 stanza round trip, and the importer reading what the exporter wrote.

const seed = new Uint8Array(32).fill(7);
const publicKey = ed25519.getPublicKey(seed);
const sshLine = `ssh-ed25519 ${base64.encode(ed25519PublicKeyBlob(publicKey))} alice@example.com`;
const ACCOUNT: AccountDraft = { type: 'totp', secret: 'JBSWY3DPEHPK3PXP', algorithm: 'SHA1', digits: 6, period: 30, counter: 0, issuer: 'AWS', account: 'root' };

describe('recipients', () => {
  it('reads age and ssh-ed25519 keys with type, fingerprint and comment, skipping comments', async () => {
    const ageKey = await identityToRecipient(await generateX25519Identity());
    const parsed = parseAgeRecipients(`# team\n\n${sshLine}\n${ageKey}\n`, 'team.keys');
    expect(parsed.map((p) => p.summary)).toEqual([
      { type: 'ssh-ed25519', fingerprint: sshFingerprint(ed25519PublicKeyBlob(publicKey)), comment: 'alice@example.com' },
      { type: 'age', fingerprint: `${ageKey.slice(0, 12)}…${ageKey.slice(-8)}`, comment: '' },
    ]);
  });

  it('names a malformed or unsupported line, and never repeats a private key pasted by mistake', () => {
    expect(() => parseAgeRecipients(`${sshLine}\n${sshLine.slice(0, 50)}`, 'Recipients')).toThrow(/^Recipients, line 2: ssh-ed25519 AAAAC3Nz… is not a valid ssh-ed25519 public key/);
    expect(() => parseAgeRecipient('ecdsa-sha2-nistp256 AAAAE2VjZHNh bob', 'x')).toThrow(/is an ecdsa-sha2-nistp256 key; OTP Desk encrypts to ssh-ed25519 and ssh-rsa keys and age keys/);
    expect(() => parseAgeRecipient('ssh-rsa AAAAB3NzaC1yc2E bob', 'x')).toThrow(/is not a valid ssh-rsa public key/);
    expect(() => parseAgeRecipient('age1qqqqqqqq', 'x')).toThrow(/is not a valid age public key/);
    expect(() => parseAgeRecipient('hello world', 'x')).toThrow(/neither an age public key/);
    const secret = 'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ';
    let message = '';
    try {
      parseAgeRecipients(secret, 'Recipients');
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/this is a private key, not a recipient/);
    expect(message).not.toContain('AGE-SECRET');
  });
});

describe('identities and the ssh-ed25519 stanza', () => {
  it('an ssh-ed25519 recipient decrypts with its own key only, and says who the file is for otherwise', async () => {
    const sealed = (await encryptAge('secret text', parseAgeRecipients(sshLine, 'k'), false)) as Uint8Array;
    expect(isAgeFile(sealed)).toBe(true);
    const own = new SshEd25519Identity(seed, publicKey);
    expect(new TextDecoder().decode(await decryptAge(sealed, [own], 'f.age', 'id'))).toBe('secret text');
    const otherSeed = new Uint8Array(32).fill(9);
    const other = new SshEd25519Identity(otherSeed, ed25519.getPublicKey(otherSeed));
    await expect(decryptAge(sealed, [other], 'f.age', 'id_other')).rejects.toThrow('id_other does not open f.age: it is encrypted to 1 ssh-ed25519 key, none of them this key.');
    await expect(decryptAge(sealed.subarray(0, sealed.length - 1), [own], 'f.age', 'id')).rejects.toThrow(/f\.age is damaged or incomplete/);
  });

  it('armored files are detected and read; identity files are checked line by line', async () => {
    const identity = await generateX25519Identity();
    const text = (await encryptAge('x', parseAgeRecipients(await identityToRecipient(identity), 'k'), true)) as string;
    expect(text.startsWith('-----BEGIN AGE ENCRYPTED FILE-----')).toBe(true);
    expect(isAgeFile(new TextEncoder().encode(text))).toBe(true);
    expect(armor.decode(text).length).toBeGreaterThan(0);
    const ids = parseAgeIdentities({ identity: `# created: now\n${identity}\n`, name: 'key.txt' });
    expect(new TextDecoder().decode(await decryptAge(new TextEncoder().encode(text), ids, 'f.age', 'key.txt'))).toBe('x');
    expect(() => parseAgeIdentities({ identity: 'not a key', name: 'notes.txt' })).toThrow('Line 1 of notes.txt is not a valid age secret key');
    expect(() => parseAgeIdentities({ identity: sshLine, name: 'id.pub' })).toThrow(/id\.pub holds a public key/);
    expect(() => parseAgeIdentities({ identity: 'AGE-PLUGIN-YUBIKEY-1QQQ', name: 'yk.txt' })).toThrow(/age plugin identity/);
  });

  it('packs the identity and passphrase for the sandbox and back; a bare string is identity text', () => {
    expect(unpackAgeKey(packAgeKey({ identity: 'AGE-SECRET-KEY-1X', name: 'k.txt', passphrase: 'p' }))).toEqual({ identity: 'AGE-SECRET-KEY-1X', name: 'k.txt', passphrase: 'p' });
    expect(unpackAgeKey('AGE-SECRET-KEY-1X')).toEqual({ identity: 'AGE-SECRET-KEY-1X', name: 'the identity' });
  });
});

describe('age export and import', () => {
  it('the importer reads what the exporter wrote, for any inner format, and stays locked without an identity', async () => {
    const identity = await generateX25519Identity();
    const recipients = parseAgeRecipients(await identityToRecipient(identity), 'k');
    for (const inner of ['uris', 'aegis-plain', 'bitwarden', 'csv'] as const) {
      const output = await buildExport('age', [ACCOUNT], { now: 0, recipients, inner, armor: inner === 'csv' });
      expect(output.encrypted).toBe(true);
      const file = output.files[0]!;
      expect(file.fileName.endsWith('.age')).toBe(true);
      const source = { fileName: file.fileName, bytes: typeof file.data === 'string' ? new TextEncoder().encode(file.data) : file.data };
      expect(await readFileWith(FILE_IMPORTERS, source)).toEqual({ state: 'locked', format: 'age encrypted file', guessed: false, unlocksWith: 'identity' });
      const reading = await readFileWith(FILE_IMPORTERS, source, packAgeKey({ identity, name: 'key.txt' }));
      expect(reading.state === 'read' && reading.result.entries.map((e) => [e.issuer, e.account, e.secret])).toEqual([['AWS', 'root', 'JBSWY3DPEHPK3PXP']]);
    }
  });

  it('refuses an age export without recipients', async () => {
    await expect(buildExport('age', [ACCOUNT], { now: 0, recipients: [] })).rejects.toThrow(/needs at least one recipient/);
  });
});
