import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { randomBytes } from '@noble/hashes/utils.js';
import { base64nopad } from '@scure/base';
import { Stanza, type Identity, type Recipient } from 'age-encryption';
import { ed25519PublicKeyBlob } from './ssh-wire';

/**
 * age's `ssh-ed25519` recipient type (age-encryption.org/v1 spec; Go's agessh), which the
 * age-encryption package leaves out: X25519 to the Montgomery form of the Ed25519 key, with the
 * shared secret "tweaked" by a scalar derived from the SSH public key, so a stanza is bound to
 * that exact SSH key. All curve arithmetic is @noble/curves'; none is ours.
 */
const LABEL = new TextEncoder().encode('age-encryption.org/v1/ssh-ed25519');
const ZERO_NONCE = new Uint8Array(12);
const FILE_KEY_SIZE = 16;

/** First 4 bytes of SHA-256 of the wire-format key, unpadded base64: the stanza's first argument. */
function stanzaTag(blob: Uint8Array): string {
  return base64nopad.encode(sha256(blob).subarray(0, 4));
}

/** X25519(HKDF-SHA256(ikm = "", salt = ssh key blob, info = label), shared): binds the secret to the SSH key. */
function tweakSharedSecret(shared: Uint8Array, blob: Uint8Array): Uint8Array {
  const tweak = hkdf(sha256, new Uint8Array(0), blob, LABEL, 32);
  return x25519.getSharedSecret(tweak, shared);
}

function wrappingKey(shared: Uint8Array, ephemeralShare: Uint8Array, recipientX25519: Uint8Array): Uint8Array {
  const salt = new Uint8Array(64);
  salt.set(ephemeralShare);
  salt.set(recipientX25519, 32);
  return hkdf(sha256, shared, salt, LABEL, 32);
}

/** Encrypts to an `ssh-ed25519` public key (32 raw bytes). */
export class SshEd25519Recipient implements Recipient {
  private readonly blob: Uint8Array;
  private readonly recipientX25519: Uint8Array;

  constructor(publicKey: Uint8Array) {
    this.blob = ed25519PublicKeyBlob(publicKey);
    this.recipientX25519 = ed25519.utils.toMontgomery(publicKey);
  }

  wrapFileKey(fileKey: Uint8Array): Stanza[] {
    const ephemeral = randomBytes(32);
    const share = x25519.getPublicKey(ephemeral);
    const shared = tweakSharedSecret(x25519.getSharedSecret(ephemeral, this.recipientX25519), this.blob);
    const body = chacha20poly1305(wrappingKey(shared, share, this.recipientX25519), ZERO_NONCE).encrypt(fileKey);
    return [new Stanza(['ssh-ed25519', stanzaTag(this.blob), base64nopad.encode(share)], body)];
  }
}

/** Decrypts with an Ed25519 private key (its 32-byte seed and public key, as OpenSSH stores them). */
export class SshEd25519Identity implements Identity {
  private readonly blob: Uint8Array;
  private readonly tag: string;
  private readonly secretX25519: Uint8Array;
  private readonly recipientX25519: Uint8Array;

  constructor(seed: Uint8Array, publicKey: Uint8Array) {
    this.blob = ed25519PublicKeyBlob(publicKey);
    this.tag = stanzaTag(this.blob);
    this.secretX25519 = ed25519.utils.toMontgomerySecret(seed);
    this.recipientX25519 = ed25519.utils.toMontgomery(publicKey);
  }

  unwrapFileKey(stanzas: Stanza[]): Uint8Array | null {
    for (const stanza of stanzas) {
      if (stanza.args[0] !== 'ssh-ed25519' || stanza.args[1] !== this.tag) continue;
      if (stanza.args.length !== 3) throw new Error('invalid ssh-ed25519 stanza');
      const share = base64nopad.decode(stanza.args[2]!);
      if (share.length !== 32 || stanza.body.length !== FILE_KEY_SIZE + 16) throw new Error('invalid ssh-ed25519 stanza');
      // noble refuses a low-order share (all-zero shared secret), as Go's X25519 does.
      const shared = tweakSharedSecret(x25519.getSharedSecret(this.secretX25519, share), this.blob);
      try {
        return chacha20poly1305(wrappingKey(shared, share, this.recipientX25519), ZERO_NONCE).decrypt(stanza.body);
      } catch {
        // A tag collision with another key (1 in 2^32): try the next stanza, as agessh does.
      }
    }
    return null;
  }
}
