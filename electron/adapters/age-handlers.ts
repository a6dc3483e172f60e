import type { ImportPreview } from '../api';
import { identityNeedsPassphrase, MAX_IDENTITY_BYTES, packAgeKey } from '../core/age/age-identities';
import { parseAgeRecipients, RECIPIENTS_SOURCE, type AgeRecipientSummary } from '../core/age/age-recipients';
import { UserError } from '../core/errors';
import type { ImportService } from '../import-service';
import { asOptionalString, asString } from './guards';

/** The most text a recipients box or file may hold (a team's .keys files are a few KB). */
export const MAX_RECIPIENTS_TEXT = 256 * 1024;

/** `exports.describeRecipients`: each key's type and fingerprint, or a UserError naming the malformed line. */
export function describeRecipients(text: unknown): AgeRecipientSummary[] {
  return parseAgeRecipients(asString(text, 'recipients', MAX_RECIPIENTS_TEXT), RECIPIENTS_SOURCE).map((r) => r.summary);
}

/**
 * `imports.unlockWithIdentity`: opens the preview's age files with an identity the page read from a
 * file or a paste. The identity stays in main (it goes on to the import sandbox only) and no answer
 * or message repeats it; a passphrase-protected SSH key without its passphrase is asked for one.
 */
export function unlockWithIdentity(imports: ImportService, id: unknown, identity: unknown, name: unknown, passphrase: unknown): Promise<ImportPreview> {
  const material = {
    identity: asString(identity, 'identity', MAX_IDENTITY_BYTES),
    name: asString(name, 'identity name', 200) || 'the identity',
    passphrase: asOptionalString(passphrase, 'passphrase') || undefined,
  };
  if (!material.passphrase && identityNeedsPassphrase(material.identity, material.name)) {
    throw new UserError('password-required', `The SSH key ${material.name} is protected by a passphrase. Enter its passphrase.`);
  }
  return imports.unlock(asString(id, 'import id'), packAgeKey(material), 'identity');
}
