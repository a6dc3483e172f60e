import { isSharedPreferences, readSharedPreferences } from './android-prefs';
import { fromBase64, fromHex, openCbc, sha256Key } from './cipher';
import { buildImportEntry, collectEntries, describeEntry, toImportResult } from '../format/entry-builder';
import { damagedFile, passwordRequired, wrongPassword } from '../format/import-errors';
import type { Importer, ImportSource } from '../format/importer';
import {
  asArray,
  asRecord,
  decodeUtf8,
  numberField,
  parseJsonText,
  textField,
} from '../format/json-fields';

const LABEL = 'TOTP Authenticator backup';
const PREFS_KEY = 'STATIC_TOTP_CODES_LIST';
/** The app encrypts with this built-in password when the user set none. */
const DEFAULT_PASSWORD = 'TotpAuthenticator';

/** The .bin backup is base64 of AES-256-CBC blocks; real ciphertext always has non-base32 characters. */
function backupBytes(source: ImportSource): Uint8Array | undefined {
  const text = decodeUtf8(source.bytes.subarray(0, 1 << 20)).trim();
  if (text.length < 64 || !/^[A-Za-z0-9+/]+={0,2}$/.test(text) || /^[A-Z2-7=]+$/.test(text))
    return undefined;
  const bytes = fromBase64(text);
  return bytes && bytes.length % 16 === 0 ? bytes : undefined;
}

function internalList(source: ImportSource): string | undefined {
  return isSharedPreferences(source.bytes)
    ? readSharedPreferences(source.bytes).get(PREFS_KEY)
    : undefined;
}

/** SHA-256(password) as the AES key, zero IV; the plaintext is {"<entries JSON>": "<timestamp>"}. */
function decrypt(bytes: Uint8Array, password: string): string | null {
  const plain = openCbc(sha256Key(password), new Uint8Array(16), bytes);
  const wrapper = plain ? asRecord(parseJsonText(new TextDecoder().decode(plain))) : undefined;
  return wrapper ? (Object.keys(wrapper)[0] ?? null) : null;
}

function convert(item: unknown) {
  const record = asRecord(item);
  const key = textField(record, 'key') ?? '';
  // "base" says how the key is written: 16 = hex (what the app stores), 32 = base32.
  const secret =
    numberField(record, 'base') === 16 || numberField(record, 'base') === '16'
      ? (fromHex(key) ?? undefined)
      : key;
  return buildImportEntry({
    secret,
    issuer: textField(record, 'issuer'),
    account: textField(record, 'name'),
    digits: numberField(record, 'digits'),
    period: numberField(record, 'period'),
  });
}

/** TOTP Authenticator (com.authenticator.authservice2): encrypted .bin backups and the internal preferences file. */
export const totpAuthenticatorImporter: Importer = {
  id: 'totp-authenticator',
  label: 'TOTP Authenticator backup',
  matches: (source) => backupBytes(source) !== undefined || internalList(source) !== undefined,
  isEncrypted: (source) => internalList(source) === undefined && backupBytes(source) !== undefined,
  async read(source, password) {
    let listText = internalList(source);
    const encrypted = listText === undefined;
    if (encrypted) {
      const bytes = backupBytes(source);
      if (!bytes) throw damagedFile(LABEL);
      listText = decrypt(bytes, password || DEFAULT_PASSWORD) ?? undefined;
      if (listText === undefined) throw password ? wrongPassword() : passwordRequired(LABEL);
    }
    const list = asArray(parseJsonText(listText ?? ''));
    if (!list) throw damagedFile(LABEL);
    const collected = collectEntries(list, convert, (item, index) =>
      describeEntry(index, textField(asRecord(item), 'issuer'), textField(asRecord(item), 'name')),
    );
    return toImportResult(
      encrypted ? 'TOTP Authenticator backup (encrypted)' : 'TOTP Authenticator data',
      collected,
    );
  },
};
