import { sha256 } from '@noble/hashes/sha2.js';
import { base64nopad, base64urlnopad } from '@scure/base';
import { Stanza, type Recipient } from 'age-encryption';

/**
 * age's `ssh-rsa` recipient type (age-encryption.org/v1 spec; Go's agessh): the file key wrapped
 * with RSA-OAEP (SHA-256, label "age-encryption.org/v1/ssh-rsa") by the platform's WebCrypto, so
 * a team's GitHub .keys file with RSA keys works too. Encryption only: an RSA identity decrypts
 * with `age -d -i`. RSA itself is WebCrypto's, none of it ours.
 */
const LABEL = new TextEncoder().encode('age-encryption.org/v1/ssh-rsa');
/** age and OpenSSH refuse RSA keys under 2048 bits. */
export const MIN_RSA_BITS = 2048;

/** An SSH mpint as an unsigned big-endian number (the sign byte dropped). */
const unsigned = (mpint: Uint8Array) => (mpint[0] === 0 ? mpint.subarray(1) : mpint);

export class SshRsaRecipient implements Recipient {
  private readonly tag: string;

  /** `blob` is the wire-format key; `e` and `n` its mpints. */
  constructor(
    blob: Uint8Array,
    private readonly e: Uint8Array,
    private readonly n: Uint8Array,
  ) {
    this.tag = base64nopad.encode(sha256(blob).subarray(0, 4));
  }

  /** The modulus size in bits, to refuse keys too small to be safe. */
  static bits(n: Uint8Array): number {
    const m = unsigned(n);
    return m.length === 0 ? 0 : (m.length - 1) * 8 + Math.floor(Math.log2(m[0]!)) + 1;
  }

  async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
    const jwk = { kty: 'RSA', n: base64urlnopad.encode(unsigned(this.n)), e: base64urlnopad.encode(unsigned(this.e)), ext: true };
    const key = await crypto.subtle.importKey('jwk', jwk, { name: 'RSA-OAEP', hash: 'SHA-256' }, false, ['encrypt']);
    const body = new Uint8Array(await crypto.subtle.encrypt({ name: 'RSA-OAEP', label: LABEL }, key, new Uint8Array(fileKey)));
    return [new Stanza(['ssh-rsa', this.tag], body)];
  }
}
