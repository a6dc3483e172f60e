import { createDecipheriv, createHash, pbkdf2 } from 'node:crypto';
import { openGcm } from '../backup/backup-crypto';
import { checkPbkdf2Iterations } from '../limits/kdf-limits';

export { fromBase64, fromHex } from '../backup/backup-crypto';

/** PBKDF2 off the main thread's critical path (andOTP uses ~150 000 iterations). */
export function derivePbkdf2(
  password: string | Uint8Array,
  salt: Uint8Array,
  iterations: number,
  digest: 'sha1' | 'sha256' | 'sha512',
  length = 32,
): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    checkPbkdf2Iterations(iterations, 'backup'); // a throw here rejects, as callers expect
    pbkdf2(password, salt, iterations, length, digest, (error, key) =>
      error ? reject(error) : resolve(new Uint8Array(key)),
    );
  });
}

/** SHA-256 of a UTF-8 password: the key derivation of old andOTP and TOTP Authenticator backups. */
export function sha256Key(password: string): Uint8Array {
  return new Uint8Array(createHash('sha256').update(password, 'utf8').digest());
}

/** AES-256-GCM where the 16-byte tag is appended to the ciphertext (Java's layout); null if it fails. */
export function openGcmWithTrailingTag(
  key: Uint8Array,
  nonce: Uint8Array,
  data: Uint8Array,
): Uint8Array | null {
  if (data.length < 16) return null;
  return openGcm(key, {
    nonce,
    ciphertext: data.subarray(0, data.length - 16),
    tag: data.subarray(data.length - 16),
  });
}

/** AES-CBC with PKCS#7 padding (key length picks AES-128/256); null when the padding is wrong. */
export function openCbc(key: Uint8Array, iv: Uint8Array, data: Uint8Array): Uint8Array | null {
  if (data.length === 0 || data.length % 16 !== 0) return null;
  try {
    const decipher = createDecipheriv(`aes-${key.length * 8}-cbc`, key, iv);
    return Buffer.concat([decipher.update(data), decipher.final()]);
  } catch {
    return null;
  }
}
