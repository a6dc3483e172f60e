import { DEFAULT_DIGITS, DEFAULT_PERIOD, STEAM_DIGITS, type AccountDraft, type OtpType } from './account';
import { canonicalBase32 } from './base32';
import { invalidInput } from '../errors';
import { parseHashAlgorithm } from './otpauth';
import { validateOtpParameters } from './validate';

/** Loose fields as typed into the add form or passed on the command line. */
export interface DraftFields {
  readonly secret: string;
  readonly issuer?: string;
  readonly account?: string;
  readonly type?: OtpType;
  readonly algorithm?: string;
  readonly digits?: number;
  readonly period?: number;
  readonly counter?: number;
}

/** Builds a validated draft from a pasted key and optional settings; defaults are SHA1, 6 digits, 30 s. */
export function buildDraft(fields: DraftFields): AccountDraft {
  const type = fields.type ?? 'totp';
  const issuer = (fields.issuer ?? '').trim();
  const account = (fields.account ?? '').trim();
  if (!issuer && !account) throw invalidInput('Give the account an issuer or a name so you can tell it apart.');
  const draft: AccountDraft = {
    type,
    secret: canonicalBase32(fields.secret),
    algorithm: type === 'steam' ? 'SHA1' : parseHashAlgorithm(fields.algorithm ?? 'SHA1'),
    digits: type === 'steam' ? STEAM_DIGITS : (fields.digits ?? DEFAULT_DIGITS),
    period: fields.period ?? DEFAULT_PERIOD,
    counter: type === 'hotp' ? (fields.counter ?? 0) : 0,
    issuer,
    account,
  };
  validateOtpParameters(draft);
  return draft;
}
