import { damagedFile, malformedFile } from '../format/import-errors';
import type { Importer, ImportSource } from '../format/importer';
import { decodeUtf8 } from '../format/json-fields';
import { readUriListText } from './uri-list';
import { extractZipEntry, isZip, listZipEntries, type ZipEntry } from './zip-reader';

const LABEL = 'Authenticator Plus';
const ACCOUNTS_FILE = 'Accounts.txt';

/** The Accounts.txt entry (at any folder depth), or undefined when the zip is not an Authenticator Plus backup. */
function accountsEntry(source: ImportSource): ZipEntry | undefined {
  if (!isZip(source.bytes)) return undefined;
  return listZipEntries(source.bytes)?.find(
    (entry) => entry.name.split('/').pop() === ACCOUNTS_FILE,
  );
}

/** Authenticator Plus backups: a ZipCrypto-encrypted zip whose Accounts.txt is an otpauth link list (read as uri-list does). */
export const authenticatorPlusImporter: Importer = {
  id: 'authenticator-plus',
  label: 'Authenticator Plus backup',
  matches: (source) => accountsEntry(source) !== undefined,
  isEncrypted: (source) => ((accountsEntry(source)?.flags ?? 0) & 1) === 1,
  async read(source, password) {
    const entry = accountsEntry(source);
    // A zip without a readable central directory was cut short or overwritten.
    if (!entry && isZip(source.bytes) && !listZipEntries(source.bytes)) throw damagedFile(LABEL);
    if (!entry) throw malformedFile(LABEL, `the zip holds no ${ACCOUNTS_FILE}`);
    const text = decodeUtf8(extractZipEntry(source.bytes, entry, LABEL, password));
    return { format: authenticatorPlusImporter.label, ...readUriListText(text) };
  },
};
