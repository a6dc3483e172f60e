import { UserError } from '../errors';

/**
 * How much foreign input OTP Desk reads at all. An authenticator export is kilobytes; these
 * leave room for huge ones while keeping a hostile file from costing memory the app needs.
 * (Images: 100 megapixels, checked in qr/image-decode.node.ts before pixels are decoded.)
 */
export const INPUT_LIMITS = {
  fileBytes: 50 * 1024 * 1024,
  uriChars: 4096,
  imagePixels: 100_000_000,
} as const;

const mebibytes = (bytes: number) => `${Math.ceil(bytes / (1024 * 1024))} MB`;

/** Throws a UserError naming the 50 MB limit when a file is larger. */
export function checkFileSize(fileName: string, size: number): void {
  if (size > INPUT_LIMITS.fileBytes) {
    throw new UserError(
      'invalid-input',
      `${fileName} is ${mebibytes(size)}, above the ${mebibytes(INPUT_LIMITS.fileBytes)} OTP Desk reads from one file, so it was not read. Export only your authenticator accounts and import that file.`,
    );
  }
}

/** Throws a UserError naming the 4 KB limit when one otpauth or transfer link is longer. */
export function checkUriLength(uri: string): void {
  if (uri.length > INPUT_LIMITS.uriChars) {
    throw new UserError(
      'invalid-input',
      `The link is ${uri.length} characters long, above the ${INPUT_LIMITS.uriChars} (4 KB) OTP Desk reads from one otpauth link, so it was skipped. Copy or scan the link again.`,
    );
  }
}
