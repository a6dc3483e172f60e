import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { UserError } from '../core/errors';

/** AES-256-GCM output, hex for nonce/tag (as Aegis writes them), base64 for the payload. */
export interface SealedBox {
  readonly nonce: string;
  readonly tag: string;
  readonly data: string;
}

/** scrypt parameters stored with each password slot so they can be raised later. */
export interface ScryptParams {
  readonly n: number;
  readonly r: number;
  readonly p: number;
  readonly salt: string;
}

export const KEY_BYTES = 32;

/** A fresh random 256-bit key. */
export function randomKey(): Buffer {
  return randomBytes(KEY_BYTES);
}

/** Encrypts with AES-256-GCM under a fresh 96-bit nonce. */
export function seal(key: Uint8Array, plaintext: Uint8Array): SealedBox {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { nonce: nonce.toString('hex'), tag: cipher.getAuthTag().toString('hex'), data: data.toString('base64') };
}

/** Decrypts a SealedBox; a wrong key or any changed byte raises `onFailure`. */
export function open(key: Uint8Array, box: SealedBox, onFailure: () => UserError): Buffer {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(box.nonce, 'hex'));
    decipher.setAuthTag(Buffer.from(box.tag, 'hex'));
    return Buffer.concat([decipher.update(Buffer.from(box.data, 'base64')), decipher.final()]);
  } catch {
    throw onFailure();
  }
}

/** Fresh scrypt parameters: N=2^15 r=8 p=1 with a 32-byte salt (Aegis's values). */
export function newScryptParams(): ScryptParams {
  return { n: 2 ** 15, r: 8, p: 1, salt: randomBytes(32).toString('hex') };
}

/** Derives a 256-bit key from a password. */
export function deriveKey(password: string, params: ScryptParams): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFKC'),
      Buffer.from(params.salt, 'hex'),
      KEY_BYTES,
      { N: params.n, r: params.r, p: params.p, maxmem: 256 * params.n * params.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    );
  });
}
