import {
  DEFAULT_DIGITS,
  DEFAULT_PERIOD,
  STEAM_DIGITS,
  type AccountDraft,
  type OtpType,
} from '../otp/account';
import { canonicalBase32, encodeBase32 } from '../otp/base32';
import { invalidInput, isUserError } from '../errors';
import { parseHashAlgorithm } from '../otp/otpauth';
import { validateOtpParameters } from '../otp/validate';
import type { ImportIssue, ImportResult } from './importer';

/** One foreign record's fields, loosely typed as apps store them; the builder validates and fills defaults. */
export interface EntryFields {
  /** Base32 text, or the raw key bytes for apps that store hex/base64/byte arrays. */
  readonly secret: string | Uint8Array | undefined;
  readonly issuer?: string | undefined;
  readonly account?: string | undefined;
  /** 'totp' | 'hotp' | 'steam' in any case; defaults to totp. */
  readonly type?: string | undefined;
  readonly algorithm?: string | undefined;
  readonly digits?: number | string | undefined;
  readonly period?: number | string | undefined;
  readonly counter?: number | string | undefined;
}

const TYPES: Readonly<Record<string, OtpType>> = { totp: 'totp', hotp: 'hotp', steam: 'steam' };

function wholeNumber(value: number | string | undefined, fallback: number, what: string): number {
  if (value === undefined || value === '') return fallback;
  const n = typeof value === 'number' ? value : /^\s*\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n))
    throw invalidInput(`The ${what} "${String(value).slice(0, 12)}" is not a whole number.`);
  return n;
}

/** Builds a validated draft from one record; throws a UserError (without the secret) when it can't. */
export function buildImportEntry(fields: EntryFields): AccountDraft {
  const rawType = (fields.type ?? 'totp').trim().toLowerCase();
  const type = TYPES[rawType];
  if (!type)
    throw invalidInput(
      `The OTP type "${rawType.slice(0, 12)}" is not supported; OTP Desk reads totp, hotp and steam.`,
    );
  const { secret } = fields;
  if (secret === undefined || secret.length === 0)
    throw invalidInput('The entry has no secret key, so it was skipped.');
  const steam = type === 'steam';
  const draft: AccountDraft = {
    type,
    secret: typeof secret === 'string' ? canonicalBase32(secret) : encodeBase32(secret),
    algorithm: steam ? 'SHA1' : parseHashAlgorithm(fields.algorithm?.trim() || 'SHA1'),
    digits: steam ? STEAM_DIGITS : wholeNumber(fields.digits, DEFAULT_DIGITS, 'digits value'),
    period: steam ? DEFAULT_PERIOD : wholeNumber(fields.period, DEFAULT_PERIOD, 'period'),
    counter: type === 'hotp' ? wholeNumber(fields.counter, 0, 'counter') : 0,
    issuer: (fields.issuer ?? '').trim(),
    account: (fields.account ?? '').trim(),
  };
  validateOtpParameters(draft);
  return draft;
}

/** Names an entry for an issue message by its labels (never its secret), else by position. */
export function describeEntry(index: number, issuer?: string, account?: string): string {
  const label = [issuer?.trim(), account?.trim()].filter(Boolean).join(' / ');
  return label ? `entry ${index + 1} (${label.slice(0, 80)})` : `entry ${index + 1}`;
}

/** Good entries plus one issue per entry that failed. */
export interface CollectedEntries<T extends AccountDraft = AccountDraft> {
  readonly entries: T[];
  readonly issues: ImportIssue[];
}

/**
 * Converts each record, turning a failure into an issue so one bad entry never stops the rest.
 * Only UserError messages are shown: other errors may quote data, so they get a generic text.
 */
export function collectEntries<I, T extends AccountDraft = AccountDraft>(
  items: readonly I[],
  convert: (item: I, index: number) => T | readonly T[] | null,
  describe: (item: I, index: number) => string,
): CollectedEntries<T> {
  const entries: T[] = [];
  const issues: ImportIssue[] = [];
  items.forEach((item, index) => {
    try {
      const result = convert(item, index);
      if (result === null) return;
      if (Array.isArray(result)) entries.push(...(result as readonly T[]));
      else entries.push(result as T);
    } catch (error) {
      const message = isUserError(error)
        ? error.message
        : 'The entry could not be read, so it was skipped.';
      issues.push({ where: describe(item, index), message });
    }
  });
  return { entries, issues };
}

/** Wraps collected entries as an ImportResult. */
export function toImportResult(format: string, collected: CollectedEntries): ImportResult {
  return { format, entries: collected.entries, issues: collected.issues };
}
