import { canonicalBase32 } from '../otp/base32';
import { invalidInput, isUserError } from '../errors';
import { buildDraft } from '../otp/draft';
import type { Importer, ImportSource } from '../format/importer';
import { decodeUtf8 } from '../format/json-fields';

/** Shortest key accepted as a bare seed file: 16 base32 characters (80 bits); AWS writes 64 (320 bits). */
const MIN_KEY_CHARS = 16;
/** A seed file is tiny; anything bigger is some other text file. */
const MAX_FILE_BYTES = 1024;

/** The key in a file whose whole content is one base32 key (surrounding whitespace allowed), else undefined. */
function seedOf(source: ImportSource): string | undefined {
  if (source.bytes.length === 0 || source.bytes.length > MAX_FILE_BYTES) return undefined;
  const text = decodeUtf8(source.bytes).trim();
  if (text.length < MIN_KEY_CHARS || !/^[A-Za-z2-7]+=*$/.test(text)) return undefined;
  try {
    return canonicalBase32(text);
  } catch (error) {
    if (isUserError(error)) return undefined;
    throw error;
  }
}

/**
 * AWS's virtual MFA "Base32StringSeed" file ("Show secret key" in the IAM console offers the
 * same 64-character key): a text file holding only the key. The entry gets issuer 'AWS' and an
 * empty account name, which the caller asks for (the CLI's --account).
 */
export const awsSeedImporter: Importer = {
  id: 'aws-seed',
  label: 'AWS Base32StringSeed file',
  matches: (source) => seedOf(source) !== undefined,
  isEncrypted: () => false,
  async read(source) {
    const secret = seedOf(source);
    if (!secret)
      throw invalidInput(
        `${source.fileName} does not hold a single base32 secret key, so it is not an AWS seed file.`,
      );
    return {
      format: 'AWS Base32StringSeed file',
      entries: [buildDraft({ secret, issuer: 'AWS', account: '' })],
      issues: [],
      needsAccountName: true,
    };
  },
};
