import { invalidInput } from '../errors';
import { isSharedPreferences, readSharedPreferences } from './android-prefs';
import { derivePbkdf2, fromBase64, openCbc } from './cipher';
import { buildImportEntry, collectEntries, describeEntry, toImportResult } from '../format/entry-builder';
import { malformedFile, passwordRequired, wrongPassword } from '../format/import-errors';
import type { Importer, ImportSource } from '../format/importer';
import {
  asArray,
  asRecord,
  numberField,
  parseJsonText,
  textField,
  type JsonRecord,
} from '../format/json-fields';

const LABEL = 'Authy data';
const TOKENS_KEY = 'com.authy.storage.tokens.authenticator.key';
/** Authy's per-entry key: PBKDF2-HMAC-SHA1(backup password, salt, 1000 rounds), AES-256-CBC with a zero IV. */
const PBKDF2_ITERATIONS = 1000;

function tokensOf(source: ImportSource): readonly JsonRecord[] | undefined {
  if (!isSharedPreferences(source.bytes)) return undefined;
  const value = readSharedPreferences(source.bytes).get(TOKENS_KEY);
  const list = value === undefined ? undefined : asArray(parseJsonText(value));
  return list?.map((item) => asRecord(item) ?? {});
}

function isEncrypted(token: JsonRecord): boolean {
  return typeof token.encryptedSecret === 'string' && typeof token.decryptedSecret !== 'string';
}

/** The decrypted secret (base32 text), or null when this password does not open it. */
async function decryptSecret(token: JsonRecord, password: string): Promise<string | null> {
  const data = fromBase64(token.encryptedSecret);
  const salt = textField(token, 'salt');
  if (!data || salt === undefined) return null;
  const key = await derivePbkdf2(
    password,
    new TextEncoder().encode(salt),
    PBKDF2_ITERATIONS,
    'sha1',
  );
  const plain = openCbc(key, new Uint8Array(16), data);
  const text = plain ? new TextDecoder().decode(plain).trim() : '';
  return /^[A-Za-z2-7 =]+$/.test(text) ? text : null; // a wrong key rarely yields valid padding AND base32
}

/** Authy stores the issuer apart (originalIssuer) or only inside the labels ("Issuer:acct", "Issuer - acct"). */
function labelsOf(token: JsonRecord): { issuer: string; account: string } {
  const name = textField(token, 'name') ?? '';
  const original = textField(token, 'originalName') ?? '';
  const issuer =
    textField(token, 'originalIssuer') ||
    (original.includes(':') ? original.slice(0, original.indexOf(':')) : '') ||
    (name.includes(' - ') ? name.slice(0, name.indexOf(' - ')) : '');
  // The displayed name repeats the issuer ("Deno: Mason"); keep just the account part.
  const account =
    issuer && name.startsWith(issuer)
      ? name.slice(issuer.length).replace(/^\s*(:|-)\s*/, '')
      : name;
  return { issuer: issuer.trim(), account };
}

function convert(token: JsonRecord, secret: string | null) {
  if (secret === null)
    throw invalidInput('This entry did not decrypt with the password, so it was skipped.');
  // Authy stores only the digits: SHA1 and 30 s are what its authenticator accounts use.
  return buildImportEntry({ secret, ...labelsOf(token), digits: numberField(token, 'digits') });
}

/** Authy (Android) internal SharedPreferences, with decrypted or password-encrypted secrets. */
export const authyImporter: Importer = {
  id: 'authy',
  label: 'Authy data',
  matches: (source) => tokensOf(source) !== undefined,
  isEncrypted: (source) => (tokensOf(source) ?? []).some(isEncrypted),
  async read(source, password) {
    const tokens = tokensOf(source);
    if (!tokens) throw malformedFile(LABEL, 'the token list is missing');
    const encrypted = tokens.some(isEncrypted);
    if (encrypted && !password) throw passwordRequired(LABEL);
    const secrets = await Promise.all(
      tokens.map((token) =>
        isEncrypted(token)
          ? decryptSecret(token, password ?? '')
          : Promise.resolve(textField(token, 'decryptedSecret') ?? ''),
      ),
    );
    // One password encrypts every entry: if none opens, the password is wrong rather than the entries bad.
    if (encrypted && tokens.every((token, i) => !isEncrypted(token) || secrets[i] === null))
      throw wrongPassword();
    const collected = collectEntries(
      tokens,
      (token, index) => convert(token, secrets[index] ?? null),
      (token, index) => describeEntry(index, labelsOf(token).issuer, labelsOf(token).account),
    );
    return toImportResult(encrypted ? 'Authy data (encrypted)' : 'Authy data', collected);
  },
};
