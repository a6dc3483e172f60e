import { bech32 } from '@scure/base';
import type { Identity } from 'age-encryption';
import { UserError } from '../errors';
import { isOpenSshPrivateKey, openSshKeyNeedsPassphrase, readOpenSshEd25519Key } from './openssh-private-key';
import { SshEd25519Identity } from './ssh-ed25519';

/**
 * What unlocks an age file: the identity file's text (age keys or an OpenSSH private key), its name
 * for messages, and the SSH key's passphrase when it has one. It travels to the import sandbox as
 * the importer's "password" string (see packAgeKey), so every door (CLI, app, bridge) shares one path.
 */
export interface AgeKeyMaterial {
  readonly identity: string;
  readonly name: string;
  readonly passphrase?: string;
}

/** Identities as age-encryption's Decrypter takes them: an AGE-SECRET-KEY-1… string or an Identity. */
export type AgeIdentity = string | Identity;

/** At most this many bytes of identity text: a key file is a few hundred bytes. */
export const MAX_IDENTITY_BYTES = 64 * 1024;

/** Packs key material into the one string the Importer interface passes as a password. */
export function packAgeKey(material: AgeKeyMaterial): string {
  return JSON.stringify({ ageIdentity: material.identity, name: material.name, passphrase: material.passphrase });
}

/** The reverse of packAgeKey; any other string is taken as identity text itself (pasted into a password box). */
export function unpackAgeKey(password: string): AgeKeyMaterial {
  try {
    const value = JSON.parse(password) as { ageIdentity?: unknown; name?: unknown; passphrase?: unknown };
    if (typeof value.ageIdentity === 'string') {
      return {
        identity: value.ageIdentity,
        name: typeof value.name === 'string' ? value.name : 'the identity',
        ...(typeof value.passphrase === 'string' ? { passphrase: value.passphrase } : {}),
      };
    }
  } catch {
    // Not packed: fall through.
  }
  return { identity: password, name: 'the identity' };
}

/** True when `text` is an OpenSSH private key protected by a passphrase (the CLI and app then ask for it). */
export function identityNeedsPassphrase(text: string, name: string): boolean {
  return isOpenSshPrivateKey(text) && openSshKeyNeedsPassphrase(text, name);
}

function ageSecretKey(line: string, name: string, number: number): string {
  try {
    const decoded = bech32.decodeToBytes(line.toLowerCase() as `${string}1${string}`);
    if (decoded.prefix === 'age-secret-key-' && decoded.bytes.length === 32) return line.toUpperCase();
  } catch {
    // Reported below.
  }
  throw new UserError('invalid-input', `Line ${number} of ${name} is not a valid age secret key (damaged or cut off). Use the file age-keygen wrote.`);
}

/**
 * Reads an identity file: age-keygen's format (AGE-SECRET-KEY-1… lines, # comments) or an
 * OpenSSH Ed25519 private key. Messages name the file and the problem, never the key.
 */
export function parseAgeIdentities(material: AgeKeyMaterial): AgeIdentity[] {
  const { identity: text, name } = material;
  if (text.length > MAX_IDENTITY_BYTES) throw new UserError('invalid-input', `${name} is too large to be an identity file. Give your age key file or SSH private key.`);
  if (isOpenSshPrivateKey(text)) {
    const key = readOpenSshEd25519Key(text, name, material.passphrase);
    return [new SshEd25519Identity(key.seed, key.publicKey)];
  }
  if (/-----BEGIN (RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY-----/.test(text)) {
    throw new UserError('unsupported-format', `${name} is an SSH key in the old PEM format, which OTP Desk does not read. Decrypt with age -d -i ${name} and import the result.`);
  }
  const identities: AgeIdentity[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    if (/^AGE-PLUGIN-/i.test(line)) {
      throw new UserError('unsupported-format', `${name} holds an age plugin identity (such as a YubiKey's), which needs the plugin: decrypt with age -d -i ${name} and import the result.`);
    }
    if (/^age1/i.test(line) || /^ssh-/.test(line)) {
      throw new UserError('invalid-input', `${name} holds a public key (a recipient); decrypting needs the matching private key: your age key file or SSH private key (e.g. ~/.ssh/id_ed25519).`);
    }
    identities.push(ageSecretKey(line, name, index + 1));
  });
  if (identities.length === 0) throw new UserError('invalid-input', `${name} holds no age secret key or SSH private key. Give your age key file or SSH private key (e.g. ~/.ssh/id_ed25519).`);
  return identities;
}
