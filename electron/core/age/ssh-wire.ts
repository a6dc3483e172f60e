import { sha256 } from '@noble/hashes/sha2.js';
import { base64, base64nopad } from '@scure/base';

/**
 * Reads SSH wire-format fields (RFC 4251 §5: uint32 and length-prefixed strings). Every read is
 * bounds-checked; `fail` turns a short or malformed buffer into the caller's own message.
 */
export class SshWireReader {
  private offset = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly fail: () => Error,
  ) {}

  uint32(): number {
    if (this.offset + 4 > this.bytes.length) throw this.fail();
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset + this.offset, 4);
    this.offset += 4;
    return view.getUint32(0);
  }

  string(): Uint8Array {
    const length = this.uint32();
    if (this.offset + length > this.bytes.length) throw this.fail();
    const value = this.bytes.subarray(this.offset, this.offset + length);
    this.offset += length;
    return value;
  }

  text(): string {
    return new TextDecoder().decode(this.string());
  }

  /** Bytes left after what has been read. */
  rest(): Uint8Array {
    return this.bytes.subarray(this.offset);
  }

  get done(): boolean {
    return this.offset === this.bytes.length;
  }
}

/** Builds SSH wire-format strings (for the public-key blob of a private key). */
export function sshWireString(value: Uint8Array | string): Uint8Array {
  const bytes = typeof value === 'string' ? new TextEncoder().encode(value) : value;
  const out = new Uint8Array(4 + bytes.length);
  new DataView(out.buffer).setUint32(0, bytes.length);
  out.set(bytes, 4);
  return out;
}

/** The wire-format public key blob `string "ssh-ed25519" || string key`. */
export function ed25519PublicKeyBlob(publicKey: Uint8Array): Uint8Array {
  const type = sshWireString('ssh-ed25519');
  const key = sshWireString(publicKey);
  const blob = new Uint8Array(type.length + key.length);
  blob.set(type);
  blob.set(key, type.length);
  return blob;
}

/** `SHA256:…` as `ssh-keygen -l` prints it (unpadded base64 of the blob's SHA-256). */
export function sshFingerprint(blob: Uint8Array): string {
  return `SHA256:${base64nopad.encode(sha256(blob))}`;
}

/** Decodes padded or unpadded standard base64, or undefined when it is not base64. */
export function decodeBase64Loose(text: string): Uint8Array | undefined {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return undefined;
  try {
    const unpadded = text.replace(/=+$/, '');
    return text.length % 4 === 0 && text.endsWith('=') ? base64.decode(text) : base64nopad.decode(unpadded);
  } catch {
    return undefined;
  }
}
