import { describe, expect, it } from 'vitest';
import type { AccountDraft } from '../../electron/core/otp/account';
import { UserError } from '../../electron/core/errors';
import type { Importer, ImportSource } from '../../electron/core/format/importer';
import { authenticatorPlusImporter } from '../../electron/core/importers/authenticator-plus';
import { freeOtpV2Importer } from '../../electron/core/importers/free-otp-v2';
import { googleAuthenticatorDbImporter } from '../../electron/core/importers/google-authenticator-db';
import { microsoftAuthenticatorDbImporter } from '../../electron/core/importers/microsoft-authenticator-db';
import { stratumImporter } from '../../electron/core/importers/stratum';
import { stratumDbImporter } from '../../electron/core/importers/stratum-db';
import {
  corpusSource,
  hasCorpusFolder,
  readExpected,
  type ExpectedEntry,
  type ExpectedFileIn,
} from '../support/corpus';

const hasFolder = hasCorpusFolder('aegis-importers');
const expectedFiles = readExpected('aegis-importers');

function expectedFor(file: string): ExpectedFileIn<'aegis-importers'> {
  const expected = expectedFiles[file];
  if (!expected) throw new Error(`expected.json has no entry for ${file}`);
  return expected;
}

function load(file: string): ImportSource {
  return corpusSource('aegis-importers', file);
}

/** The fields a user sees after import, in expected.json's vocabulary. */
function visible(entry: AccountDraft | ExpectedEntry) {
  const account = 'account' in entry ? entry.account : entry.name;
  return {
    type: entry.type,
    issuer: entry.issuer,
    account,
    algorithm: entry.algorithm,
    digits: entry.digits,
    ...(entry.type === 'hotp' ? { counter: entry.counter } : { period: entry.period }),
  };
}

async function rejection(promise: Promise<unknown>): Promise<UserError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  }
  throw new Error('expected the import to fail');
}

/** Every corpus file this suite owns, with the importer that must claim it. */
const cases: readonly (readonly [string, Importer])[] = [
  ['stratum_plain.json', stratumImporter],
  ['stratum_encrypted.bin', stratumImporter],
  ['stratum_encrypted_legacy.bin', stratumImporter],
  ['stratum_internal.db', stratumDbImporter],
  ['google_authenticator.sqlite', googleAuthenticatorDbImporter],
  ['microsoft_authenticator.sqlite', microsoftAuthenticatorDbImporter],
  ['authenticator_plus.zip', authenticatorPlusImporter],
  ['freeotp_v2_api23.xml', freeOtpV2Importer],
  ['freeotp_v2_api25.xml', freeOtpV2Importer],
  ['freeotp_v2_api27.xml', freeOtpV2Importer],
  ['freeotp_v2_api34.xml', freeOtpV2Importer],
  ['freeotp_v2_null_algo.xml', freeOtpV2Importer],
];

const importers = [...new Set(cases.map(([, importer]) => importer))];

const encryptedCases = hasFolder
  ? cases.filter(([file]) => expectedFor(file).password !== undefined)
  : [];

describe.skipIf(!hasFolder)('binary and database importers against the Aegis corpus', () => {
  describe.each(cases)('%s', (file, importer) => {
    const expected = hasFolder ? expectedFor(file) : { entries: [] };

    it('is recognised by its content, not its name', () => {
      const source = load(file);
      expect(importer.matches({ ...source, fileName: 'renamed.dat' })).toBe(true);
      expect(importer.isEncrypted(source)).toBe(expected.password !== undefined);
    });

    it('is claimed by no other importer of this suite', () => {
      const source = load(file);
      const claimants = importers.filter((other) => other.matches(source)).map((other) => other.id);
      expect(claimants).toEqual([importer.id]);
    });

    it('imports every entry with the values expected.json lists', async () => {
      const result = await importer.read(load(file), expected.password);
      expect(result.issues).toEqual([]);
      expect(result.entries).toHaveLength(expected.entries.length);
      for (const want of expected.entries) {
        const got = result.entries.find((entry) => entry.secret === want.secret);
        expect(got, `entry ${want.issuer} / ${want.name}`).toBeDefined();
        expect(visible(got!)).toEqual(visible(want));
      }
    });
  });

  describe.each(encryptedCases)('%s with a bad password', (file, importer) => {
    it('asks for a password when none is given', async () => {
      const error = await rejection(importer.read(load(file)));
      expect(error.kind).toBe('password-required');
    });

    it('says the password is wrong and imports nothing', async () => {
      const error = await rejection(importer.read(load(file), 'not the password'));
      expect(error.kind).toBe('wrong-password');
      expect(error.message).toMatch(/password is wrong/);
    });
  });

  it('reports a zip whose encrypted contents were changed as damaged, not as imported', async () => {
    const source = load('authenticator_plus.zip');
    const bytes = Uint8Array.from(source.bytes);
    bytes[200] = bytes[200]! ^ 0x40; // inside Accounts.txt's compressed data, after the 12-byte ZipCrypto header
    const error = await rejection(
      authenticatorPlusImporter.read(
        { ...source, bytes },
        expectedFor('authenticator_plus.zip').password,
      ),
    );
    expect(error.kind).toBe('integrity');
  });

  it('skips a FreeOTP entry whose encrypted secret was changed, reports it, and imports the rest', async () => {
    const file = 'freeotp_v2_api23.xml';
    const source = load(file);
    const text = Buffer.from(source.bytes).toString('latin1');
    // Token secrets sit in JSON nested inside a string, so their field names carry escaped quotes.
    const at = text.indexOf('\\"mCipherText\\":[') + '\\"mCipherText\\":['.length;
    let end = at;
    while (/[-0-9]/.test(text[end + 1] ?? '')) end++;
    const bytes = Uint8Array.from(source.bytes);
    bytes[end] = text[end] === '9' ? 0x38 : bytes[end]! + 1; // same length, different byte value
    const expected = expectedFor(file);
    const result = await freeOtpV2Importer.read({ ...source, bytes }, expected.password);
    expect(result.entries).toHaveLength(expected.entries.length - 1);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.message).toMatch(/integrity/);
    for (const want of expected.entries)
      expect(JSON.stringify(result.issues)).not.toContain(want.secret);
  });

  describe.each(cases)('%s damaged', (file, importer) => {
    const password = hasFolder ? expectedFor(file).password : undefined;

    it('gives a clear error, not a crash, when the file is cut short', async () => {
      const source = load(file);
      const cut = {
        ...source,
        bytes: source.bytes.subarray(0, Math.floor(source.bytes.length * 0.6)),
      };
      const error = await rejection(importer.read(cut, password));
      expect(['integrity', 'wrong-password', 'invalid-input', 'unsupported-format']).toContain(
        error.kind,
      );
      expect(error.message.length).toBeGreaterThan(20);
    });
  });
});
