import type { Metadata } from 'sharp';
import { decodeBmpFile } from './image-decode-js';
import {
  damaged,
  DEFAULT_MAX_INPUT_PIXELS,
  DEFAULT_MAX_OUTPUT_PIXELS,
  notAnImage,
  tooLarge,
  type ImageDecodeOptions,
} from './image-limits';
import { detectImageType } from './image-type';
import type { RgbaImage } from './qr-image-ops';

export type { ImageDecodeOptions } from './image-limits';

/** sharp (libvips) takes ~120 ms to load: only pay for it when an image is decoded. */
const loadSharp = async () => (await import('sharp')).default;

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
  let pipeline = (await loadSharp())(bytes, {
    limitInputPixels: maxInput,
    failOn: 'error',
  }).rotate();
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
