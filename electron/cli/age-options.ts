import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { identityNeedsPassphrase, MAX_IDENTITY_BYTES, packAgeKey } from '../core/age/age-identities';
import { parseAgeRecipient, parseAgeRecipients, type ParsedAgeRecipient } from '../core/age/age-recipients';
import { UserError } from '../core/errors';
import { isAgeInnerFormat, AGE_INNER_FORMATS, type AgeInnerFormat } from '../core/exporters/age';
import { UsageError } from './cli-context';

const list = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : []);

async function readText(path: string, what: string, maxBytes: number): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw new UserError('io', `Cannot read the ${what} ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`);
  }
  if (bytes.length > maxBytes) throw new UserError('invalid-input', `${path} is too large to be an ${what}.`);
  return bytes.toString('utf8');
}

/** `--recipient KEY...` and `--recipients-file F...`: every key, each checked; a bad one is named. */
export async function readCliRecipients(values: Readonly<Record<string, unknown>>): Promise<ParsedAgeRecipient[]> {
  const recipients = list(values['recipient']).map((key, i, all) => parseAgeRecipient(key, all.length === 1 ? '--recipient' : `--recipient ${i + 1}`));
  for (const path of list(values['recipients-file'])) recipients.push(...parseAgeRecipients(await readText(path, 'recipients file', 1024 * 1024), path));
  if (recipients.length === 0) {
    throw new UsageError('--format age encrypts to people: pass --recipient KEY (age1… or "ssh-ed25519 AAAA…") or --recipients-file FILE (one key a line, e.g. a saved github.com/USER.keys).');
  }
  return recipients;
}

/** `--inner FORMAT` (otpauth links by default). */
export function cliInnerFormat(value: unknown): AgeInnerFormat {
  if (value === undefined) return 'uris';
  if (!isAgeInnerFormat(value)) throw new UsageError(`--inner takes ${AGE_INNER_FORMATS.join('|')}.`);
  return value;
}

/**
 * Reads `--identity FILE` into the packed key material the age importer takes. A passphrase-protected
 * SSH key is asked for its passphrase (no echo) on a terminal; without one the command stops saying why.
 */
export async function readCliIdentity(path: string, ask: ((question: string) => Promise<string>) | undefined): Promise<string> {
  const identity = await readText(path, 'identity file', MAX_IDENTITY_BYTES);
  const name = basename(path);
  if (!identityNeedsPassphrase(identity, name)) return packAgeKey({ identity, name });
  if (!ask) {
    throw new UserError('password-required', `The SSH key ${path} is protected by a passphrase: run the command in a terminal to be asked for it, or decrypt with age -d -i ${path} and import the result.`);
  }
  const passphrase = await ask(`Passphrase for ${path}: `);
  if (passphrase === '') throw new UserError('password-required', `No passphrase was given for ${path}, so nothing was imported.`);
  return packAgeKey({ identity, name, passphrase });
}
