import { invalidInput } from '../errors';

/**
 * Just enough protobuf for Google Authenticator's MigrationPayload (no dependency: the
 * schema is two messages). Field numbers from Google Authenticator's OtpMigration.proto.
 */
export interface RawOtpParameters {
  readonly secret: Uint8Array;
  readonly name: string;
  readonly issuer: string;
  /** 0 unspecified, 1 SHA1, 2 SHA256, 3 SHA512, 4 MD5. */
  readonly algorithm: number;
  /** 0 unspecified, 1 six, 2 eight. */
  readonly digits: number;
  /** 0 unspecified, 1 HOTP, 2 TOTP. */
  readonly type: number;
  /** int64 on the wire; a bigint so a huge or negative value is seen, not rounded. */
  readonly counter: bigint;
}

/** The decoded `MigrationPayload` message. */
export interface RawMigrationPayload {
  readonly otpParameters: readonly RawOtpParameters[];
  readonly version: number;
  readonly batchSize: number;
  readonly batchIndex: number;
  readonly batchId: number;
}

const WIRE_VARINT = 0;
const WIRE_I64 = 1;
const WIRE_LEN = 2;
const WIRE_I32 = 5;

function corrupt(): Error {
  return invalidInput(
    'The Google Authenticator transfer code is damaged or cut short. Scan the QR code again or copy the whole otpauth-migration link.',
  );
}

/** Reads fields of one message: calls `onField` with the field number and its value. */
function readMessage(
  bytes: Uint8Array,
  onField: (field: number, value: bigint | Uint8Array) => void,
): void {
  let pos = 0;
  const varint = (): bigint => {
    let result = 0n;
    for (let shift = 0n; shift < 70n; shift += 7n) {
      if (pos >= bytes.length) throw corrupt();
      const byte = bytes[pos++]!;
      result |= BigInt(byte & 0x7f) << shift;
      if ((byte & 0x80) === 0) return result;
    }
    throw corrupt();
  };
  const take = (length: number): Uint8Array => {
    if (length < 0 || pos + length > bytes.length) throw corrupt();
    const slice = bytes.subarray(pos, pos + length);
    pos += length;
    return slice;
  };
  while (pos < bytes.length) {
    const key = varint();
    const field = Number(key >> 3n);
    const wire = Number(key & 7n);
    if (field === 0) throw corrupt();
    if (wire === WIRE_VARINT) onField(field, varint());
    else if (wire === WIRE_LEN) onField(field, take(Number(varint())));
    else if (wire === WIRE_I64) take(8);
    else if (wire === WIRE_I32) take(4);
    else throw corrupt();
  }
}

const utf8 = new TextDecoder('utf-8', { fatal: false });

/** The low 32 bits as a signed int32 (negative batch ids are sign-extended to 10 bytes on the wire). */
function toInt32(value: bigint | Uint8Array): number {
  if (typeof value !== 'bigint') throw corrupt();
  return Number(BigInt.asIntN(32, value));
}

function toInt64(value: bigint | Uint8Array): bigint {
  if (typeof value !== 'bigint') throw corrupt();
  return BigInt.asIntN(64, value);
}

function toBytes(value: bigint | Uint8Array): Uint8Array {
  if (typeof value === 'bigint') throw corrupt();
  return value;
}

function decodeOtpParameters(bytes: Uint8Array): RawOtpParameters {
  let secret = new Uint8Array(0);
  let name = '';
  let issuer = '';
  let algorithm = 0;
  let digits = 0;
  let type = 0;
  let counter = 0n;
  readMessage(bytes, (field, value) => {
    if (field === 1) secret = toBytes(value).slice();
    else if (field === 2) name = utf8.decode(toBytes(value));
    else if (field === 3) issuer = utf8.decode(toBytes(value));
    else if (field === 4) algorithm = toInt32(value);
    else if (field === 5) digits = toInt32(value);
    else if (field === 6) type = toInt32(value);
    else if (field === 7) counter = toInt64(value);
  });
  return { secret, name, issuer, algorithm, digits, type, counter };
}

/** Decodes a MigrationPayload; throws UserError('invalid-input') when the bytes are not one. */
export function decodeMigrationPayload(bytes: Uint8Array): RawMigrationPayload {
  const otpParameters: RawOtpParameters[] = [];
  let version = 0;
  let batchSize = 0;
  let batchIndex = 0;
  let batchId = 0;
  readMessage(bytes, (field, value) => {
    if (field === 1) otpParameters.push(decodeOtpParameters(toBytes(value)));
    else if (field === 2) version = toInt32(value);
    else if (field === 3) batchSize = toInt32(value);
    else if (field === 4) batchIndex = toInt32(value);
    else if (field === 5) batchId = toInt32(value);
  });
  return { otpParameters, version, batchSize, batchIndex, batchId };
}

/** Appends protobuf fields to a byte list. */
class Writer {
  readonly bytes: number[] = [];
  varint(field: number, value: bigint | number): void {
    this.key(field, WIRE_VARINT);
    this.raw(BigInt.asUintN(64, BigInt(value)));
  }
  bytesField(field: number, value: Uint8Array): void {
    this.key(field, WIRE_LEN);
    this.raw(BigInt(value.length));
    for (const b of value) this.bytes.push(b);
  }
  private key(field: number, wire: number): void {
    this.raw(BigInt((field << 3) | wire));
  }
  private raw(value: bigint): void {
    let v = value;
    while (v >= 0x80n) {
      this.bytes.push(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    this.bytes.push(Number(v));
  }
}

const utf8Encoder = new TextEncoder();

/** Encodes a MigrationPayload as Google Authenticator writes it (zero-valued scalars omitted). */
export function encodeMigrationPayload(payload: RawMigrationPayload): Uint8Array {
  const writer = new Writer();
  for (const otp of payload.otpParameters) {
    const inner = new Writer();
    inner.bytesField(1, otp.secret);
    inner.bytesField(2, utf8Encoder.encode(otp.name));
    if (otp.issuer) inner.bytesField(3, utf8Encoder.encode(otp.issuer));
    inner.varint(4, otp.algorithm);
    inner.varint(5, otp.digits);
    inner.varint(6, otp.type);
    if (otp.counter !== 0n) inner.varint(7, otp.counter);
    writer.bytesField(1, Uint8Array.from(inner.bytes));
  }
  writer.varint(2, payload.version);
  writer.varint(3, payload.batchSize);
  writer.varint(4, payload.batchIndex);
  writer.varint(5, payload.batchId);
  return Uint8Array.from(writer.bytes);
}
