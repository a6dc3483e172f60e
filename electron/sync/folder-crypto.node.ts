import { createPrivateKey, createPublicKey, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes } from 'node:crypto';
import { UserError } from '../core/errors';
import { deriveKey, newScryptParams, open, seal, type ScryptParams, type SealedBox } from '../vault/crypto.node';

/** The sync key wrapped to one device's X25519 public key (ephemeral-static ECDH, HKDF-SHA256, AES-256-GCM). */
export interface DeviceWrap {
  /** The ephemeral public key, DER (SPKI), base64. */
  readonly epk: string;
  readonly box: SealedBox;
}

/** The sync key wrapped to a pairing code or sync password (scrypt with the vault's parameters). */
export interface SecretWrap {
  readonly type: 'code' | 'password';
  readonly scrypt: ScryptParams;
  readonly box: SealedBox;
}

/** A new X25519 key pair for this device, as DER base64 (SPKI public, PKCS#8 private). */
export function newDeviceKeyPair(): { publicKey: string; privateKey: string } {
  const pair = generateKeyPairSync('x25519');
  return {
    publicKey: pair.publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64'),
  };
}

function wrapKey(shared: Buffer, epk: string, recipient: string): Buffer {
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(epk + recipient), 'otp-desk sync key wrap v1', 32));
}

const publicKeyOf = (der: string) => createPublicKey({ key: Buffer.from(der, 'base64'), format: 'der', type: 'spki' });

/** Wraps `syncKey` so only the holder of `publicKey`'s private key can unwrap it. */
export function wrapToDevice(syncKey: Buffer, publicKey: string): DeviceWrap {
  const eph = generateKeyPairSync('x25519');
  const epk = eph.publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const kek = wrapKey(diffieHellman({ privateKey: eph.privateKey, publicKey: publicKeyOf(publicKey) }), epk, publicKey);
  return { epk, box: seal(kek, syncKey) };
}

const foldersKeyProblem = () => new UserError('integrity', 'The sync folder does not open with this device\'s key: it was set up again or this device was removed. Join it again (otp-desk sync join).');

/** Unwraps a DeviceWrap with this device's key pair. */
export function unwrapForDevice(wrap: DeviceWrap, keys: { publicKey: string; privateKey: string }): Buffer {
  try {
    const privateKey = createPrivateKey({ key: Buffer.from(keys.privateKey, 'base64'), format: 'der', type: 'pkcs8' });
    const kek = wrapKey(diffieHellman({ privateKey, publicKey: publicKeyOf(wrap.epk) }), wrap.epk, keys.publicKey);
    return open(kek, wrap.box, foldersKeyProblem);
  } catch {
    throw foldersKeyProblem();
  }
}

/** Wraps `syncKey` to a pairing code or sync password. */
export async function wrapToSecret(syncKey: Buffer, secret: string, type: SecretWrap['type']): Promise<SecretWrap> {
  const scrypt = newScryptParams();
  return { type, scrypt, box: seal(await deriveKey(normalizeSecret(secret, type), scrypt), syncKey) };
}

/** A code is typed by hand: case, spaces and dashes don't matter. */
function normalizeSecret(secret: string, type: SecretWrap['type']): string {
  return type === 'code' ? secret.toUpperCase().replace(/[^A-Z2-7]/g, '') : secret;
}

/** Unwraps with a pairing code or sync password; a wrong one raises `onWrong`. */
export async function unwrapWithSecret(wrap: SecretWrap, secret: string, onWrong: () => UserError): Promise<Buffer> {
  return open(await deriveKey(normalizeSecret(secret, wrap.type), wrap.scrypt), wrap.box, onWrong);
}

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A pairing code: 20 base32 characters (100 bits) in groups of four, easy to read aloud and type. */
export function newPairingCode(): string {
  const bytes = randomBytes(20);
  const chars = [...bytes].map((b) => BASE32[b & 31]!).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** A new random sync key and its id (the id names the key in files; it reveals nothing of it). */
export function newSyncKey(): { id: string; key: Buffer } {
  return { id: randomBytes(8).toString('hex'), key: randomBytes(32) };
}
