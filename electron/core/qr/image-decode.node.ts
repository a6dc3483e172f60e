import type { Metadata } from 'sharp';
import { BmpError, decodeBmp } from './bmp-decode';
import { UserError } from '../errors';
import { detectImageType, IMAGE_TYPE_NAMES, type ImageType } from './image-type';
import { grayToRgba, toGray, type RgbaImage } from './qr-image-ops';

/** sharp (libvips) takes ~120 ms to load: only pay for it when an image is decoded. */
const loadSharp = async () => (await import('sharp')).default;

/** Limits for decoding an image file. */
export interface ImageDecodeOptions {
  /** Files with more pixels than this are refused before decoding. Default 100 megapixels. */
  readonly maxInputPixels?: number;
  /** Larger images are scaled down inside sharp to about this many pixels. Default 4096² (above 4K). */
  readonly maxOutputPixels?: number;
}

const DEFAULT_MAX_INPUT_PIXELS = 100_000_000;
const DEFAULT_MAX_OUTPUT_PIXELS = 4096 * 4096;
const SUPPORTED = 'PNG, JPEG, WebP, GIF, BMP';

function notAnImage(fileName: string): UserError {
  return new UserError(
    'unsupported-format',
    `${fileName} is not an image OTP Desk can read (${SUPPORTED}).`,
  );
}

function damaged(fileName: string, type: ImageType): UserError {
  return new UserError(
    'invalid-input',
    `${fileName} looks like a ${IMAGE_TYPE_NAMES[type]} image but is damaged or cut short. Open it in an image viewer and save it again, or take a new screenshot.`,
  );
}

function megapixels(pixels: number): string {
  return (pixels / 1e6).toFixed(pixels < 1e7 ? 1 : 0);
}

function tooLarge(fileName: string, pixels: number | undefined, limit: number): UserError {
  const size = pixels ? ` (${megapixels(pixels)} megapixels)` : '';
  return new UserError(
    'invalid-input',
    `${fileName} is too large to search for QR codes${size}; the limit is ${megapixels(limit)} megapixels. Crop it to the QR code and try again.`,
  );
}

/**
 * Decodes image file bytes (PNG, JPEG, WebP, GIF first frame, BMP) to RGBA for QR decoding.
 * Photos are turned upright (EXIF orientation) and anything over `maxOutputPixels` is scaled down
 * inside sharp, so a 50-megapixel photo never becomes a 200 MB pixel buffer here.
 * Throws UserError: not an image / damaged / too large, naming the file.
 */
export async function decodeImageFile(
  bytes: Uint8Array,
  fileName: string,
  options: ImageDecodeOptions = {},
): Promise<RgbaImage> {
  const maxInput = options.maxInputPixels ?? DEFAULT_MAX_INPUT_PIXELS;
  const maxOutput = options.maxOutputPixels ?? DEFAULT_MAX_OUTPUT_PIXELS;
  const type = detectImageType(bytes);
  if (!type) throw notAnImage(fileName);
  if (type === 'bmp') return decodeBmpFile(bytes, fileName, maxInput, maxOutput);

  let metadata: Metadata;
  try {
    metadata = await (await loadSharp())(bytes, { limitInputPixels: false }).metadata();
  } catch {
    throw damaged(fileName, type);
  }
  const { width, height } = metadata;
  if (!width || !height) throw damaged(fileName, type);
  if (width * height > maxInput) throw tooLarge(fileName, width * height, maxInput);

  const scale = Math.min(1, Math.sqrt(maxOutput / (width * height)));
  const swapped = (metadata.orientation ?? 1) >= 5;
  let pipeline = (await loadSharp())(bytes, { limitInputPixels: maxInput, failOn: 'error' }).rotate();
  if (scale < 1) {
    const w = Math.max(1, Math.floor((swapped ? height : width) * scale));
    const h = Math.max(1, Math.floor((swapped ? width : height) * scale));
    pipeline = pipeline.resize(w, h, { fit: 'fill', kernel: 'linear' });
  }
  try {
    const { data, info } = await pipeline.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
    return {
      width: info.width,
      height: info.height,
      data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    };
  } catch (error) {
    if (error instanceof Error && /pixel limit/i.test(error.message))
      throw tooLarge(fileName, width * height, maxInput);
    throw damaged(fileName, type);
  }
}

function decodeBmpFile(
  bytes: Uint8Array,
  fileName: string,
  maxInput: number,
  maxOutput: number,
): RgbaImage {
  let image: RgbaImage;
  try {
    image = decodeBmp(bytes, maxInput);
  } catch (error) {
    if (!(error instanceof BmpError)) throw error;
    if (error.problem === 'too-large') throw tooLarge(fileName, undefined, maxInput);
    if (error.problem === 'unsupported') {
      throw new UserError(
        'unsupported-format',
        `${fileName} is a compressed BMP OTP Desk cannot read. Save it as PNG and try again.`,
      );
    }
    throw damaged(fileName, 'bmp');
  }
  const pixels = image.width * image.height;
  if (pixels <= maxOutput) return image;
  return grayToRgba(toGray(image, Math.ceil(Math.sqrt(pixels / maxOutput))));
}
