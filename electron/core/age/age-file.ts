import { armor, Decrypter, Encrypter, type Stanza } from 'age-encryption';
import { UserError } from '../errors';
import type { AgeIdentity } from './age-identities';
import type { ParsedAgeRecipient } from './age-recipients';

const HEADER = 'age-encryption.org/v1\n';
const ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';

/** True for an age file, binary (its `age-encryption.org/v1` header) or armored (PEM-style text). */
export function isAgeFile(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 64));
  return head.startsWith(HEADER) || head.trimStart().startsWith(ARMOR_BEGIN);
}

/** Encrypts `data` to every recipient (each can decrypt alone); `armored` gives PEM-style text. */
export async function encryptAge(data: Uint8Array | string, recipients: readonly ParsedAgeRecipient[], armored: boolean): Promise<Uint8Array | string> {
  if (recipients.length === 0) throw new UserError('invalid-input', 'An age export needs at least one recipient: an age public key (age1…) or an SSH public key (ssh-ed25519 …).');
  const encrypter = new Encrypter();
  for (const { recipient } of recipients) encrypter.addRecipient(recipient);
  const sealed = await encrypter.encrypt(data);
  return armored ? armor.encode(sealed) : sealed;
}

/** Says what a file is encrypted to, from its stanzas' types, for the "no identity matched" message. */
function describeStanzas(stanzas: readonly Stanza[]): string {
  const counts = new Map<string, number>();
  for (const s of stanzas) {
    const type = s.args[0] === 'X25519' ? 'age key' : s.args[0] === 'ssh-ed25519' ? 'ssh-ed25519 key' : s.args[0] === 'ssh-rsa' ? 'ssh-rsa key' : `${s.args[0] ?? 'unknown'} recipient`;
    counts.set(type, (counts.get(type) ?? 0) + 1);
  }
  return [...counts].map(([type, n]) => `${n} ${type}${n === 1 ? '' : 's'}`).join(', ');
}

function notForYou(fileName: string, identityName: string, stanzas: readonly Stanza[]): UserError {
  if (stanzas.some((s) => s.args[0] === 'scrypt')) {
    return new UserError('unsupported-format', `${fileName} is encrypted with a passphrase (age -p), not to keys. Decrypt it with age -d and import the result. Nothing was imported.`);
  }
  return new UserError('wrong-password', `${identityName} does not open ${fileName}: it is encrypted to ${describeStanzas(stanzas)}, none of them this key. Use the identity of one of its recipients. Nothing was imported.`);
}

/** Decrypts an age file (binary or armored) with `identities`; every failure is one readable UserError. */
export async function decryptAge(bytes: Uint8Array, identities: readonly AgeIdentity[], fileName: string, identityName: string): Promise<Uint8Array> {
  const damaged = new UserError('integrity', `${fileName} is damaged or incomplete (cut off or changed), so it can't be decrypted. Use a complete copy of the file. Nothing was imported.`);
  let sealed = bytes;
  const text = new TextDecoder().decode(bytes.subarray(0, 64));
  if (text.trimStart().startsWith(ARMOR_BEGIN)) {
    try {
      sealed = armor.decode(new TextDecoder().decode(bytes));
    } catch {
      throw damaged;
    }
  }
  // Sees the stanzas after every real identity has declined, so the message can say who the file is for.
  let seen: readonly Stanza[] = [];
  const decrypter = new Decrypter();
  for (const identity of identities) decrypter.addIdentity(identity);
  decrypter.addIdentity({ unwrapFileKey: (stanzas) => ((seen = stanzas), null) });
  try {
    return await decrypter.decrypt(sealed);
  } catch (error) {
    if (error instanceof Error && /no identity matched/.test(error.message)) throw notForYou(fileName, identityName, seen);
    throw damaged;
  }
}
