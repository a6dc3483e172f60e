import { create, fromBinary, toBinary } from '@bufbuild/protobuf';
import { invalidInput } from '../errors';
import {
  MigrationPayload_OtpParametersSchema,
  MigrationPayloadSchema,
} from './gen/otp_migration_pb';

/**
 * Google Authenticator's MigrationPayload, read and written with @bufbuild/protobuf from code
 * generated out of proto/otp_migration.proto (node scripts/gen-migration-proto.mjs): the bytes of
 * a scanned QR code are parsed by a maintained, widely fuzzed decoder rather than our own.
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

function corrupt(): Error {
  return invalidInput(
    'The Google Authenticator transfer code is damaged or cut short. Scan the QR code again or copy the whole otpauth-migration link.',
  );
}

/** Decodes a MigrationPayload; throws UserError('invalid-input') when the bytes are not one. */
export function decodeMigrationPayload(bytes: Uint8Array): RawMigrationPayload {
  let message;
  try {
    // Unknown fields are dropped, not kept: nothing of a foreign payload is held beyond what we read.
    message = fromBinary(MigrationPayloadSchema, bytes, { readUnknownFields: false });
  } catch {
    throw corrupt();
  }
  return {
    otpParameters: message.otpParameters.map((otp) => ({
      secret: otp.secret,
      name: otp.name,
      issuer: otp.issuer,
      algorithm: otp.algorithm,
      digits: otp.digits,
      type: otp.type,
      counter: otp.counter,
    })),
    version: message.version,
    batchSize: message.batchSize,
    batchIndex: message.batchIndex,
    batchId: message.batchId,
  };
}

/** Encodes a MigrationPayload as Google Authenticator writes it (zero-valued scalars omitted, as proto3 does). */
export function encodeMigrationPayload(payload: RawMigrationPayload): Uint8Array {
  return toBinary(
    MigrationPayloadSchema,
    create(MigrationPayloadSchema, {
      otpParameters: payload.otpParameters.map((otp) =>
        create(MigrationPayload_OtpParametersSchema, { ...otp }),
      ),
      version: payload.version,
      batchSize: payload.batchSize,
      batchIndex: payload.batchIndex,
      batchId: payload.batchId,
    }),
  );
}
