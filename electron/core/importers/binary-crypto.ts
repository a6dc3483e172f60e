import { createDecipheriv } from 'node:crypto';

const GCM_TAG_BYTES = 16;

/**
 * AES-GCM over `sealed` = ciphertext + 16-byte tag (Java's layout) with additional authenticated data,
 * which FreeOTP 2 binds to every key. cipher.ts's openGcmWithTrailingTag covers the no-AAD case.
 * Returns undefined when the tag does not verify: a wrong key or changed bytes, which GCM cannot tell apart.
 */
export function openGcmWithAad(
  key: Uint8Array,
  nonce: Uint8Array,
  sealed: Uint8Array,
  aad: Uint8Array,
): Uint8Array | undefined {
  if (sealed.length < GCM_TAG_BYTES || ![16, 24, 32].includes(key.length)) return undefined;
  try {
    const decipher = createDecipheriv(`aes-${key.length * 8}-gcm` as 'aes-256-gcm', key, nonce);
    decipher.setAuthTag(sealed.subarray(sealed.length - GCM_TAG_BYTES));
    decipher.setAAD(aad);
    const head = decipher.update(sealed.subarray(0, sealed.length - GCM_TAG_BYTES));
    return new Uint8Array(Buffer.concat([head, decipher.final()]));
  } catch {
    return undefined;
  }
}

/** True when `bytes` starts with the ASCII text `prefix` (magic headers). */
export function startsWithAscii(bytes: Uint8Array, prefix: string): boolean {
  if (bytes.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[i] !== prefix.charCodeAt(i)) return false;
  return true;
}
