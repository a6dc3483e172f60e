/**
 * Traditional PKWARE encryption ("ZipCrypto"), APPNOTE.TXT section 6.1. It is weak, but it is what
 * Authenticator Plus and most "password-protected zip" tools write, so we can only read it, never write it.
 */

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** Size of the random header that precedes every ZipCrypto-encrypted entry. */
export const ZIP_CRYPTO_HEADER_BYTES = 12;

function crcStep(crc: number, byte: number): number {
  return (CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8)) >>> 0;
}

class ZipCryptoKeys {
  private k0 = 0x12345678;
  private k1 = 0x23456789;
  private k2 = 0x34567890;

  constructor(password: Uint8Array) {
    for (const byte of password) this.update(byte);
  }

  update(byte: number): void {
    this.k0 = crcStep(this.k0, byte);
    this.k1 = (Math.imul((this.k1 + (this.k0 & 0xff)) >>> 0, 134_775_813) + 1) >>> 0;
    this.k2 = crcStep(this.k2, this.k1 >>> 24);
  }

  /** The keystream byte for the next position. */
  streamByte(): number {
    const temp = (this.k2 | 2) & 0xffff;
    return ((temp * (temp ^ 1)) >>> 8) & 0xff;
  }
}

/**
 * Decrypts one entry's data (12-byte header + payload). Returns undefined when the header's check byte
 * differs from `checkByte`, i.e. the password is wrong (a wrong password passes by chance 1 time in 256).
 * `checkByte` is the CRC's high byte, or the modification time's high byte when the entry has a data descriptor.
 */
export function decryptZipCrypto(
  data: Uint8Array,
  password: string,
  checkByte: number,
): Uint8Array | undefined {
  if (data.length < ZIP_CRYPTO_HEADER_BYTES) return undefined;
  const keys = new ZipCryptoKeys(new TextEncoder().encode(password));
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const plain = data[i]! ^ keys.streamByte();
    keys.update(plain);
    out[i] = plain;
  }
  if (out[ZIP_CRYPTO_HEADER_BYTES - 1] !== checkByte) return undefined;
  return out.subarray(ZIP_CRYPTO_HEADER_BYTES);
}
