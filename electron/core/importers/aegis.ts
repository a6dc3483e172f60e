import { isEncryptedAegisBackup, readAegisBackup } from '../backup/backup';
import type { Importer, ImportSource } from '../format/importer';
import { decodeUtf8 } from '../format/json-fields';

/** Cheap content check: a JSON object with Aegis's version/header/db layout (also when truncated). */
function looksLikeAegis(source: ImportSource): boolean {
  const head = decodeUtf8(source.bytes.subarray(0, 4096));
  return (
    /^\s*\{/.test(head) &&
    /"header"\s*:/.test(head) &&
    /"(slots|db)"\s*:/.test(head) &&
    /"version"\s*:/.test(head)
  );
}

/** Aegis vault exports, plain and encrypted (and OTP Desk's own backups, which use the same format). */
export const aegisImporter: Importer = {
  id: 'aegis',
  label: 'Aegis vault',
  matches: looksLikeAegis,
  isEncrypted: (source) => isEncryptedAegisBackup(decodeUtf8(source.bytes)),
  async read(source, password) {
    const backup = await readAegisBackup(decodeUtf8(source.bytes), password);
    return {
      format: backup.encrypted ? 'Aegis vault (encrypted)' : 'Aegis vault',
      entries: backup.entries,
      issues: backup.issues,
    };
  },
};
