import { invalidInput } from '../errors';
import { collectEntries, describeEntry, toImportResult } from '../format/entry-builder';
import { freeOtpTokenEntry } from './free-otp-token';
import { damagedFile, malformedFile, passwordRequired } from '../format/import-errors';
import type { Importer, ImportSource } from '../format/importer';
import { isJavaSerialized, JavaSerializationError, readJavaStringMap } from './java-serialization';
import { asRecord, parseJsonText, textField } from '../format/json-fields';
import { decryptTokenSecret, unlockMasterKey } from './free-otp-v2-crypto';

const LABEL = 'FreeOTP';
const MASTER_KEY = 'masterKey';
const TOKEN_SUFFIX = '-token';

/** The backup's map, or undefined when the bytes are not a FreeOTP 2 backup. */
function backupMap(source: ImportSource): Map<string, string> | undefined {
  if (!isJavaSerialized(source.bytes)) return undefined;
  try {
    const map = readJavaStringMap(source.bytes);
    return map.has(MASTER_KEY) ? map : undefined;
  } catch {
    return undefined;
  }
}

/** The token's plain JSON settings: type, algo, digits, period or counter, issuerExt, label. */
function tokenSettings(map: Map<string, string>, id: string) {
  return asRecord(parseJsonText(map.get(id + TOKEN_SUFFIX) ?? ''));
}

function convertToken(map: Map<string, string>, id: string, masterKey: Uint8Array) {
  const token = tokenSettings(map, id);
  if (!token) throw invalidInput('The settings of this entry are missing, so it was skipped.');
  // Same token JSON as FreeOTP 1's tokens.xml once the decrypted key is put back as signed bytes.
  // Missing algo/digits/period (older tokens) fall back to FreeOTP's defaults SHA1 / 6 / 30.
  const secret = decryptTokenSecret(map.get(id) ?? '', masterKey);
  return freeOtpTokenEntry({ ...token, secret: Array.from(secret) });
}

/** Reads the map from a file already known to be Java-serialized; distinguishes damaged from foreign files. */
function readMap(source: ImportSource): Map<string, string> {
  try {
    const map = readJavaStringMap(source.bytes);
    if (!map.has(MASTER_KEY))
      throw malformedFile(LABEL, 'it has no master key, so it is not a FreeOTP 2 backup');
    return map;
  } catch (error) {
    if (error instanceof JavaSerializationError) throw damagedFile(LABEL);
    throw error;
  }
}

/** FreeOTP 2 encrypted backups (externalBackup.xml): a Java-serialized map, PBKDF2 + AES-GCM wrapped master key. */
export const freeOtpV2Importer: Importer = {
  id: 'freeotp-v2',
  label: 'FreeOTP 2 backup',
  matches: (source) => backupMap(source) !== undefined,
  isEncrypted: () => true,
  async read(source, password) {
    const map = readMap(source);
    if (!password) throw passwordRequired(LABEL);
    const masterKey = await unlockMasterKey(map.get(MASTER_KEY)!, password);
    const ids = [...map.keys()].filter((key) => key !== MASTER_KEY && !key.endsWith(TOKEN_SUFFIX));
    const collected = collectEntries(
      ids,
      (id) => convertToken(map, id, masterKey),
      (id, index) => {
        const token = tokenSettings(map, id);
        return describeEntry(index, textField(token, 'issuerExt'), textField(token, 'label'));
      },
    );
    return toImportResult(freeOtpV2Importer.label, collected);
  },
};
