import { decryptAge, isAgeFile } from '../age/age-file';
import { parseAgeIdentities, unpackAgeKey } from '../age/age-identities';
import { UserError } from '../errors';
import type { Importer, ImportSource } from '../format/importer';
import { findImporter } from './registry';

/** The label of age files in messages and the import review. */
export const AGE_FILE_LABEL = 'age encrypted file';

/** The importer for what an age file holds; a KeePass database or other unknown content gets an age-specific message. */
function innerImporter(innerSource: ImportSource, importers: readonly Importer[], fileName: string): Importer {
  try {
    return findImporter(innerSource, importers.filter((i) => i.id !== 'age'));
  } catch (error) {
    if (!(error instanceof UserError) || error.kind !== 'unsupported-format') throw error;
    throw new UserError('unsupported-format', `${fileName} opened, but what it holds is not an export OTP Desk reads (a KeePass database, for one, opens in KeePassXC). Decrypt it with age -d -i KEY -o FILE ${fileName} and open FILE in the app that made it. Nothing was imported.`);
  }
}

/**
 * age files (age-encryption.org/v1, binary or armored), encrypted to age or SSH keys: OTP Desk's
 * own "encrypted to people" exports and anything `age -e` made. They open with an identity (an age
 * key file or SSH private key, passed as the "password": see packAgeKey) and hold another export,
 * read by whichever importer recognises it. `inner` is lazy because the registry lists this importer too.
 */
export function createAgeImporter(inner: () => readonly Importer[]): Importer {
  return {
    id: 'age',
    label: AGE_FILE_LABEL,
    unlocksWith: 'identity',
    matches: (source) => isAgeFile(source.bytes),
    isEncrypted: () => true,
    async read(source, password) {
      if (password === undefined) {
        throw new UserError('password-required', `${source.fileName} is an age file: give the identity it was encrypted to (your age key file or SSH private key).`);
      }
      const material = unpackAgeKey(password);
      const plain = await decryptAge(source.bytes, parseAgeIdentities(material), source.fileName, material.name);
      const innerSource = { fileName: source.fileName.replace(/\.age$/i, '') || source.fileName, bytes: plain };
      const importer = innerImporter(innerSource, inner(), source.fileName);
      if (importer.isEncrypted(innerSource)) {
        throw new UserError('unsupported-format', `${source.fileName} holds an encrypted ${importer.label}. Decrypt it first (age -d -i KEY -o FILE ${source.fileName}), then import FILE with its password. Nothing was imported.`);
      }
      const result = await importer.read(innerSource);
      return { ...result, format: `${result.format} in an age file` };
    },
  };
}
