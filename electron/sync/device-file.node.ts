import { UserError } from '../core/errors';
import { decodeSyncState, encodeSyncState } from '../core/sync/sync-codec';
import type { SyncState } from '../core/sync/sync-state';
import { open, seal } from '../vault/crypto.node';
import { SYNC_FORMAT_VERSION } from './folder-file.node';

/**
 * A device file (`devices/<id>.otpsync`): "OTPDSYNC", a format byte, a short header in the clear
 * (device id, key id: what a reader needs to pick the key) and the device's view sealed with the
 * sync key (AES-256-GCM, the header as additional data). The sealed part is padded to a size
 * bucket, so the file's size says only roughly how many accounts there are.
 */
const MAGIC = Buffer.from('OTPDSYNC');
const MAX_HEADER = 1024;
export const DEVICE_FILE_SUFFIX = '.otpsync';

export interface DeviceFileHeader {
  readonly device: string;
  readonly keyId: string;
}

/** The padded size for `length` bytes: 1 KiB, then steps of one eighth of the power of two below (≤ 12.5 % extra). */
export function paddedSize(length: number): number {
  if (length <= 1024) return 1024;
  const step = 2 ** (Math.floor(Math.log2(length)) - 3);
  return Math.ceil(length / step) * step;
}

/** The bytes of our device file. */
export function sealDeviceFile(header: DeviceFileHeader, state: SyncState, key: Buffer): Buffer {
  const body = encodeSyncState(state);
  const plain = Buffer.alloc(paddedSize(body.length + 4));
  plain.writeUInt32BE(body.length, 0);
  plain.set(body, 4);
  const headerBytes = Buffer.from(JSON.stringify(header));
  const prefix = Buffer.concat([MAGIC, Buffer.from([SYNC_FORMAT_VERSION]), u16(headerBytes.length), headerBytes]);
  const box = seal(key, plain, prefix);
  return Buffer.concat([prefix, Buffer.from(box.nonce, 'hex'), Buffer.from(box.tag, 'hex'), Buffer.from(box.data, 'base64')]);
}

function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16BE(n, 0);
  return b;
}

/** Why a device file was not read: a reader keeps the previous read and retries later. */
export class DeviceFileProblem extends UserError {}

const cutOff = () => new DeviceFileProblem('integrity', 'is damaged or still being written; it is skipped and read again later');

/** The clear header of a device file (to pick the key), or a problem. */
export function readDeviceFileHeader(bytes: Buffer): { header: DeviceFileHeader; prefixLength: number } {
  if (bytes.length < MAGIC.length + 3 || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) throw cutOff();
  if (bytes[MAGIC.length]! > SYNC_FORMAT_VERSION) throw new DeviceFileProblem('unsupported-format', 'was written by a newer OTP Desk; update OTP Desk here to read it (it was left as it is)');
  const headerLength = bytes.readUInt16BE(MAGIC.length + 1);
  const prefixLength = MAGIC.length + 3 + headerLength;
  if (headerLength > MAX_HEADER || bytes.length < prefixLength + 28) throw cutOff();
  try {
    const header = JSON.parse(bytes.subarray(MAGIC.length + 3, prefixLength).toString('utf8')) as DeviceFileHeader;
    if (typeof header?.device !== 'string' || typeof header.keyId !== 'string') throw new Error('shape');
    return { header, prefixLength };
  } catch {
    throw cutOff();
  }
}

/** A device file's view, opened with `key`; a DeviceFileProblem when cut off, damaged or sealed with another key. */
export function openDeviceFile(bytes: Buffer, key: Buffer): { header: DeviceFileHeader; state: SyncState } {
  const { header, prefixLength } = readDeviceFileHeader(bytes);
  const box = {
    nonce: bytes.subarray(prefixLength, prefixLength + 12).toString('hex'),
    tag: bytes.subarray(prefixLength + 12, prefixLength + 28).toString('hex'),
    data: bytes.subarray(prefixLength + 28).toString('base64'),
  };
  const plain = open(key, box, cutOff, bytes.subarray(0, prefixLength));
  const length = plain.readUInt32BE(0);
  if (length > plain.length - 4) throw cutOff();
  try {
    return { header, state: decodeSyncState(plain.subarray(4, 4 + length)) };
  } catch {
    throw cutOff();
  }
}
