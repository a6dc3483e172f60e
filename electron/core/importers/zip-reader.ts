import { inflateSync, unzipSync } from 'fflate';
import { crc32 } from 'node:zlib';
import {
  damagedFile,
  malformedFile,
  passwordRequired,
  wrongPassword,
} from '../format/import-errors';
import { decryptZipCrypto } from './zip-crypto';

/** One file inside a zip, from its central directory record. */
export interface ZipEntry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly modTime: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const FLAG_ENCRYPTED = 0x1;
const FLAG_DATA_DESCRIPTOR = 0x8;
const FLAG_STRONG_ENCRYPTION = 0x40;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
/** Backups of OTP accounts are kilobytes; refuse to inflate anything absurd (zip bombs). */
const MAX_ENTRY_BYTES = 16 * 1024 * 1024;

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** True when the bytes start like a zip archive (local file header or empty-archive signature). */
export function isZip(bytes: Uint8Array): boolean {
  if (bytes.length < 22) return false;
  const signature = view(bytes).getUint32(0, true);
  return signature === LOCAL_SIGNATURE || signature === EOCD_SIGNATURE;
}

/** Lists the entries of a zip from its central directory; undefined when the directory is missing or broken. */
export function listZipEntries(bytes: Uint8Array): readonly ZipEntry[] | undefined {
  const data = view(bytes);
  // The end record sits in the last 22 bytes plus an optional comment of up to 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (data.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = data.getUint16(eocd + 10, true);
  let offset = data.getUint32(eocd + 16, true);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || data.getUint32(offset, true) !== CENTRAL_SIGNATURE)
      return undefined;
    const nameLength = data.getUint16(offset + 28, true);
    const skip = nameLength + data.getUint16(offset + 30, true) + data.getUint16(offset + 32, true);
    if (offset + 46 + skip > bytes.length) return undefined;
    entries.push({
      // Names as fflate decodes them (UTF-8 with flag bit 11, else CP437/latin1), so the two agree.
      name: new TextDecoder(data.getUint16(offset + 8, true) & 0x800 ? 'utf-8' : 'latin1').decode(
        bytes.subarray(offset + 46, offset + 46 + nameLength),
      ),
      flags: data.getUint16(offset + 8, true),
      method: data.getUint16(offset + 10, true),
      modTime: data.getUint16(offset + 12, true),
      crc: data.getUint32(offset + 16, true),
      compressedSize: data.getUint32(offset + 20, true),
      size: data.getUint32(offset + 24, true),
      localHeaderOffset: data.getUint32(offset + 42, true),
    });
    offset += 46 + skip;
  }
  return entries;
}

/** The entry's stored (possibly encrypted, possibly compressed) bytes, located through its local header. */
function storedBytes(bytes: Uint8Array, entry: ZipEntry, label: string): Uint8Array {
  const data = view(bytes);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || data.getUint32(at, true) !== LOCAL_SIGNATURE)
    throw damagedFile(label);
  const start = at + 30 + data.getUint16(at + 26, true) + data.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw damagedFile(label);
  return bytes.subarray(start, start + entry.compressedSize);
}

/**
 * Extracts one entry. Plain entries are read by fflate (archive layout and inflate); ZipCrypto
 * entries, which fflate does not decrypt, go through our decryptZipCrypto and then fflate's inflate.
 * Throws password-required, wrong-password, integrity (bad deflate data or CRC) or invalid-input
 * (AES-encrypted or unknown compression) UserErrors.
 */
export function extractZipEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  label: string,
  password?: string,
): Uint8Array {
  if (entry.method === 99 || entry.flags & FLAG_STRONG_ENCRYPTION) {
    throw malformedFile(
      label,
      'it uses AES zip encryption, which OTP Desk does not read; re-create the zip with standard encryption',
    );
  }
  if (entry.method !== METHOD_STORED && entry.method !== METHOD_DEFLATE) {
    throw malformedFile(
      label,
      `its contents use an unsupported zip compression (method ${entry.method})`,
    );
  }
  if (entry.size > MAX_ENTRY_BYTES)
    throw malformedFile(label, 'it is far larger than any authenticator backup');
  let content: Uint8Array;
  if (entry.flags & FLAG_ENCRYPTED) {
    if (!password) throw passwordRequired(label);
    const checkByte = entry.flags & FLAG_DATA_DESCRIPTOR ? entry.modTime >>> 8 : entry.crc >>> 24;
    const plain = decryptZipCrypto(storedBytes(bytes, entry, label), password, checkByte);
    if (!plain) throw wrongPassword();
    content = entry.method === METHOD_DEFLATE ? inflateBounded(plain, entry.size, label) : plain;
  } else {
    content = unzipOne(bytes, entry, label);
  }
  if (content.length !== entry.size || crc32(content) >>> 0 !== entry.crc >>> 0)
    throw damagedFile(label);
  return content;
}

/** fflate's inflate into a buffer of the size the directory promises: more output is cut off (and fails the CRC). */
function inflateBounded(data: Uint8Array, size: number, label: string): Uint8Array {
  try {
    return inflateSync(data, { out: new Uint8Array(size) });
  } catch {
    throw damagedFile(label);
  }
}

/** One plain entry through fflate's unzip, refusing (in its filter, before inflating) any entry over the limit. */
function unzipOne(bytes: Uint8Array, entry: ZipEntry, label: string): Uint8Array {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => file.name === entry.name && file.originalSize <= MAX_ENTRY_BYTES,
    });
  } catch {
    throw damagedFile(label);
  }
  const content = files[entry.name];
  if (!content) throw damagedFile(label);
  return content;
}
