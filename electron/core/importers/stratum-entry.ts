import type { AccountDraft, HashAlgorithm, OtpType } from '../otp/account';
import { invalidInput } from '../errors';
import { buildImportEntry } from '../format/entry-builder';

/** One Stratum authenticator as both its JSON backup and its SQLite table carry it (field names lower-cased). */
export interface StratumRecord {
  readonly type: unknown;
  readonly issuer: unknown;
  readonly username: unknown;
  readonly secret: unknown;
  readonly algorithm: unknown;
  readonly digits: unknown;
  readonly period: unknown;
  readonly counter: unknown;
}

/** Stratum's AuthenticatorType enum; 3 (mOTP) and 5 (Yandex) have no equivalent here. */
const TYPES: Readonly<Record<number, OtpType>> = { 1: 'hotp', 2: 'totp', 4: 'steam' };
const UNSUPPORTED_TYPES: Readonly<Record<number, string>> = { 3: 'mOTP', 5: 'Yandex' };

/** Stratum's HashAlgorithm enum, by position. */
const ALGORITHMS: readonly HashAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];

/** Numbers as JSON or SQLite hand them over (sql.js may return bigint for large integers). */
function numeric(value: unknown): number | string | undefined {
  if (typeof value === 'bigint') return Number(value);
  return typeof value === 'number' || typeof value === 'string' ? value : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Converts one Stratum record; throws a UserError naming the unsupported or missing field. */
export function stratumRecordToDraft(record: StratumRecord): AccountDraft {
  const typeCode = Number(numeric(record.type) ?? -1);
  const type = TYPES[typeCode];
  if (!type) {
    const name = UNSUPPORTED_TYPES[typeCode];
    throw invalidInput(
      name
        ? `${name} codes are not supported by OTP Desk, so this entry was skipped.`
        : 'The entry has an unknown code type, so it was skipped.',
    );
  }
  const algorithm = ALGORITHMS[Number(numeric(record.algorithm) ?? 0)];
  if (!algorithm)
    throw invalidInput('The entry uses an unknown hash algorithm, so it was skipped.');
  return buildImportEntry({
    type,
    secret: text(record.secret),
    algorithm,
    digits: numeric(record.digits),
    period: numeric(record.period),
    counter: numeric(record.counter),
    issuer: text(record.issuer),
    account: text(record.username),
  });
}
