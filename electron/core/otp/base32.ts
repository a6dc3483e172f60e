import { base32 } from '@scure/base';
import { invalidInput } from '../errors';

/** Encodes bytes as RFC 4648 base32, upper case, without padding (the form otpauth URIs use). */
export function encodeBase32(bytes: Uint8Array): string {
  return base32.encode(bytes).replace(/=+$/, '');
}

/**
 * Decodes a base32 key as people paste it: any case, spaces, dashes and padding allowed.
 * Throws a UserError naming the problem (never echoing the key).
 */
export function decodeBase32(input: string): Uint8Array {
  const cleaned = normalizeBase32(input);
  if (cleaned.length === 0) throw invalidInput('The secret key is empty. Paste the key the service showed you.');
  const bad = cleaned.match(/[^A-Z2-7]/);
  if (bad) {
    const hint = /[018]/.test(bad[0]) ? ' (base32 has no 0, 1 or 8; check for O, I or B)' : '';
    throw invalidInput(`The secret key has a character base32 does not use${hint}. Check the key and paste it again.`);
  }
  // Services hand out keys of 16 or more characters (80+ bits); a shorter one that doesn't decode was cut off.
  const tooShort = () =>
    invalidInput(`The secret key is too short (${cleaned.length} characters; keys have at least 16). Part of it is missing: paste the whole key again.`);
  const rem = cleaned.length % 8;
  if (rem === 1 || rem === 3 || rem === 6) {
    if (cleaned.length < 16) throw tooShort();
    throw invalidInput('The secret key has an impossible length for base32; a character is missing or extra. Paste the whole key again.');
  }
  const padded = cleaned + '='.repeat((8 - rem) % 8);
  try {
    return base32.decode(padded);
  } catch {
    if (cleaned.length < 16) throw tooShort();
    throw invalidInput('The secret key is not valid base32. Check the key and paste it again.');
  }
}

/** Upper-cases and strips spaces, dashes, underscores and '=' padding. Does not validate. */
export function normalizeBase32(input: string): string {
  return input.replace(/[\s\-_=]/g, '').toUpperCase();
}

/** Validates and returns the canonical form (upper case, no padding) of a base32 key. */
export function canonicalBase32(input: string): string {
  return encodeBase32(decodeBase32(input));
}

/** Groups a key in fours for display: `JBSW Y3DP EHPK 3PXP`. */
export function groupBase32(key: string): string {
  return normalizeBase32(key).replace(/(.{4})(?=.)/g, '$1 ');
}
