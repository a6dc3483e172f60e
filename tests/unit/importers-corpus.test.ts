import { describe, expect, test } from 'vitest';
import type { AccountDraft } from '../../electron/core/otp/account';
import { isUserError } from '../../electron/core/errors';
import { FILE_IMPORTERS } from '../../electron/core/importers/registry';
import { corpusSource, hasCorpusFolder, readExpected, type ExpectedEntry } from '../support/corpus';

/**
 * Every corpus file (../shared/corpus/aegis-importers) goes through the app's importer registry;
 * exactly one importer must claim it by content, and it must produce the entries in expected.json.
 * New corpus files are covered without code changes.
 */
const IMPORTERS = FILE_IMPORTERS;

/** Which importer must claim each file, so a detection regression names the culprit. */
const CLAIMED_BY: Readonly<Record<string, string>> = {
  'aegis_plain.json': 'aegis',
  'aegis_encrypted.json': 'aegis',
  '2fas_authenticator.json': '2fas',
  '2fas_authenticator_plain.2fas': '2fas',
  '2fas_authenticator_plain_v3.2fas': '2fas',
  '2fas_authenticator_plain_v4.2fas': '2fas',
  '2fas_authenticator_encrypted.2fas': '2fas',
  '2fas_authenticator_encrypted_v3.2fas': '2fas',
  '2fas_authenticator_encrypted_v4.2fas': '2fas',
  'andotp_plain.json': 'andotp',
  'andotp_encrypted.bin': 'andotp',
  'andotp_encrypted_old.bin': 'andotp',
  'bitwarden.csv': 'bitwarden-csv',
  'bitwarden.json': 'bitwarden-json',
  'freeotp_plus.json': 'freeotp-plus',
  'proton_authenticator.json': 'proton',
  'steam.json': 'steam',
  'steam_old.json': 'steam',
  'authy_plain.xml': 'authy',
  'authy_encrypted.xml': 'authy',
  'battle_net_authenticator.xml': 'battle-net',
  'duo.json': 'duo',
  'freeotp.xml': 'freeotp-xml',
  'freeotp_plus_internal.xml': 'freeotp-xml',
  'totp_authenticator.bin': 'totp-authenticator',
  'totp_authenticator_internal.xml': 'totp-authenticator',
};

const hasFolder = hasCorpusFolder('aegis-importers');
const sourceOf = (file: string) => corpusSource('aegis-importers', file);

/** Old andOTP labels repeat the issuer ("Deno:Mason"); expected.json allows stripping it ("accept either"). */
function accountMatches(
  actual: string,
  expected: ExpectedEntry,
  notes: string | undefined,
): boolean {
  if (actual === expected.name) return true;
  return (
    Boolean(notes?.includes('accept either')) && expected.name === `${expected.issuer}:${actual}`
  );
}

function compareEntry(
  actual: AccountDraft | undefined,
  expected: ExpectedEntry,
  notes: string | undefined,
): void {
  expect(
    actual,
    `an entry with secret of vector "${expected.issuer}/${expected.name}"`,
  ).toBeDefined();
  if (!actual) return;
  const label = `${expected.issuer}/${expected.name}`;
  expect(actual.type, `${label} type`).toBe(expected.type);
  expect(actual.issuer, `${label} issuer`).toBe(expected.issuer);
  expect(
    accountMatches(actual.account, expected, notes),
    `${label} account "${actual.account}"`,
  ).toBe(true);
  expect(actual.algorithm, `${label} algorithm`).toBe(expected.algorithm);
  expect(actual.digits, `${label} digits`).toBe(expected.digits);
  if (expected.type === 'hotp') expect(actual.counter, `${label} counter`).toBe(expected.counter);
  else expect(actual.period, `${label} period`).toBe(expected.period);
}

const files = readExpected('aegis-importers');

describe.skipIf(!hasFolder)(
  'importers read the aegis-importers corpus as expected.json says',
  () => {
    for (const [file, expected] of Object.entries(files)) {
      const claimants = hasFolder
        ? IMPORTERS.filter((importer) => importer.matches(sourceOf(file)))
        : [];
      const importer = claimants[0];

      test(`${file} is claimed by exactly one importer`, () => {
        expect(claimants.map((i) => i.id)).toHaveLength(1);
        if (CLAIMED_BY[file]) expect(importer?.id).toBe(CLAIMED_BY[file]);
      });

      test(`${file} imports every expected entry`, async () => {
        const source = sourceOf(file);
        expect(importer, 'an importer for this file').toBeDefined();
        expect(importer!.isEncrypted(source)).toBe(Boolean(expected.password));
        const result = await importer!.read(source, expected.password);
        expect(result.issues).toEqual([]);
        expect(result.entries).toHaveLength(expected.entries.length);
        for (const entry of expected.entries) {
          compareEntry(
            result.entries.find((e) => e.secret === entry.secret),
            entry,
            expected.notes,
          );
        }
      });

      if (expected.password) {
        test(`${file}: no password or a wrong one imports nothing`, async () => {
          const source = sourceOf(file);
          await expect(importer!.read(source)).rejects.toMatchObject({ kind: 'password-required' });
          const error: unknown = await importer!
            .read(source, 'not the password')
            .catch((e: unknown) => e);
          expect(isUserError(error) && error.kind).toBe('wrong-password');
          expect(String((error as Error).message)).not.toMatch(/not the password/);
        });
      }
    }
  },
);
