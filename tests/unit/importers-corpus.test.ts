import { describe, expect, test } from 'vitest';
import type { AccountDraft } from '../../electron/core/account';
import { isUserError } from '../../electron/core/errors';
import type { Importer } from '../../electron/core/importers/importer';
import { aegisImporter } from '../../electron/core/importers/aegis';
import { authyImporter } from '../../electron/core/importers/authy';
import { battleNetImporter } from '../../electron/core/importers/battle-net';
import { duoImporter } from '../../electron/core/importers/duo';
import { freeOtpXmlImporter } from '../../electron/core/importers/free-otp-xml';
import { totpAuthenticatorImporter } from '../../electron/core/importers/totp-authenticator';
import { andOtpImporter } from '../../electron/core/importers/and-otp';
import { bitwardenCsvImporter } from '../../electron/core/importers/bitwarden-csv';
import { bitwardenJsonImporter } from '../../electron/core/importers/bitwarden-json';
import { freeOtpPlusImporter } from '../../electron/core/importers/free-otp-plus';
import { protonImporter } from '../../electron/core/importers/proton';
import { steamImporter } from '../../electron/core/importers/steam';
import { twoFasImporter } from '../../electron/core/importers/two-fas';
import { corpusSource, hasCorpusFolder, readExpected, type ExpectedEntry } from '../support/corpus';

/**
 * Every corpus file (../shared/corpus/aegis-importers) goes through the importers below; the one whose
 * `matches` says yes reads it and must produce the entries in expected.json. Add an importer with one
 * line here (or replace the list with the registry). Files no importer claims are skipped, saying so.
 */
const IMPORTERS: readonly Importer[] = [
  aegisImporter,
  andOtpImporter,
  authyImporter,
  battleNetImporter,
  bitwardenCsvImporter,
  bitwardenJsonImporter,
  duoImporter,
  freeOtpPlusImporter,
  freeOtpXmlImporter,
  protonImporter,
  steamImporter,
  totpAuthenticatorImporter,
  twoFasImporter,
];

/** Files these importers must claim, so a detection regression fails instead of silently skipping. */
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

      test(`${file} is claimed by at most one importer`, () => {
        expect(
          claimants.length,
          `claimed by ${claimants.map((i) => i.id).join(', ')}`,
        ).toBeLessThanOrEqual(1);
        if (CLAIMED_BY[file]) expect(importer?.id).toBe(CLAIMED_BY[file]);
      });

      test.skipIf(!importer)(
        `${file} imports every expected entry${importer ? ` (${importer.id})` : ' (no importer here)'}`,
        async () => {
          if (!importer) return;
          const source = sourceOf(file);
          expect(importer.isEncrypted(source)).toBe(Boolean(expected.password));
          const result = await importer.read(source, expected.password);
          expect(result.issues).toEqual([]);
          expect(result.entries).toHaveLength(expected.entries.length);
          for (const entry of expected.entries) {
            compareEntry(
              result.entries.find((e) => e.secret === entry.secret),
              entry,
              expected.notes,
            );
          }
        },
      );

      test.skipIf(!importer || !expected.password)(
        `${file}: no password or a wrong one imports nothing`,
        async () => {
          if (!importer) return;
          const source = sourceOf(file);
          await expect(importer.read(source)).rejects.toMatchObject({ kind: 'password-required' });
          const error: unknown = await importer
            .read(source, 'not the password')
            .catch((e: unknown) => e);
          expect(isUserError(error) && error.kind).toBe('wrong-password');
          expect(String((error as Error).message)).not.toMatch(/not the password/);
        },
      );
    }
  },
);
