import { collectEntries, describeEntry, toImportResult } from '../format/entry-builder';
import { damagedFile, malformedFile, passwordRequired, wrongPassword } from '../format/import-errors';
import type { Importer, ImportResult, ImportSource } from '../format/importer';
import { asArray, asRecord, parseJsonBytes, textField } from '../format/json-fields';
import { decryptStratumBackup, stratumEncryption } from './stratum-crypto';
import { stratumRecordToDraft } from './stratum-entry';

const LABEL = 'Stratum';

/** The `Authenticators` array of a Stratum backup, or undefined when the JSON is something else. */
function authenticatorsOf(json: unknown): readonly unknown[] | undefined {
  return asArray(asRecord(json)?.Authenticators);
}

function convertBackup(authenticators: readonly unknown[]): ImportResult {
  const collected = collectEntries(
    authenticators,
    (item) => {
      const obj = asRecord(item) ?? {};
      return stratumRecordToDraft({
        type: obj.Type,
        issuer: obj.Issuer,
        username: obj.Username,
        secret: obj.Secret,
        algorithm: obj.Algorithm,
        digits: obj.Digits,
        period: obj.Period,
        counter: obj.Counter,
      });
    },
    (item, index) =>
      describeEntry(
        index,
        textField(asRecord(item), 'Issuer'),
        textField(asRecord(item), 'Username'),
      ),
  );
  return toImportResult(stratumImporter.label, collected);
}

async function readEncrypted(source: ImportSource, password: string): Promise<ImportResult> {
  const plain = await decryptStratumBackup(source.bytes, password);
  const authenticators = authenticatorsOf(parseJsonBytes(plain));
  if (!authenticators) {
    // AES-CBC (legacy) has no tag: a wrong password occasionally survives the padding check and yields noise.
    if (stratumEncryption(source.bytes) === 'pbkdf2-cbc') throw wrongPassword();
    throw damagedFile(LABEL);
  }
  return convertBackup(authenticators);
}

/** Stratum / Authenticator Pro backups: plain JSON, encrypted (Argon2id + AES-GCM) and legacy encrypted (PBKDF2 + AES-CBC). */
export const stratumImporter: Importer = {
  id: 'stratum',
  label: 'Stratum (Authenticator Pro) backup',
  matches: (source) =>
    stratumEncryption(source.bytes) !== undefined ||
    authenticatorsOf(parseJsonBytes(source.bytes)) !== undefined,
  isEncrypted: (source) => stratumEncryption(source.bytes) !== undefined,
  async read(source, password) {
    if (stratumEncryption(source.bytes) !== undefined) {
      if (!password) throw passwordRequired(LABEL);
      return readEncrypted(source, password);
    }
    const authenticators = authenticatorsOf(parseJsonBytes(source.bytes));
    if (!authenticators) throw malformedFile(LABEL, 'it is not JSON with an Authenticators list');
    return convertBackup(authenticators);
  },
};
