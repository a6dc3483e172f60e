import { decode as decodeJpeg } from 'jpeg-js';
import { convertIndexedToRgb, decode as decodePng, type DecodedPng } from 'fast-png';
import { GifReader } from 'omggif';
import { UserError } from '../errors';
import { BmpError, decodeBmp } from './bmp-decode';
import {
  damaged,
  DEFAULT_MAX_INPUT_PIXELS,
  DEFAULT_MAX_OUTPUT_PIXELS,
  notAnImage,
  tooLarge,
  type ImageDecodeOptions,
} from './image-limits';
import { detectImageType, type ImageType } from './image-type';
import { decodeJpegGrayScaled, readJpegFrame } from './jpeg-gray-scaled';
import { grayToRgba, toGray, type RgbaImage } from './qr-image-ops';
import { decodeWebpWasm, webpSize } from './webp-wasm.node';

/**
 * Decodes image file bytes to RGBA in plain JavaScript: what the import sandbox uses, where native
 * addons (sharp) are denied. PNG (fast-png), JPEG (jpeg-js), GIF's first frame (omggif), BMP (ours).
 * Sizes are read from the header and checked before pixels are allocated; a large result is
 * scaled down to `maxOutputPixels` in gray. No EXIF rotation: zxing reads a QR code at any angle.
 * WebP goes to libwebp built to wasm (webp-wasm.node.ts). Throws UserError: not an image / damaged / too large.
 */
export async function decodeImageFileJs(
  bytes: Uint8Array,
  fileName: string,
  options: ImageDecodeOptions = {},
): Promise<RgbaImage> {
  const maxInput = options.maxInputPixels ?? DEFAULT_MAX_INPUT_PIXELS;
  const maxOutput = options.maxOutputPixels ?? DEFAULT_MAX_OUTPUT_PIXELS;
  const type = detectImageType(bytes);
  if (!type) throw notAnImage(fileName);
  if (type === 'bmp') return decodeBmpFile(bytes, fileName, maxInput, maxOutput);
  if (type === 'jpeg') {
    const scaled = decodeLargeJpeg(bytes, fileName, maxInput, maxOutput);
    if (scaled) return scaled;
  }
  let image: RgbaImage;
  try {
    image =
      type === 'webp'
        ? await decodeWebp(bytes, fileName, maxInput)
        : decodeByType(type, bytes, fileName, maxInput);
  } catch (error) {
    if (error instanceof UserError) throw error;
    if (error instanceof Error && /maxResolutionInMP|maxMemoryUsageInMB/.test(error.message))
      throw tooLarge(fileName, undefined, maxInput);
    throw damaged(fileName, type);
  }
  return shrink(image, maxOutput);
}

async function decodeWebp(
  bytes: Uint8Array,
  fileName: string,
  maxInput: number,
): Promise<RgbaImage> {
  const size = webpSize(bytes);
  if (!size) throw damaged(fileName, 'webp');
  checkPixels(fileName, size.width, size.height, maxInput);
  return decodeWebpWasm(bytes);
}

/**
 * Above this many pixels a JPEG is decoded in gray, block by block, even at full size: jpeg-js
 * holds every coefficient and the RGBA picture at once, so a phone's 12 MP photo (4032×3024) took
 * the import sandbox past its 256 MB cap, while 8 MP still fit.
 */
const JPEG_JS_MAX_PIXELS = 4_000_000;

/**
 * A JPEG over JPEG_JS_MAX_PIXELS (a camera photo) decoded in gray block by block, and one larger
 * than `maxOutput` at 1/2, 1/4 or 1/8 scale: jpeg-js would hold every coefficient and the full RGBA
 * picture (over 1 GB for 50 megapixels), past the sandbox's memory cap. Undefined for a smaller or
 * non-baseline JPEG (jpeg-js).
 */
