import { UserError } from '../errors';
import { IMAGE_TYPE_NAMES, type ImageType } from './image-type';

/** Limits for decoding an image file. */
export interface ImageDecodeOptions {
  /** Files with more pixels than this are refused before decoding. Default 100 megapixels. */
  readonly maxInputPixels?: number;
  /** Larger images are scaled down inside sharp to about this many pixels. Default 4096² (above 4K). */
  readonly maxOutputPixels?: number;
}

export const DEFAULT_MAX_INPUT_PIXELS = 100_000_000;
export const DEFAULT_MAX_OUTPUT_PIXELS = 4096 * 4096;
const SUPPORTED = 'PNG, JPEG, WebP, GIF, BMP';

/** The bytes are none of the image formats OTP Desk reads. */
export function notAnImage(fileName: string): UserError {
  return new UserError(
    'unsupported-format',
    `${fileName} is not an image OTP Desk can read (${SUPPORTED}).`,
  );
}

/** The header says `type`, the rest doesn't decode. */
export function damaged(fileName: string, type: ImageType): UserError {
  return new UserError(
    'invalid-input',
    `${fileName} looks like a ${IMAGE_TYPE_NAMES[type]} image but is damaged or cut short. Open it in an image viewer and save it again, or take a new screenshot.`,
  );
}

function megapixels(pixels: number): string {
  return (pixels / 1e6).toFixed(pixels < 1e7 ? 1 : 0);
}

/** More pixels than `limit` (refused before decoding them). */
export function tooLarge(fileName: string, pixels: number | undefined, limit: number): UserError {
  const size = pixels ? ` (${megapixels(pixels)} megapixels)` : '';
  return new UserError(
    'invalid-input',
    `${fileName} is too large to search for QR codes${size}; the limit is ${megapixels(limit)} megapixels. Crop it to the QR code and try again.`,
  );
}
