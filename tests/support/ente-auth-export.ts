import sodium from 'libsodium-wrappers-sumo';

/** Small Argon2 parameters, so a test derives in milliseconds (Ente itself asks for 256 MiB-1 GiB). */
export const TEST_KDF = { memLimit: 8 * 1024 * 1024, opsLimit: 2 } as const;

/**
 * An Ente Auth encrypted export of `text` (otpauth links, one a line), sealed by libsodium itself
 * (crypto_pwhash Argon2id + one secretstream XChaCha20-Poly1305 message, as Ente's CryptoUtil does),
 * so our decryption is checked against the reference implementation, not against itself.
 */
export async function sealEnteExport(text: string, password: string, kdf: { memLimit: number; opsLimit: number } = TEST_KDF): Promise<string> {
  await sodium.ready;
  const salt = sodium.randombytes_buf(sodium.crypto_pwhash_SALTBYTES);
  const key = sodium.crypto_pwhash(32, password, salt, kdf.opsLimit, kdf.memLimit, sodium.crypto_pwhash_ALG_ARGON2ID13);
  const { state, header } = sodium.crypto_secretstream_xchacha20poly1305_init_push(key);
  const data = sodium.crypto_secretstream_xchacha20poly1305_push(state, sodium.from_string(text), null, sodium.crypto_secretstream_xchacha20poly1305_TAG_FINAL);
  const b64 = (bytes: Uint8Array) => sodium.to_base64(bytes, sodium.base64_variants.ORIGINAL);
  return JSON.stringify({ version: 1, kdfParams: { memLimit: kdf.memLimit, opsLimit: kdf.opsLimit, salt: b64(salt) }, encryptedData: b64(data), encryptionNonce: b64(header) });
}
