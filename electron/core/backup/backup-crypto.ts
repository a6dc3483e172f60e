import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { announceKdf } from '../limits/kdf-cost';
import { checkScryptCost, type ScryptCost } from '../limits/kdf-limits';

/**
 * scrypt cost for new password slots: OWASP's minimum (N=2^17, r=8, p=1). Aegis reads N, r and
 * p from each slot, so backups written with it still open there.
 * https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#scrypt
 */
export const SCRYPT_PARAMS = { n: 2 ** 17, r: 8, p: 1 } as const;

/** True when scrypt parameters read from a file are sane and within KDF_LIMITS (checked before deriving). */
export function scryptParamsAllowed(params: {
  readonly n: unknown;
  readonly r: unknown;
  readonly p: unknown;
}): boolean {
  try {
    checkScryptCost(params as ScryptCost, 'backup');
    return true;
  } catch {
    return false;
  }
}

/** Node's scrypt `maxmem` for these parameters: what they need (128·N·r) plus headroom. */
export function scryptMaxmem(params: { readonly n: number; readonly r: number }): number {
  return 128 * params.n * params.r + 32 * 1024 * 1024;
}

/** AES-256-GCM output as Aegis stores it: ciphertext plus nonce and tag. */
export interface GcmSealed {
  readonly ciphertext: Uint8Array;
  readonly nonce: Uint8Array;
  readonly tag: Uint8Array;
}

/** Derives the 32-byte slot key from a password (UTF-8) with scrypt. */
export async function deriveScryptKey(
  password: string,
  salt: Uint8Array,
  params: { readonly n: number; readonly r: number; readonly p: number },
): Promise<Uint8Array> {
  checkScryptCost(params, 'backup');
  await announceKdf({ kind: 'scrypt', n: params.n, r: params.r, p: params.p });
  // Node's default maxmem (32 MiB) is below 128*N*r for these parameters; allow what they need.
  const maxmem = scryptMaxmem(params);
  return new Promise((resolve, reject) => {
    scrypt(
      Buffer.from(password, 'utf8'),
      salt,
      32,
      { N: params.n, r: params.r, p: params.p, maxmem },
      // A view, not a copy: wiping the returned key wipes the only copy there is.
      (error, key) =>
        error ? reject(error) : resolve(new Uint8Array(key.buffer, key.byteOffset, key.byteLength)),
    );
  });
}

/** Encrypts with AES-256-GCM under a fresh random 96-bit nonce. */
export function sealGcm(key: Uint8Array, plaintext: Uint8Array): GcmSealed {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { ciphertext, nonce, tag: cipher.getAuthTag() };
}

/** Decrypts AES-256-GCM; returns null when the tag does not verify (wrong key or altered data). */
export function openGcm(key: Uint8Array, sealed: GcmSealed): Uint8Array | null {
  if (key.length !== 32 || sealed.nonce.length === 0 || sealed.tag.length !== 16) return null;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.nonce);
    decipher.setAuthTag(sealed.tag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
  } catch {
    return null;
  }
}

/** Random bytes for keys and salts. */
export function randomKey(length = 32): Uint8Array {
  return new Uint8Array(randomBytes(length));
}

/** Lower-case hex, as Aegis writes keys, salts, nonces and tags. */
export function toHex(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('hex');
}

/** Strict hex decoding: null for odd length or non-hex characters (so damage is detected, not skipped). */
export function fromHex(text: unknown): Uint8Array | null {
  if (typeof text !== 'string' || text.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(text))
    return null;
  return new Uint8Array(Buffer.from(text, 'hex'));
}

/** Strict base64 decoding (padding optional); null when the text is not base64. */
export function fromBase64(text: unknown): Uint8Array | null {
  if (typeof text !== 'string') return null;
  const cleaned = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(cleaned) || cleaned.replace(/=+$/, '').length % 4 === 1)
    return null;
  return new Uint8Array(Buffer.from(cleaned, 'base64'));
}
