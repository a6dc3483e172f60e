import {
  buildImportEntry,
  collectEntries,
  describeEntry,
  toImportResult,
} from '../format/entry-builder';
import { isOpaqueBinary } from './binary-file';
import { UserError } from '../errors';
import { damagedFile, malformedFile, passwordRequired } from '../format/import-errors';
import type { Importer, ImportSource } from '../format/importer';
import { derivePbkdf2, openGcmWithTrailingTag, sha256Key } from './cipher';
import {
  asArray,
  asRecord,
  numberField,
  parseJsonBytes,
  parseJsonText,
  textField,
} from '../format/json-fields';

const LABEL = 'andOTP backup';
/** andOTP picks 140 000-160 000 PBKDF2 rounds; anything far above is not a header, so don't spend minutes on it. */
const MAX_ITERATIONS = 2_000_000;
const TYPES = new Set(['TOTP', 'HOTP', 'STEAM']);

function plainEntries(source: ImportSource): readonly unknown[] | undefined {
  const list = asArray(parseJsonBytes(source.bytes));
  const first = asRecord(list?.[0]);
  return list &&
    first &&
    typeof first.secret === 'string' &&
    TYPES.has(String(first.type)) &&
    'label' in first
    ? list
    : undefined;
}

/** andOTP names encrypted backups *.json.aes; our corpus (from Aegis's tests) uses .bin. */
function looksEncrypted(source: ImportSource): boolean {
  return (
    /\.(aes|bin)$/i.test(source.fileName) &&
    source.bytes.length >= 12 + 16 &&
    isOpaqueBinary(source.bytes)
  );
}

/** New format: [iterations u32 BE][salt 12][nonce 12][ciphertext+tag], key PBKDF2-SHA1; old: [nonce 12][ciphertext+tag], key SHA-256. */
async function decrypt(bytes: Uint8Array, password: string): Promise<Uint8Array> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const iterations = view.getUint32(0);
  if (iterations > 0 && iterations <= MAX_ITERATIONS && bytes.length >= 28 + 16) {
    const key = await derivePbkdf2(password, bytes.subarray(4, 16), iterations, 'sha1');
    const plain = openGcmWithTrailingTag(key, bytes.subarray(16, 28), bytes.subarray(28));
    if (plain) return plain;
  }
  const plain = openGcmWithTrailingTag(
    sha256Key(password),
    bytes.subarray(0, 12),
    bytes.subarray(12),
  );
  // GCM can't tell a wrong password from damage, and the file was only guessed to be andOTP from opaque bytes.
  if (!plain) throw wrongPasswordOrNotAndOtp();
  return plain;
}

function wrongPasswordOrNotAndOtp(): UserError {
  return new UserError(
    'wrong-password',
    'The password does not open this file: the password is wrong, or the file is damaged or not an andOTP backup. Nothing was imported.',
  );
}

/** Old andOTP had no issuer field and wrote "Issuer - Issuer:account" labels. */
function splitLabel(record: ReturnType<typeof asRecord>): { issuer: string; account: string } {
  const label = textField(record, 'label') ?? '';
  const issuer = textField(record, 'issuer');
  if (issuer !== undefined) return { issuer, account: label };
  const dash = label.indexOf(' - ');
  if (dash < 0) return { issuer: '', account: label };
  const prefix = label.slice(0, dash);
  const rest = label.slice(dash + 3);
  return {
    issuer: prefix,
    account: rest.startsWith(`${prefix}:`) ? rest.slice(prefix.length + 1) : rest,
  };
}

function convert(item: unknown) {
  const record = asRecord(item);
  return buildImportEntry({
    ...splitLabel(record),
    secret: textField(record, 'secret'),
    type: textField(record, 'type'),
    algorithm: textField(record, 'algorithm'),
    digits: numberField(record, 'digits'),
    period: numberField(record, 'period'),
    counter: numberField(record, 'counter'),
  });
}

/** andOTP JSON backups, plain and encrypted (current PBKDF2 format and the old SHA-256 one). */
export const andOtpImporter: Importer = {
  id: 'andotp',
  label: 'andOTP backup',
  guessesFromOpaqueBytes: true,
  matches: (source) => plainEntries(source) !== undefined || looksEncrypted(source),
  isEncrypted: (source) => plainEntries(source) === undefined && looksEncrypted(source),
  async read(source, password) {
    let entries = plainEntries(source);
    const encrypted = entries === undefined;
    if (encrypted) {
      if (!password) throw passwordRequired(LABEL);
      const plaintext = await decrypt(source.bytes, password);
      entries = asArray(parseJsonText(new TextDecoder().decode(plaintext)));
      if (!entries) throw damagedFile(LABEL);
    }
    if (!entries) throw malformedFile(LABEL, 'it holds no entries');
    const collected = collectEntries(entries, convert, (item, index) => {
      const { issuer, account } = splitLabel(asRecord(item));
      return describeEntry(index, issuer, account);
    });
    return toImportResult(encrypted ? 'andOTP backup (encrypted)' : 'andOTP backup', collected);
  },
};
