import { ctr } from '@noble/ciphers/aes.js';
import { base64 } from '@scure/base';
import bcryptPbkdf from 'bcrypt-pbkdf';
import { UserError } from '../errors';
import { SshWireReader } from './ssh-wire';

/** An Ed25519 key read from an OpenSSH private key file. */
export interface OpenSshEd25519Key {
  readonly seed: Uint8Array;
  readonly publicKey: Uint8Array;
}

const BEGIN = '-----BEGIN OPENSSH PRIVATE KEY-----';
const END = '-----END OPENSSH PRIVATE KEY-----';
const MAGIC = 'openssh-key-v1\0';
/**
 * ssh-keygen's default is 16 rounds and `-a 100` the usual hardening; bcrypt in JS costs ~0.1 s a
 * round on a busy 2-core machine, so more would outrun the import sandbox's time limit.
 */
const MAX_BCRYPT_ROUNDS = 100;

/** True for text holding an OpenSSH private key block (`ssh-keygen`'s format since OpenSSH 7.8). */
export function isOpenSshPrivateKey(text: string): boolean {
  return text.includes(BEGIN);
}

function damaged(name: string): UserError {
  return new UserError('invalid-input', `The SSH private key ${name} is damaged or incomplete. Use the key file exactly as ssh-keygen wrote it.`);
}

interface KeyFile {
  readonly cipher: string;
  readonly kdf: string;
  readonly kdfOptions: Uint8Array;
  readonly publicBlob: Uint8Array;
  readonly privateSection: Uint8Array;
}

function readKeyFile(text: string, name: string): KeyFile {
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END, start);
  if (start < 0 || end < 0) throw damaged(name);
  let bytes: Uint8Array;
  try {
    bytes = base64.decode(text.slice(start + BEGIN.length, end).replace(/\s+/g, ''));
  } catch {
    throw damaged(name);
  }
  if (new TextDecoder().decode(bytes.subarray(0, MAGIC.length)) !== MAGIC) throw damaged(name);
  const reader = new SshWireReader(bytes.subarray(MAGIC.length), () => damaged(name));
  const cipher = reader.text();
  const kdf = reader.text();
  const kdfOptions = reader.string();
  if (reader.uint32() !== 1) throw new UserError('invalid-input', `The SSH private key ${name} holds several keys. Use a file with one key.`);
  return { cipher, kdf, kdfOptions, publicBlob: reader.string(), privateSection: reader.string() };
}

/** The key type of the file's public key (e.g. `ssh-ed25519`, `ssh-rsa`). */
function keyType(file: KeyFile, name: string): string {
  return new SshWireReader(file.publicBlob, () => damaged(name)).text();
}

/** True when the key file is protected by a passphrase (so the user must be asked for it). */
export function openSshKeyNeedsPassphrase(text: string, name: string): boolean {
  return readKeyFile(text, name).cipher !== 'none';
}

function decryptSection(file: KeyFile, passphrase: string | undefined, name: string): Uint8Array {
  if (file.cipher === 'none') return file.privateSection;
  if (file.cipher !== 'aes256-ctr' || file.kdf !== 'bcrypt') {
    throw new UserError('unsupported-format', `The SSH private key ${name} is encrypted with ${file.cipher}, which OTP Desk does not read. Decrypt with age -d, or make a copy and re-encrypt it with ssh-keygen -p -f COPY.`);
  }
  if (!passphrase) throw new UserError('password-required', `The SSH private key ${name} is protected by a passphrase. Give its passphrase.`);
  const options = new SshWireReader(file.kdfOptions, () => damaged(name));
  const salt = options.string();
  const rounds = options.uint32();
  if (rounds < 1 || salt.length === 0 || salt.length > 64) throw damaged(name);
  if (rounds > MAX_BCRYPT_ROUNDS) {
    throw new UserError('unsupported-format', `The SSH private key ${name} asks for ${rounds} key-derivation rounds, more than OTP Desk spends (${MAX_BCRYPT_ROUNDS}). Decrypt with age -d -i ${name} and import the result.`);
  }
  const pass = new TextEncoder().encode(passphrase);
  const keyIv = new Uint8Array(48);
  bcryptPbkdf.pbkdf(pass, pass.length, salt, salt.length, keyIv, keyIv.length, rounds);
  return ctr(keyIv.subarray(0, 32), keyIv.subarray(32)).decrypt(file.privateSection);
}

/**
 * Reads the Ed25519 key of an OpenSSH private key file (`-----BEGIN OPENSSH PRIVATE KEY-----`),
 * decrypting it with `passphrase` when it has one (bcrypt-pbkdf + aes256-ctr, ssh-keygen's default).
 * Other key types get a message naming the type and what to use instead.
 */
export function readOpenSshEd25519Key(text: string, name: string, passphrase?: string): OpenSshEd25519Key {
  const file = readKeyFile(text, name);
  const type = keyType(file, name);
  if (type !== 'ssh-ed25519') {
    throw new UserError('unsupported-format', `The SSH private key ${name} is an ${type} key; OTP Desk decrypts age files with ssh-ed25519 keys and age keys. Decrypt with age -d -i ${name} and import the result.`);
  }
  const section = new SshWireReader(decryptSection(file, passphrase, name), () => damaged(name));
  if (section.uint32() !== section.uint32()) {
    throw new UserError('wrong-password', `Wrong passphrase for the SSH private key ${name}. Nothing was imported.`);
  }
  if (section.text() !== 'ssh-ed25519') throw damaged(name);
  const publicKey = section.string();
  const secret = section.string(); // seed || public key, as OpenSSH stores Ed25519 keys
  if (publicKey.length !== 32 || secret.length !== 64) throw damaged(name);
  return { seed: secret.slice(0, 32), publicKey: publicKey.slice() };
}
