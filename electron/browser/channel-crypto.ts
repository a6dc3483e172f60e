/**
 * The paired channel's cryptography, shared by the app (Node) and the extension (a service
 * worker): both use WebCrypto only, so one file defines the protocol for both ends.
 *
 * Pairing: X25519 between a key pair the extension makes and one the app makes; HKDF-SHA256 of
 * the shared secret (salted with both public keys) gives the AES-256-GCM channel key and a
 * 6-digit code both sides show, so the user can see that no one sits between them
 * (Bitwarden's fingerprint phrase and KeePassXC-Browser's association, reduced to one code).
 */

const subtle = globalThis.crypto.subtle;
const encoder = new TextEncoder();

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** One side's pairing key pair, as bytes (a service worker keeps nothing but JSON between wake-ups). */
export interface PairingKeyPair {
  readonly publicKey: string;
  readonly privateKey: string;
}

export async function newPairingKeyPair(): Promise<PairingKeyPair> {
  const pair = (await subtle.generateKey({ name: 'X25519' }, true, ['deriveBits'])) as { publicKey: Parameters<typeof subtle.exportKey>[1]; privateKey: Parameters<typeof subtle.exportKey>[1] };
  const publicKey = new Uint8Array(await subtle.exportKey('raw', pair.publicKey));
  const privateKey = new Uint8Array(await subtle.exportKey('pkcs8', pair.privateKey));
  return { publicKey: toBase64(publicKey), privateKey: toBase64(privateKey) };
}

/** What both sides derive from a pairing: the channel key and the code the user compares. */
export interface PairingSecrets {
  readonly channelKey: string;
  readonly code: string;
}

/** X25519 + HKDF. `extensionKey`/`appKey` are the two public keys in a fixed order, so both ends salt alike. */
export async function derivePairing(own: PairingKeyPair, peerPublicKey: string, extensionKey: string, appKey: string): Promise<PairingSecrets> {
  const peer = fromBase64(peerPublicKey);
  if (peer.length !== 32) throw new Error('The other side sent a malformed pairing key.');
  const privateKey = await subtle.importKey('pkcs8', fromBase64(own.privateKey), { name: 'X25519' }, false, ['deriveBits']);
  const publicKey = await subtle.importKey('raw', peer, { name: 'X25519' }, false, []);
  const shared = await subtle.deriveBits({ name: 'X25519', public: publicKey } as Parameters<typeof subtle.deriveBits>[0], privateKey, 256);
  const salt = new Uint8Array([...fromBase64(extensionKey), ...fromBase64(appKey)]);
  const hkdf = await subtle.importKey('raw', new Uint8Array(shared), 'HKDF', false, ['deriveBits']);
  const expand = async (info: string, bits: number) =>
    new Uint8Array(await subtle.deriveBits({ name: 'HKDF', hash: 'SHA-256', salt, info: encoder.encode(info) }, hkdf, bits));
  const channelKey = await expand('otp-desk browser channel v1', 256);
  const codeBytes = await expand('otp-desk browser pairing code v1', 32);
  const code = (new DataView(codeBytes.buffer).getUint32(0) % 1_000_000).toString().padStart(6, '0');
  return { channelKey: toBase64(channelKey), code };
}

/** An encrypted message: a fresh random 96-bit IV per message (it also names the message for replay checks). */
export interface Sealed {
  readonly iv: string;
  readonly data: string;
}

async function aesKey(channelKey: string, use: 'encrypt' | 'decrypt') {
  return subtle.importKey('raw', fromBase64(channelKey), 'AES-GCM', false, [use]);
}

/** Encrypts and authenticates `value` (JSON); `context` is bound as additional data (direction, pairing, request). */
export async function seal(channelKey: string, context: string, value: unknown): Promise<Sealed> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const data = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, await aesKey(channelKey, 'encrypt'), encoder.encode(JSON.stringify(value)));
  return { iv: toBase64(iv), data: toBase64(new Uint8Array(data)) };
}

/** Decrypts a sealed message; throws when the key, the context or any byte differs. */
export async function unseal(channelKey: string, context: string, sealed: Sealed): Promise<unknown> {
  const iv = fromBase64(sealed.iv);
  if (iv.length !== 12) throw new Error('malformed message');
  const plain = await subtle.decrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, await aesKey(channelKey, 'decrypt'), fromBase64(sealed.data));
  return JSON.parse(new TextDecoder().decode(plain)) as unknown;
}

/** The additional data of a request from the extension, and of the app's answer to it. */
export const requestContext = (pairingId: string) => `otp-desk/v1/request/${pairingId}`;
export const responseContext = (pairingId: string, requestIv: string) => `otp-desk/v1/response/${pairingId}/${requestIv}`;
