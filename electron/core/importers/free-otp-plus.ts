import { collectEntries, describeEntry, toImportResult } from '../format/entry-builder';
import { freeOtpTokenEntry, isFreeOtpToken } from './free-otp-token';
import type { Importer, ImportSource } from '../format/importer';
import { asArray, asRecord, parseJsonBytes, textField } from '../format/json-fields';

function tokensOf(source: ImportSource): readonly unknown[] | undefined {
  const json = asRecord(parseJsonBytes(source.bytes));
  const tokens = asArray(json?.tokens);
  return tokens &&
    Array.isArray(json?.tokenOrder) &&
    (tokens.length === 0 || isFreeOtpToken(asRecord(tokens[0])))
    ? tokens
    : undefined;
}

/** FreeOTP+ JSON export ({tokenOrder, tokens}). */
export const freeOtpPlusImporter: Importer = {
  id: 'freeotp-plus',
  label: 'FreeOTP+ export',
  matches: (source) => tokensOf(source) !== undefined,
  isEncrypted: () => false,
  async read(source) {
    const collected = collectEntries(
      tokensOf(source) ?? [],
      (item) => freeOtpTokenEntry(asRecord(item) ?? {}),
      (item, index) =>
        describeEntry(
          index,
          textField(asRecord(item), 'issuerExt'),
          textField(asRecord(item), 'label'),
        ),
    );
    return toImportResult('FreeOTP+ export', collected);
  },
};