function decodeLargeJpeg(
  bytes: Uint8Array,
  fileName: string,
  maxInput: number,
  maxOutput: number,
): RgbaImage | undefined {
  const frame = readJpegFrame(bytes);
  if (!frame) return undefined;
  checkPixels(fileName, frame.width, frame.height, maxInput);
  const pixels = frame.width * frame.height;
  if (!frame.scalable || pixels <= JPEG_JS_MAX_PIXELS) return undefined;
  const factor = ([1, 2, 4, 8] as const).find((f) => pixels / (f * f) <= maxOutput) ?? 8;
  try {
    return grayToRgba(decodeJpegGrayScaled(bytes, factor));
  } catch {
    throw damaged(fileName, 'jpeg');
  }
}

function decodeByType(
  type: Exclude<ImageType, 'bmp' | 'webp'>,
  bytes: Uint8Array,
  fileName: string,
  maxInput: number,
): RgbaImage {
  if (type === 'jpeg') {
    const { width, height, data } = decodeJpeg(bytes, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: maxInput / 1e6,
      maxMemoryUsageInMB: 1024,
    });
    return {
      width,
      height,
      data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
    };
  }
  if (type === 'gif') {
    const gif = new GifReader(bytes);
    checkPixels(fileName, gif.width, gif.height, maxInput);
    const data = new Uint8ClampedArray(gif.width * gif.height * 4);
    gif.decodeAndBlitFrameRGBA(0, data);
    return { width: gif.width, height: gif.height, data };
  }
  // PNG: IHDR's width and height sit at bytes 16-23, big-endian.
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 24) throw damaged(fileName, 'png');
  checkPixels(fileName, view.getUint32(16), view.getUint32(20), maxInput);
  return pngToRgba(decodePng(bytes));
}

function checkPixels(fileName: string, width: number, height: number, maxInput: number): void {
  if (width * height > maxInput) throw tooLarge(fileName, width * height, maxInput);
}

/** Any PNG colour type and depth as 8-bit RGBA (16-bit samples keep their high byte). */
function pngToRgba(png: DecodedPng): RgbaImage {
  const pixels = png.width * png.height;
  const out = new Uint8ClampedArray(pixels * 4);
  const indexed = png.palette !== undefined;
  const source = indexed ? convertIndexedToRgb(png) : png.data;
  const channels = indexed ? png.palette![0]!.length : png.channels;
  const depth = indexed ? 8 : png.depth;
  const rowBits = png.width * channels * depth;
  const max = (1 << Math.min(depth, 8)) - 1;
  const sample = (x: number, y: number, c: number): number => {
    if (depth === 8) return source[(y * png.width + x) * channels + c]!;
    if (depth === 16) return source[(y * png.width + x) * channels + c]! >> 8;
    // 1, 2 or 4 bits per sample (gray only): rows start on a byte.
    const bit = y * Math.ceil(rowBits / 8) * 8 + (x * channels + c) * depth;
    const byte = source[bit >> 3]!;
    return Math.round((((byte >> (8 - depth - (bit & 7))) & max) * 255) / max);
  };
  for (let y = 0, o = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++, o += 4) {
      const gray = channels < 3;
      const v = sample(x, y, 0);
      out[o] = v;
      out[o + 1] = gray ? v : sample(x, y, 1);
      out[o + 2] = gray ? v : sample(x, y, 2);
      const alpha = channels === 2 || channels === 4 ? sample(x, y, channels - 1) : 255;
      out[o + 3] = alpha;
    }
  }
  return { width: png.width, height: png.height, data: out };
}

function shrink(image: RgbaImage, maxOutput: number): RgbaImage {
  const pixels = image.width * image.height;
  if (pixels <= maxOutput) return image;
  return grayToRgba(toGray(image, Math.ceil(Math.sqrt(pixels / maxOutput))));
}

/** BMP through our own decoder (sharp reads no BMP either). */
export function decodeBmpFile(
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
  return shrink(image, maxOutput);
}
