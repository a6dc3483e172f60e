import { collectEntries, describeEntry, toImportResult } from '../format/entry-builder';
import { isSharedPreferences, readSharedPreferences } from './android-prefs';
import { freeOtpTokenEntry, isFreeOtpToken } from './free-otp-token';
import type { Importer, ImportSource } from '../format/importer';
import { asRecord, parseJsonText, textField, type JsonRecord } from '../format/json-fields';

/** Each token is a <string> holding the token JSON; "tokenOrder" (a JSON array) is skipped by the shape check. */
function tokensOf(source: ImportSource): { name: string; token: JsonRecord | undefined }[] {
  if (!isSharedPreferences(source.bytes)) return [];
  const tokens: { name: string; token: JsonRecord | undefined }[] = [];
  for (const [name, value] of readSharedPreferences(source.bytes)) {
    const token = asRecord(parseJsonText(value));
    // Keep token-like values that fail the shape check too, so they surface as issues, not silence.
    if (isFreeOtpToken(token) || (token && 'secret' in token)) tokens.push({ name, token });
  }
  return tokens;
}

/** FreeOTP 1.x tokens.xml, and FreeOTP+'s internal tokens.xml (same layout). */
export const freeOtpXmlImporter: Importer = {
  id: 'freeotp-xml',
  label: 'FreeOTP tokens.xml',
  matches: (source) => tokensOf(source).some(({ token }) => isFreeOtpToken(token)),
  isEncrypted: () => false,
  async read(source) {
    const collected = collectEntries(
      tokensOf(source),
      ({ token }) => freeOtpTokenEntry(token ?? {}),
      ({ name, token }, index) =>
        describeEntry(index, textField(token, 'issuerExt'), textField(token, 'label') ?? name),
    );
    return toImportResult('FreeOTP tokens.xml', collected);
  },
};
