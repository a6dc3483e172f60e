import { hmac, type _HMAC } from '@noble/hashes/hmac.js';
import { sha1 } from '@noble/hashes/legacy.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { CHash, Hash } from '@noble/hashes/utils.js';
import { createHmac } from 'node:crypto';
import type { HashAlgorithm } from './account';
import type { HmacFunction, KeyedHmac, KeyedHmacFactory } from './otp';

const NODE_HASH = { SHA1: 'sha1', SHA256: 'sha256', SHA512: 'sha512' } as const;

/** HMAC through node:crypto (OpenSSL): several times faster than pure JS, for main and the CLI. */
export const nodeHmac: HmacFunction = (algorithm, key, message) =>
  createHmac(NODE_HASH[algorithm], key).update(message).digest();

/**
 * An HMAC whose key schedule ran once: noble's inner and outer hash states right after the pads
 * were hashed (by hmac.create, which hashes a key longer than a block first), copied into scratch
 * states for each message. Each code then hashes two blocks instead of four (createHmac redoes the
 * pads on every call). The states are driven directly rather than through noble's HMAC object,
 * whose digest also allocates and zeroes per call: that was ~13 % of this path.
 */
class PreparedHmac<T extends Hash<T>> implements KeyedHmac {
  private states: { inner: T; outer: T; innerScratch: T; outerScratch: T } | undefined;
  private readonly mid: Uint8Array;
  private readonly out: Uint8Array;

  constructor(hash: CHash<T>, key: Uint8Array) {
    const keyed: _HMAC<T> = hmac.create(hash, key);
    this.states = {
      inner: keyed.iHash,
      outer: keyed.oHash,
      innerScratch: hash.create(),
      outerScratch: hash.create(),
    };
    this.mid = new Uint8Array(hash.outputLen);
    this.out = new Uint8Array(hash.outputLen);
  }

  sign(message: Uint8Array): Uint8Array {
    const states = this.states;
    if (!states) throw new Error('This HMAC key was wiped.');
    states.inner._cloneInto(states.innerScratch).update(message).digestInto(this.mid);
    states.outer._cloneInto(states.outerScratch).update(this.mid).digestInto(this.out);
    return this.out;
  }

  wipe(): void {
    // noble's destroy() zeroes a hash's chaining values and block buffer.
    if (this.states) for (const state of Object.values(this.states)) state.destroy();
    this.mid.fill(0);
    this.out.fill(0);
    this.states = undefined;
  }
}

/** createHmac on its own copy of the key, for the hashes where OpenSSL beats the prepared state. */
class NodeKeyedHmac implements KeyedHmac {
  private key: Uint8Array | undefined;

  constructor(
    private readonly hash: (typeof NODE_HASH)[HashAlgorithm],
    key: Uint8Array,
  ) {
    this.key = Uint8Array.from(key); // a copy: Buffer#slice would share the caller's bytes
  }

  sign(message: Uint8Array): Uint8Array {
    if (!this.key) throw new Error('This HMAC key was wiped.');
    return createHmac(this.hash, this.key).update(message).digest();
  }

  wipe(): void {
    this.key?.fill(0);
    this.key = undefined;
  }
}

/**
 * Where the prepared noble state beats a createHmac per code (same load, per 1000 HMACs): SHA-1
 * ~4.2 → ~2.0–2.8 ms, SHA-256 ~3.2 → ~2.6 ms. SHA-512 in pure JS (64-bit words as 32-bit halves)
 * took ~6–8 ms against OpenSSL's ~4.5, so it stays on createHmac.
 */
const PREPARED: Partial<Record<HashAlgorithm, CHash>> = { SHA1: sha1, SHA256: sha256 };

/** The KeyedHmac for main and the CLI: prepared noble state for SHA-1/256, node:crypto for SHA-512. */
export const nodeKeyedHmac: KeyedHmacFactory = (algorithm, key) => {
  const prepared = PREPARED[algorithm];
  return prepared ? new PreparedHmac(prepared, key) : new NodeKeyedHmac(NODE_HASH[algorithm], key);
};
