import type { AccountDraft } from '../otp/account';
import { invalidInput } from '../errors';
import { buildImportEntry } from '../format/entry-builder';
import { asArray, numberField, textField, type JsonRecord } from '../format/json-fields';

/** FreeOTP stores the key as a JSON array of Java signed bytes (-128..127). */
function signedBytes(value: unknown): Uint8Array | undefined {
  const list = asArray(value);
  if (!list) return undefined;
  if (!list.every((b) => typeof b === 'number' && Number.isInteger(b) && b >= -128 && b <= 255)) {
    throw invalidInput('The secret key is not a list of bytes, so the entry was skipped.');
  }
  return Uint8Array.from(list as number[], (b) => b & 0xff);
}

/** True for a FreeOTP / FreeOTP+ token object (the same JSON in tokens.xml and in FreeOTP+ exports). */
export function isFreeOtpToken(token: JsonRecord | undefined): boolean {
  return Array.isArray(token?.secret) && typeof token?.type === 'string';
}

/**
 * Converts one FreeOTP token. The HOTP counter is kept as stored: FreeOTP saves the last counter
 * it used and increments before generating, as ../shared/corpus expected.json records.
 */
export function freeOtpTokenEntry(token: JsonRecord): AccountDraft {
  return buildImportEntry({
    secret: signedBytes(token.secret),
    issuer: textField(token, 'issuerExt') || textField(token, 'issuerInt'),
    account: textField(token, 'label'),
    type: textField(token, 'type'),
    algorithm: textField(token, 'algo'),
    digits: numberField(token, 'digits'),
    period: numberField(token, 'period'),
    counter: numberField(token, 'counter'),
  });
}
