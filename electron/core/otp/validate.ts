import { HASH_ALGORITHMS, STEAM_DIGITS, type OtpParameters } from './account';
import { decodeBase32 } from './base32';
import { invalidInput } from '../errors';

/** Longest period accepted: a day. Longer ones are typos, not services. */
const MAX_PERIOD = 86_400;

/**
 * Checks OTP parameters the way the add form and every importer need: throws a UserError
 * whose message names the field and the allowed values. Never mentions the secret's value.
 */
export function validateOtpParameters(params: OtpParameters): void {
  if (!['totp', 'hotp', 'steam'].includes(params.type)) {
    throw invalidInput(`The OTP type "${String(params.type).slice(0, 12)}" is not supported; use totp, hotp or steam.`);
  }
  if (!HASH_ALGORITHMS.includes(params.algorithm)) {
    throw invalidInput(`The algorithm "${String(params.algorithm).slice(0, 12)}" is not supported; use SHA1, SHA256 or SHA512.`);
  }
  if (params.type === 'steam') {
    if (params.digits !== STEAM_DIGITS) throw invalidInput('Steam Guard codes have 5 characters.');
  } else if (!Number.isInteger(params.digits) || params.digits < 6 || params.digits > 8) {
    throw invalidInput(`Codes must have 6, 7 or 8 digits (got ${String(params.digits).slice(0, 12)}).`);
  }
  if (!Number.isInteger(params.period) || params.period <= 0 || params.period > MAX_PERIOD) {
    throw invalidInput(`The period must be a whole number of seconds from 1 to ${MAX_PERIOD} (got ${String(params.period).slice(0, 12)}).`);
  }
  if (!Number.isSafeInteger(params.counter) || params.counter < 0) {
    throw invalidInput('The HOTP counter must be a whole number, 0 or more.');
  }
  if (decodeBase32(params.secret).length === 0) throw invalidInput('The secret key is empty.');
}
