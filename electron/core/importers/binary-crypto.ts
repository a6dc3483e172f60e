import { createDecipheriv, pbkdf2 } from 'node:crypto';
import { promisify } from 'node:util';

const pbkdf2Async = promisify(pbkdf2);

const GCM_TAG_BYTES = 16;

/**
 * AES-GCM decryption of `sealed` = ciphertext followed by its 16-byte tag (the Java and .NET layout).
 * Returns undefined when the tag does not verify: a wrong key or changed bytes, which GCM cannot tell apart.
 */
export function openAesGcm(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  aad?: Uint8Array,
): Uint8Array | undefined {
  if (sealed.length < GCM_TAG_BYTES) return undefined;
  const bits = key.length * 8;
  const decipher = createDecipheriv(`aes-${bits}-gcm` as 'aes-256-gcm', key, nonce);
  decipher.setAuthTag(sealed.subarray(sealed.length - GCM_TAG_BYTES));
  if (aad) decipher.setAAD(aad);
  try {
    const head = decipher.update(sealed.subarray(0, sealed.length - GCM_TAG_BYTES));
    return new Uint8Array(Buffer.concat([head, decipher.final()]));
  } catch {
    return undefined;
  }
}

/**
 * AES-256-CBC with PKCS#7 padding. Returns undefined when the padding is invalid, which almost
 * always means a wrong key (CBC has no tag, so 1 in ~256 wrong keys still pads correctly).
 */
export function openAesCbc(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array | undefined {
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  try {
    return new Uint8Array(Buffer.concat([decipher.update(data), decipher.final()]));
  } catch {
    return undefined;
  }
}

/** PBKDF2 over the UTF-8 password, run off the main thread by libuv. */
export async function pbkdf2Key(
  password: string,
  salt: Uint8Array,
  iterations: number,
  bytes: number,
  digest: 'sha1' | 'sha256' | 'sha512',
): Promise<Uint8Array> {
  return new Uint8Array(await pbkdf2Async(Buffer.from(password, 'utf8'), salt, iterations, bytes, digest));
}

/** True when `bytes` starts with the ASCII text `prefix` (magic headers). */
export function startsWithAscii(bytes: Uint8Array, prefix: string): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix.charCodeAt(i)) return false;
  return true;
}
