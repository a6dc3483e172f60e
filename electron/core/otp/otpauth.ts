import {
  DEFAULT_DIGITS,
  DEFAULT_PERIOD,
  STEAM_DIGITS,
  type AccountDraft,
  type HashAlgorithm,
  type OtpType,
} from './account';
import { canonicalBase32 } from './base32';
import { invalidInput } from '../errors';
import { checkUriLength } from '../limits/input-limits';
import { validateOtpParameters } from './validate';

const TYPES: Record<string, OtpType> = { totp: 'totp', hotp: 'hotp', steam: 'steam' };

/** Reads a hash name as services write it: `SHA1`, `sha256`, `SHA-512`, `HmacSHA1`. */
export function parseHashAlgorithm(value: string): HashAlgorithm {
  const name = value.toUpperCase().replace(/^HMAC/, '').replace(/[-_\s]/g, '');
  if (name === 'SHA1' || name === 'SHA256' || name === 'SHA512') return name;
  throw invalidInput(
    `The algorithm "${value.slice(0, 12)}" is not supported; OTP Desk supports SHA1, SHA256 and SHA512.`,
  );
}

function parseWholeNumber(value: string, what: string): number {
  if (!/^\d+$/.test(value.trim())) throw invalidInput(`The ${what} "${value.slice(0, 12)}" is not a whole number.`);
  return Number(value.trim());
}

/** Percent-decodes a label part, tolerating a stray '%' rather than failing the whole URI. */
function decodeComponent(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Splits a label `Issuer:account` (also `Issuer: account`); the issuer parameter wins over the prefix. */
function splitLabel(label: string, issuerParam: string | null): { issuer: string; account: string } {
  const colon = label.indexOf(':');
  const prefix = colon >= 0 ? label.slice(0, colon).trim() : '';
  const account = (colon >= 0 ? label.slice(colon + 1) : label).trim();
  return { issuer: (issuerParam ?? prefix).trim(), account };
}

/**
 * Parses an `otpauth://TYPE/LABEL?secret=…` URI (Google's Key Uri Format, plus `otpauth://steam/`
 * and `encoder=steam` as Aegis and KeePassXC write them). Throws a UserError saying what is wrong.
 */
export function parseOtpauthUri(uri: string): AccountDraft {
  const text = uri.trim();
  checkUriLength(text);
  const match = /^otpauth:\/\/([^/?#]*)\/?([^?#]*)(?:\?([^#]*))?/i.exec(text);
  if (!match) {
    const what = text.toLowerCase().startsWith('otpauth-migration:')
      ? 'This is a Google Authenticator transfer link; import it with Import (file, image or text), not as a single account.'
      : 'It must start with otpauth://totp/ or otpauth://hotp/.';
    throw invalidInput(`That is not an otpauth URI. ${what}`);
  }
  const [, rawType = '', rawLabel = '', query = ''] = match;
  const params = new URLSearchParams(query);
  let type = TYPES[rawType.toLowerCase()];
  if (!type) throw invalidInput(`The OTP type "${rawType.slice(0, 12)}" is not supported; use totp or hotp.`);
  if (params.get('encoder')?.toLowerCase() === 'steam') type = 'steam';

  const secretParam = params.get('secret');
  if (!secretParam) throw invalidInput('The otpauth URI has no secret parameter. Copy the whole link or key again.');
  const secret = canonicalBase32(secretParam);
  const { issuer, account } = splitLabel(decodeComponent(rawLabel), params.get('issuer'));

  const algorithm = parseHashAlgorithm(params.get('algorithm') ?? 'SHA1');
  const digitsParam = params.get('digits');
  const digits = digitsParam ? parseWholeNumber(digitsParam, 'digits value') : type === 'steam' ? STEAM_DIGITS : DEFAULT_DIGITS;
  const periodParam = params.get('period');
  const period = periodParam ? parseWholeNumber(periodParam, 'period') : DEFAULT_PERIOD;
  const counterParam = params.get('counter');
  const counter = type === 'hotp' && counterParam ? parseWholeNumber(counterParam, 'counter') : 0;

  const draft: AccountDraft = { type, secret, algorithm, digits, period, counter, issuer, account };
  validateOtpParameters(draft);
  return draft;
}

/** Formats an account as an otpauth URI that Google Authenticator, Aegis and 2FAS read. */
export function formatOtpauthUri(draft: AccountDraft): string {
  const label = draft.issuer
    ? `${encodeURIComponent(draft.issuer)}:${encodeURIComponent(draft.account)}`
    : encodeURIComponent(draft.account);
  const params = new URLSearchParams({ secret: draft.secret });
  if (draft.issuer) params.set('issuer', draft.issuer);
  params.set('algorithm', draft.algorithm);
  params.set('digits', String(draft.digits));
  if (draft.type === 'hotp') params.set('counter', String(draft.counter));
  else params.set('period', String(draft.period));
  return `otpauth://${draft.type}/${label}?${params.toString().replace(/\+/g, '%20')}`;
}
