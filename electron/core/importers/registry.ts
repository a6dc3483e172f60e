import { UserError } from '../errors';
import { checkFileSize } from '../limits/input-limits';
import { aegisImporter } from './aegis';
import { createAgeImporter } from './age';
import { andOtpImporter } from './and-otp';
import { authenticatorPlusImporter } from './authenticator-plus';
import { authyImporter } from './authy';
import { awsSeedImporter } from './aws-seed';
import { battleNetImporter } from './battle-net';
import { bitwardenCsvImporter } from './bitwarden-csv';
import { bitwardenJsonImporter } from './bitwarden-json';
import { duoImporter } from './duo';
import { enteAuthImporter } from './ente-auth';
import { freeOtpPlusImporter } from './free-otp-plus';
import { freeOtpV2Importer } from './free-otp-v2';
import { freeOtpXmlImporter } from './free-otp-xml';
import { googleAuthenticatorDbImporter } from './google-authenticator-db';
import type { Importer, ImportSource } from '../format/importer';
import { microsoftAuthenticatorDbImporter } from './microsoft-authenticator-db';
import { otpDeskCsvImporter } from './otp-desk-csv';
import { protonImporter } from './proton';
import { steamImporter } from './steam';
import { stratumDbImporter } from './stratum-db';
import { stratumImporter } from './stratum';
import { totpAuthenticatorImporter } from './totp-authenticator';
import { twoFasImporter } from './two-fas';
import { uriListImporter } from './uri-list';

/** Every file format importer, alphabetical. Image importers are added by the caller (they need a QR decoder). */
export const FILE_IMPORTERS: readonly Importer[] = [
  aegisImporter,
  createAgeImporter(() => FILE_IMPORTERS),
  andOtpImporter,
  authenticatorPlusImporter,
  authyImporter,
  awsSeedImporter,
  battleNetImporter,
  bitwardenCsvImporter,
  bitwardenJsonImporter,
  duoImporter,
  enteAuthImporter,
  freeOtpPlusImporter,
  freeOtpV2Importer,
  freeOtpXmlImporter,
  googleAuthenticatorDbImporter,
  microsoftAuthenticatorDbImporter,
  otpDeskCsvImporter,
  protonImporter,
  steamImporter,
  stratumDbImporter,
  stratumImporter,
  totpAuthenticatorImporter,
  twoFasImporter,
  uriListImporter,
];

/** The sentence that lists what OTP Desk reads, for "unknown format" messages. */
export const SUPPORTED_FORMATS =
  'QR code images (PNG, JPEG, WebP, GIF, BMP), otpauth and Google Authenticator transfer links, and exports from ' +
  [...new Set(FILE_IMPORTERS.map((i) => i.label))].join(', ');

/** The importer whose content check accepts `source`, or a UserError naming the supported formats. */
export function findImporter(source: ImportSource, importers: readonly Importer[]): Importer {
  if (source.bytes.length === 0) {
    throw new UserError('unsupported-format', `${source.fileName} is empty. Export again from the other app and import the new file.`);
  }
  checkFileSize(source.fileName, source.bytes.length);
  const importer = importers.find((candidate) => candidate.matches(source));
  if (!importer) {
    throw new UserError('unsupported-format', `${source.fileName} is not an export OTP Desk knows. OTP Desk reads ${SUPPORTED_FORMATS}.`);
  }
  return importer;
}
