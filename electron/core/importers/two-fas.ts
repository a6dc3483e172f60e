import { buildImportEntry, collectEntries, describeEntry, toImportResult } from '../format/entry-builder';
import { damagedFile, malformedFile, passwordRequired, wrongPassword } from '../format/import-errors';
import type { Importer, ImportSource } from '../format/importer';
import { derivePbkdf2, fromBase64, openGcmWithTrailingTag } from './cipher';
import {
  asArray,
  asRecord,
  numberField,
  parseJsonBytes,
  parseJsonText,
  textField,
  type JsonRecord,
} from '../format/json-fields';

const LABEL = '2FAS backup';
/** 2FAS's fixed PBKDF2-HMAC-SHA256 work factor. */
const PBKDF2_ITERATIONS = 10_000;

function backupOf(source: ImportSource): JsonRecord | undefined {
  const json = asRecord(parseJsonBytes(source.bytes));
  return json && Array.isArray(json.services) && typeof json.schemaVersion === 'number'
    ? json
    : undefined;
}

/** 2FAS's "ciphertext+tag:salt:iv", each part base64. */
function splitSealed(value: unknown): { data: Uint8Array; salt: Uint8Array; iv: Uint8Array } {
  const [data, salt, iv] = (typeof value === 'string' ? value.split(':') : []).map(fromBase64);
  if (!data || !salt || !iv)
    throw malformedFile(LABEL, 'the encrypted part is not in the expected format');
  return { data, salt, iv };
}

async function decryptServices(
  backup: JsonRecord,
  password: string | undefined,
): Promise<readonly unknown[]> {
  if (!password) throw passwordRequired(LABEL);
  const services = splitSealed(backup.servicesEncrypted);
  const key = await derivePbkdf2(password, services.salt, PBKDF2_ITERATIONS, 'sha256');
  // "reference" is a known text encrypted with the same key: if it opens, the password is right.
  if (typeof backup.reference === 'string') {
    const reference = splitSealed(backup.reference);
    const refKey = await derivePbkdf2(password, reference.salt, PBKDF2_ITERATIONS, 'sha256');
    if (!openGcmWithTrailingTag(refKey, reference.iv, reference.data)) throw wrongPassword();
  }
  const plaintext = openGcmWithTrailingTag(key, services.iv, services.data);
  if (!plaintext) throw typeof backup.reference === 'string' ? damagedFile(LABEL) : wrongPassword();
  const list = asArray(parseJsonText(new TextDecoder().decode(plaintext)));
  if (!list) throw damagedFile(LABEL);
  return list;
}

function convertService(item: unknown) {
  const service = asRecord(item);
  const otp = asRecord(service?.otp);
  const label = textField(otp, 'label') ?? '';
  return buildImportEntry({
    secret: textField(service, 'secret'),
    // Schema 1-3 labels are "Issuer:account"; schema 4 keeps only the account there.
    issuer: textField(service, 'name') || textField(otp, 'issuer'),
    account: textField(otp, 'account') ?? label.slice(label.indexOf(':') + 1),
    type: textField(otp, 'tokenType'),
    algorithm: textField(otp, 'algorithm'),
    digits: numberField(otp, 'digits'),
    period: numberField(otp, 'period'),
    counter: numberField(otp, 'counter'),
  });
}

/** 2FAS Authenticator backups, schema versions 1-4, plain and password-encrypted. */
export const twoFasImporter: Importer = {
  id: '2fas',
  label: '2FAS backup',
  matches: (source) => backupOf(source) !== undefined,
  isEncrypted: (source) => typeof backupOf(source)?.servicesEncrypted === 'string',
  async read(source, password) {
    const backup = backupOf(source);
    if (!backup) throw malformedFile(LABEL, 'it is not a 2FAS backup');
    const encrypted = typeof backup.servicesEncrypted === 'string';
    const services = encrypted
      ? await decryptServices(backup, password)
      : (asArray(backup.services) ?? []);
    const collected = collectEntries(services, convertService, (item, index) =>
      describeEntry(
        index,
        textField(asRecord(item), 'name'),
        textField(asRecord(asRecord(item)?.otp), 'account'),
      ),
    );
    return toImportResult(encrypted ? '2FAS backup (encrypted)' : '2FAS backup', collected);
  },
};
