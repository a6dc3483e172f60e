import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { SCRYPT_PARAMS, scryptMaxmem, scryptParamsAllowed } from '../core/backup/backup-crypto';
import { UserError } from '../core/errors';

/** AES-256-GCM output, hex for nonce/tag (as Aegis writes them), base64 for the payload. */
export interface SealedBox {
  readonly nonce: string;
  readonly tag: string;
  readonly data: string;
}

/** A SealedBox whose payload stays bytes: the vault's database (vault-file.node.ts), which is too big to go through base64 on every open. */
export interface SealedBytes {
  readonly nonce: string;
  readonly tag: string;
  readonly data: Buffer;
}

/** scrypt parameters stored with each password slot so they can be raised later. */
export interface ScryptParams {
  readonly n: number;
  readonly r: number;
  readonly p: number;
  readonly salt: string;
}

export const KEY_BYTES = 32;
/** GCM's full 128-bit tag; a shorter tag read from a file is refused (Node would accept 4 bytes). */
export const GCM_TAG_BYTES = 16;
const GCM_NONCE_BYTES = 12;

/** A fresh random 256-bit key. */
export function randomKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** Encrypts with AES-256-GCM under a fresh 96-bit nonce; `aad` is authenticated but not encrypted. */
export function seal(key: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array): SealedBox {
  const sealed = sealBytes(key, plaintext, aad);
  return { ...sealed, data: sealed.data.toString('base64') };
}

/** seal() with the payload left as bytes. */
export function sealBytes(key: Uint8Array, plaintext: Uint8Array, aad?: Uint8Array): SealedBytes {
  const nonce = randomBytes(GCM_NONCE_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: GCM_TAG_BYTES });
  if (aad) cipher.setAAD(aad);
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { nonce: nonce.toString('hex'), tag: cipher.getAuthTag().toString('hex'), data };
}

/** Decrypts a SealedBox or SealedBytes (with the same `aad` it was sealed with); a wrong key, a short tag or any changed byte raises `onFailure`. */
export function open(key: Uint8Array, box: SealedBox | SealedBytes, onFailure: () => UserError, aad?: Uint8Array): Buffer {
  try {
    // Anything but hex nonce and tag of the exact sizes (a damaged or hand-edited file) fails like a wrong key.
    const nonce = Buffer.from(box.nonce, 'hex');
    const tag = Buffer.from(box.tag, 'hex');
    if (nonce.length !== GCM_NONCE_BYTES || tag.length !== GCM_TAG_BYTES || box.tag.length !== GCM_TAG_BYTES * 2) throw onFailure();
    const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: GCM_TAG_BYTES });
    decipher.setAuthTag(tag);
    if (aad) decipher.setAAD(aad);
    const plain = decipher.update(typeof box.data === 'string' ? Buffer.from(box.data, 'base64') : box.data);
    const rest = decipher.final();
    // GCM has nothing left at the end: no second copy of a vault's whole database.
    return rest.length === 0 ? plain : Buffer.concat([plain, rest]);
  } catch {
    throw onFailure();
  }
}

/** Fresh scrypt parameters for a new password slot: N=2^17 r=8 p=1 (OWASP's minimum) with a 32-byte salt. */
export function newScryptParams(): ScryptParams {
  return { ...SCRYPT_PARAMS, salt: randomBytes(32).toString('hex') };
}

/** Derives a 256-bit key from a password; parameters read from a file are capped before any work. */
export function deriveKey(password: string, params: ScryptParams): Promise<Buffer> {
  if (!scryptParamsAllowed(params) || typeof params.salt !== 'string' || params.salt.length > 1024) {
    return Promise.reject(new UserError('integrity', 'The vault file asks for scrypt parameters beyond what OTP Desk allows (N ≤ 2^20, r·p ≤ 32). Restore it from vault.json.bak or a backup.'));
  }
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      Buffer.from(params.salt, 'hex'),
      KEY_BYTES,
      { N: params.n, r: params.r, p: params.p, maxmem: scryptMaxmem(params) },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}
