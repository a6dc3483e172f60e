import { hchacha, chacha20 } from '@noble/ciphers/chacha.js';
import { poly1305 } from '@noble/ciphers/_poly1305.js';
import { argon2id } from 'hash-wasm';
import { timingSafeEqual } from 'node:crypto';
import { announceKdf } from '../limits/kdf-cost';
import { checkArgon2Work } from '../limits/kdf-limits';

/**
 * Ente Auth's encrypted export: key = libsodium crypto_pwhash (Argon2id v1.3, p=1, 32 bytes) of the
 * password; data = one libsodium secretstream XChaCha20-Poly1305 message under that key, with the
 * stream header as "encryptionNonce". Ente's own importer (encrypted_ente_import.dart) decrypts the
 * same way. libsodium has no Node binding here, so the stream's pull is rebuilt from its primitives.
 */
export interface EnteKdfParams {
  /** bytes, as libsodium's memlimit */
  readonly memLimit: number;
  /** Argon2 passes, as libsodium's opslimit */
  readonly opsLimit: number;
  readonly salt: Uint8Array;
}

const LABEL = 'Ente Auth';

/** The key an export's password derives, or an integrity UserError for parameters no real export uses. */
export async function deriveEnteKey(password: string, kdf: EnteKdfParams): Promise<Uint8Array> {
  const memoryKiB = Math.floor(kdf.memLimit / 1024);
  // Ente asks for 1 GiB × 4 passes (libsodium's "sensitive"), or less memory and more passes on small phones.
  checkArgon2Work(memoryKiB, kdf.opsLimit, LABEL);
  await announceKdf({ kind: 'argon2', memoryKiB, passes: kdf.opsLimit });
  return argon2id({
    password: new TextEncoder().encode(password),
    salt: kdf.salt,
    parallelism: 1,
    iterations: kdf.opsLimit,
    memorySize: memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
}

const SIGMA = new Uint32Array([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);
const words = (bytes: Uint8Array) => {
  const out = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = (bytes[4 * i]! | (bytes[4 * i + 1]! << 8) | (bytes[4 * i + 2]! << 16) | (bytes[4 * i + 3]! << 24)) >>> 0;
  return out;
};
const bytesOf = (w: Uint32Array) => {
  const out = new Uint8Array(w.length * 4);
  w.forEach((v, i) => out.set([v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, v >>> 24], 4 * i));
  return out;
};
const le64 = (n: number) => {
  const out = new Uint8Array(8);
  new DataView(out.buffer).setBigUint64(0, BigInt(n), true);
  return out;
};

/**
 * libsodium's crypto_secretstream_xchacha20poly1305 init_pull + one pull: the plaintext of the
 * stream's first message, or null when the key is wrong or a byte changed (Poly1305 can't tell which).
 */
export function pullSecretStreamMessage(key: Uint8Array, header: Uint8Array, message: Uint8Array): Uint8Array | null {
  if (key.length !== 32 || header.length !== 24 || message.length < 17) return null;
  const subkeyWords = new Uint32Array(8);
  hchacha(SIGMA, words(key), words(header.subarray(0, 16)), subkeyWords);
  const subkey = bytesOf(subkeyWords);
  const nonce = new Uint8Array(12);
  nonce.set([1, 0, 0, 0]); // the stream's counter starts at 1
  nonce.set(header.subarray(16, 24), 4);
  const cipherLength = message.length - 17;
  const ciphertext = message.subarray(1, 1 + cipherLength);
  // Block 0 keys Poly1305; block 1 carries the encrypted tag byte; the message starts at block 2.
  const macKey = chacha20(subkey, nonce, new Uint8Array(64)).subarray(0, 32);
  // The MAC covers that block as the keystream left it, with the tag byte as sent.
  const tagBlock = chacha20(subkey, nonce, new Uint8Array(64), undefined, 1);
  tagBlock[0] = message[0]!;
  const padding = new Uint8Array((0x10 - 64 + cipherLength) & 0xf); // libsodium pads by this formula
  const mac = poly1305
    .create(macKey)
    .update(tagBlock)
    .update(ciphertext)
    .update(padding)
    .update(le64(0))
    .update(le64(64 + cipherLength))
    .digest();
  if (!timingSafeEqual(mac, message.subarray(1 + cipherLength))) return null;
  return chacha20(subkey, nonce, ciphertext, undefined, 2);
}
