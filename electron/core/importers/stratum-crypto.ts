import { argon2id } from 'hash-wasm';
import { announceKdf } from '../limits/kdf-cost';
import { checkArgon2Memory } from '../limits/kdf-limits';
import { startsWithAscii } from './binary-crypto';
import { derivePbkdf2, openCbc, openGcmWithTrailingTag } from './cipher';
import { damagedFile, wrongPassword } from '../format/import-errors';

/**
 * Stratum (formerly Authenticator Pro) writes two encrypted layouts, told apart by the case of the header:
 * current  "AUTHENTICATORPRO" + salt(16) + iv(12) + AES-256-GCM(ciphertext + tag), key = Argon2id(t=3, m=64 MiB, p=4);
 * legacy   "AuthenticatorPro" + salt(20) + iv(16) + AES-256-CBC/PKCS#7, key = PBKDF2-HMAC-SHA1(64000).
 * Parameters as in Stratum's Backup.cs and Aegis's StratumImporter.
 */
const HEADER = 'AUTHENTICATORPRO';
const HEADER_LEGACY = 'AuthenticatorPro';

const ARGON2 = { iterations: 3, memorySize: 65_536, parallelism: 4, hashLength: 32 } as const;
const LEGACY_ITERATIONS = 64_000;

const LABEL = 'Stratum';

/** Which encrypted layout a file uses, or undefined when it is not an encrypted Stratum backup. */
export function stratumEncryption(bytes: Uint8Array): 'argon2id-gcm' | 'pbkdf2-cbc' | undefined {
  if (startsWithAscii(bytes, HEADER)) return 'argon2id-gcm';
  if (startsWithAscii(bytes, HEADER_LEGACY)) return 'pbkdf2-cbc';
  return undefined;
}

/** Decrypts either layout to the backup's JSON bytes; throws wrong-password or integrity UserErrors. */
export async function decryptStratumBackup(
  bytes: Uint8Array,
  password: string,
): Promise<Uint8Array> {
  const layout = stratumEncryption(bytes);
  if (layout === 'argon2id-gcm') return decryptCurrent(bytes.subarray(HEADER.length), password);
  if (layout === 'pbkdf2-cbc') return decryptLegacy(bytes.subarray(HEADER_LEGACY.length), password);
  throw damagedFile(LABEL);
}

async function decryptCurrent(body: Uint8Array, password: string): Promise<Uint8Array> {
  if (body.length < 16 + 12 + 16) throw damagedFile(LABEL);
  const salt = body.subarray(0, 16);
  const iv = body.subarray(16, 28);
  checkArgon2Memory(ARGON2.memorySize, LABEL);
  await announceKdf({ kind: 'argon2', memoryKiB: ARGON2.memorySize, passes: ARGON2.iterations });
  const key = await argon2id({
    ...ARGON2,
    password: new TextEncoder().encode(password),
    salt,
    outputType: 'binary',
  });
  const plain = openGcmWithTrailingTag(key, iv, body.subarray(28));
  // GCM cannot tell a wrong password from a changed byte; the password is by far the likelier cause.
  if (!plain) throw wrongPassword();
  return plain;
}

async function decryptLegacy(body: Uint8Array, password: string): Promise<Uint8Array> {
  const data = body.subarray(20 + 16);
  if (data.length === 0 || data.length % 16 !== 0) throw damagedFile(LABEL);
  const key = await derivePbkdf2(password, body.subarray(0, 20), LEGACY_ITERATIONS, 'sha1', 32);
  const plain = openCbc(key, body.subarray(20, 36), data);
  if (!plain) throw wrongPassword();
  return plain;
}
