import { invalidInput } from '../errors';
import { openGcmWithAad } from './binary-crypto';
import { derivePbkdf2 } from './cipher';
import { malformedFile, wrongPassword } from '../format/import-errors';
import { asRecord, numberField, parseJsonText, textField, type JsonRecord } from '../format/json-fields';

/**
 * FreeOTP 2 keeps a random master key wrapped with a password key (PBKDF2), and every token secret
 * wrapped with the master key, both as Android KeyStore-style JSON: {mCipher, mCipherText, mParameters, mToken}.
 * mParameters is the DER-encoded GCM parameters, mToken the key's algorithm name, bound as AAD.
 * Byte arrays are Java's signed bytes. Layout as read by Aegis's FreeOtpImporter.
 */
const LABEL = 'FreeOTP';
const CIPHER = 'AES/GCM/NoPadding';
const KDF_DIGESTS: Readonly<Record<string, 'sha1' | 'sha256' | 'sha512'>> = {
  pbkdf2withhmacsha1: 'sha1',
  pbkdf2withhmacsha256: 'sha256',
  pbkdf2withhmacsha512: 'sha512',
};
/** FreeOTP uses 100 000; the cap stops a crafted file from hanging the import. */
const MAX_ITERATIONS = 10_000_000;

interface SealedKey {
  readonly cipherText: Uint8Array;
  readonly nonce: Uint8Array;
  readonly aad: Uint8Array;
}

/** A JSON array of Java signed bytes (-128..127) as bytes. */
function signedBytes(value: unknown): Uint8Array | undefined {
  if (!Array.isArray(value)) return undefined;
  const out = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) {
    const n: unknown = value[i];
    if (typeof n !== 'number' || !Number.isInteger(n) || n < -128 || n > 255) return undefined;
    out[i] = n & 0xff;
  }
  return out;
}

/** The GCM nonce in DER GCMParameters: a bare OCTET STRING, or the first one inside a SEQUENCE. */
function gcmNonce(der: Uint8Array): Uint8Array | undefined {
  const read = (at: number): { tag: number; start: number; end: number } | undefined => {
    const tag = der[at];
    const first = der[at + 1];
    if (tag === undefined || first === undefined || first & 0x80) return undefined; // short lengths only: GCM params are tiny
    return at + 2 + first <= der.length ? { tag, start: at + 2, end: at + 2 + first } : undefined;
  };
  const outer = read(0);
  if (outer?.tag === 0x04) return der.subarray(outer.start, outer.end);
  if (outer?.tag !== 0x30) return undefined;
  for (let at = outer.start; at < outer.end;) {
    const child = read(at);
    if (!child) return undefined;
    if (child.tag === 0x04) return der.subarray(child.start, child.end);
    at = child.end;
  }
  return undefined;
}

function sealedKey(record: JsonRecord | undefined): SealedKey | undefined {
  if (textField(record, 'mCipher') !== CIPHER) return undefined;
  const cipherText = signedBytes(record?.mCipherText);
  const parameters = signedBytes(record?.mParameters);
  const nonce = parameters && gcmNonce(parameters);
  const token = textField(record, 'mToken');
  if (!cipherText || !nonce || token === undefined) return undefined;
  return { cipherText, nonce, aad: new TextEncoder().encode(token) };
}

/** Derives the password key and unwraps the master key; throws wrong-password or invalid-input UserErrors. */
export async function unlockMasterKey(
  masterKeyJson: string,
  password: string,
): Promise<Uint8Array> {
  const record = asRecord(parseJsonText(masterKeyJson));
  const digest = KDF_DIGESTS[(textField(record, 'mAlgorithm') ?? '').toLowerCase()];
  const iterations = Number(numberField(record, 'mIterations'));
  const salt = signedBytes(record?.mSalt);
  const sealed = sealedKey(asRecord(record?.mEncryptedKey));
  if (
    !digest ||
    !salt ||
    !sealed ||
    !Number.isSafeInteger(iterations) ||
    iterations < 1 ||
    iterations > MAX_ITERATIONS
  ) {
    throw malformedFile(LABEL, 'its master key record is missing or uses an unknown algorithm');
  }
  const passwordKey = await derivePbkdf2(password, salt, iterations, digest, 32);
  const masterKey = openGcmWithAad(passwordKey, sealed.nonce, sealed.cipherText, sealed.aad);
  if (!masterKey) throw wrongPassword();
  return masterKey;
}

/** Unwraps one token's secret with the master key; throws a per-entry UserError when it can't. */
export function decryptTokenSecret(entryJson: string, masterKey: Uint8Array): Uint8Array {
  // The entry is {"key": "<JSON text of the sealed key>"}: JSON nested inside a string.
  const inner = textField(asRecord(parseJsonText(entryJson)), 'key');
  const sealed = sealedKey(asRecord(inner === undefined ? undefined : parseJsonText(inner)));
  if (!sealed)
    throw invalidInput('The encrypted secret of this entry is unreadable, so it was skipped.');
  const secret = openGcmWithAad(masterKey, sealed.nonce, sealed.cipherText, sealed.aad);
  // The master key already proved the password right, so a failure here means this entry was changed.
  if (!secret)
    throw invalidInput(
      'The secret of this entry fails its integrity check (the file was changed), so it was skipped.',
    );
  return secret;
}
