import { invalidInput } from '../errors';
import {
  resizeGray,
  scaleGrayToLongSide,
  toGray,
  type GrayImage,
  type RgbaImage,
} from './qr-image-ops';
import { scanWithJsqr } from './qr-scan';
import {
  loadZxingQrReader,
  type ZxingFound,
  type ZxingPass,
  type ZxingQrReader,
  type ZxingRead,
} from './qr-zxing';

export type { RgbaImage } from './qr-image-ops';
export { classifyQrText, type QrTextKind, type QrTextClass } from './qr-text';

/** Per-call limits. */
export interface QrDecodeOptions {
  /** Give up (returning what was found so far) after this many milliseconds. Default 5000. */
  readonly deadlineMs?: number;
}

/** Finds QR codes in RGBA pixels. Runs in Node and in a browser Web Worker (no Node imports). */
export interface QrDecoder {
  /** Every distinct text of every QR code found, in the order found; [] when there is none. */
  decode(image: RgbaImage, options?: QrDecodeOptions): Promise<string[]>;
  /**
   * The decoders in use, in the order tried: 'zxing' only when its .wasm was supplied, 'curved'
   * when a curved reader was too.
   */
  readonly engines: readonly ('zxing' | 'curved' | 'jsqr')[];
}

/** Reads a code printed on a curved surface (one per image); [] when it can't. */
export type CurvedQrReader = (image: GrayImage) => string[];

/** How to build a decoder. */
export interface QrDecoderOptions {
  /** zxing-cpp reader .wasm bytes (zxing-wasm/dist/reader/zxing_reader.wasm). Without them only jsQR runs. */
  readonly zxingWasm?: ArrayBuffer | Uint8Array;
  /** Larger images are area-averaged down to at most this many pixels first. Default 4096². */
  readonly maxPixels?: number;
  /**
   * Run jsQR after zxing-wasm finds nothing. Default: only when zxing-wasm is unavailable. On the
   * 141 real samples and the OTP set jsQR read no image zxing-wasm missed (`npm run bench` lists
   * any it does), so with zxing it would only add time to every unreadable image.
   */
  readonly jsqrFallback?: boolean;
  /**
   * Loads a reader for codes on curved surfaces (qr-curved.node.ts: OpenCV's). The pipeline loads
   * it on first need and tries it only on an image where zxing located a QR code it could not
   * read, so images with no code, and codes zxing reads, never pay for it.
   */
  readonly curved?: () => Promise<CurvedQrReader>;
}

const DEFAULT_DEADLINE_MS = 5000;
const DEFAULT_MAX_PIXELS = 4096 * 4096;
/**
 * Below this long side zxing is given an upscaled copy too: its finder search wants ~3 px per
 * module (a tiny crop). Larger images it can't read are not helped by it (bench: no sample from
 * 200 to 400 px was), and the upscaled passes were most of the time spent on unreadable images.
 */
const SMALL_LONG_SIDE = 200;
const UPSCALED_LONG_SIDE = 800;
/**
 * The curved reader is given at most this long a side: the bent codes it mends fill much of a
 * photo, and OpenCV's time and memory grow with the pixels.
 */
const CURVED_LONG_SIDE = 1024;
/**
 * Nor is it tried on an image over this many pixels: OpenCV adds ~85 MB, and with a bigger photo's
 * own copies (RGBA, grey, zxing's heap) that passed the import sandbox's 256 MB cap (a 12 MP photo
 * did; 6 MP fit). The user is told to crop closer to the code, and the crop is read.
 */
const CURVED_MAX_PIXELS = 6_000_000;

/**
 * Builds the QR pipeline (guide §3): zxing-wasm, because on real photos it reads far more than
 * jsQR and in a tenth of the time, in passes from cheap to expensive; jsQR, with its
 * scaling/polarity/region strategy, where no .wasm is available (or when asked for).
 */
export async function createQrDecoder(options: QrDecoderOptions = {}): Promise<QrDecoder> {
  const zxing = options.zxingWasm ? await loadZxingQrReader(options.zxingWasm) : undefined;
  const useJsqr = options.jsqrFallback ?? !zxing;
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  const loadCurved = zxing && options.curved;
  let curved: Promise<CurvedQrReader> | undefined;
  const engines: ('zxing' | 'curved' | 'jsqr')[] = [
    ...(zxing ? (['zxing'] as const) : []),
    ...(loadCurved ? (['curved'] as const) : []),
    ...(useJsqr ? (['jsqr'] as const) : []),
  ];
  return {
    engines,
    async decode(image, decodeOptions = {}) {
      checkImage(image);
      const deadline = performance.now() + (decodeOptions.deadlineMs ?? DEFAULT_DEADLINE_MS);
      const pixels = image.width * image.height;
      // Huge images are reduced before anything else so time and memory stay bounded.
      const factor = pixels > maxPixels ? Math.ceil(Math.sqrt(pixels / maxPixels)) : 1;
      if (zxing && pixels / (factor * factor) >= BIG_IMAGE_PIXELS) {
        const texts = readHalfSize(zxing, toGray(image, factor * 2), deadline);
        if (texts.length > 0) return texts;
      }
      // Luminance once, for every pass of both decoders (both binarise grey).
      const gray = toGray(image, factor);
      if (zxing) {
        const found = readWithZxing(zxing, gray, deadline);
        if (found.texts.length > 0) return unique(found.texts);
        const curvedFits = gray.width * gray.height <= CURVED_MAX_PIXELS;
        if (found.damaged && loadCurved && curvedFits && performance.now() < deadline) {
          curved ??= loadCurved();
          const texts = await readCurved(curved, scaleDownTo(gray, CURVED_LONG_SIDE));
          if (texts.length > 0) return texts;
        }
      }
      if (!useJsqr || performance.now() > deadline) return [];
      return scanWithJsqr(gray, deadline);
    },
  };
}

/**
 * Cheap passes first, the expensive ones only when the cheaper found nothing and the image's
 * budget allows: the fast pass reads most images (126 of 141 samples); tryHarder and inversion
 * (dark mode, small codes in 4K screenshots), the global binariser (zxing-cpp qrcode-2/28,
 * qrcode-4/09, qrcode-4/14), denoising, the global binariser after denoising (qrcode-2/12 and 13, a
 * code printed over an aerial photo: neither alone reads them) and an upscaled copy of tiny images
 * (a 64 px crop) each read images the earlier passes missed.
 */
const ZXING_PASSES: readonly ZxingPass[] = ['fast', 'harder', 'global', 'denoise', 'global-denoise'];
/**
 * From about 4K up, the fast pass's sparse line scan misses the small code of a screenshot 3 times
 * in 4 (bench: 4K screenshots), so paying for it first only adds its time: start one pass later.
 */
const BIG_IMAGE_PIXELS = 7_000_000;

/**
 * From about 4K up (screenshots of big or HiDPI screens) zxing is first given a half-size copy,
 * area-averaged in the same pass as the grey conversion: each pass over the full 8 MP cost 25-50 ms
 * of CPU, over the half 6-15 ms, and a screenshot's sharp code still has ≥ 1.5 px per module
 * there. The global-histogram binariser goes first: a screenshot is lit evenly, and it was the
 * cheapest pass that read every 4K bench screenshot. Nothing found: the full-size passes follow.
 */
const HALF_SIZE_PASSES: readonly ZxingPass[] = ['global', 'harder'];

function readHalfSize(zxing: ZxingQrReader, half: GrayImage, deadline: number): string[] {
  return unique(zxing(half, (read) => firstFound(read, HALF_SIZE_PASSES, deadline)).texts);
}

/** The first pass that reads a code; `damaged` when any pass tried located one it could not read. */
function firstFound(read: ZxingRead, passes: readonly ZxingPass[], deadline: number): ZxingFound {
  let damaged = false;
  for (const [i, pass] of passes.entries()) {
    if (i > 0 && performance.now() > deadline) break;
    const found = read(pass);
    if (found.texts.length > 0) return found;
    damaged ||= found.damaged;
  }
  return { texts: [], damaged };
}

function readWithZxing(zxing: ZxingQrReader, image: GrayImage, deadline: number): ZxingFound {
  const passes =
    image.width * image.height >= BIG_IMAGE_PIXELS ? ZXING_PASSES.slice(1) : ZXING_PASSES;
  const found = zxing(image, (read) => firstFound(read, passes, deadline));
  const longSide = Math.max(image.width, image.height);
  if (found.texts.length > 0 || longSide >= SMALL_LONG_SIDE || performance.now() > deadline)
    return found;
  const factor = Math.min(4, Math.ceil(UPSCALED_LONG_SIDE / longSide));
  const upscaled = resizeGray(image, image.width * factor, image.height * factor);
  const again = zxing(upscaled, (read) => read('harder'));
  return { texts: again.texts, damaged: found.damaged || again.damaged };
}

/** The curved reader is a last resort: when it can't load or run, the answer stays zxing's. */
async function readCurved(reader: Promise<CurvedQrReader>, image: GrayImage): Promise<string[]> {
  try {
    return (await reader)(image);
  } catch {
    return [];
  }
}

function scaleDownTo(image: GrayImage, longSide: number): GrayImage {
  return Math.max(image.width, image.height) > longSide
    ? scaleGrayToLongSide(image, longSide)
    : image;
}

function unique(texts: readonly string[]): string[] {
  return [...new Set(texts)];
}

function checkImage(image: RgbaImage): void {
  const { width, height, data } = image;
  if (
    !Number.isInteger(width) ||
    !Number.isInteger(height) ||
    width <= 0 ||
    height <= 0 ||
    data.length < width * height * 4
  ) {
    throw invalidInput(
      'The image is empty or damaged, so it cannot be searched for QR codes. Try another image.',
    );
  }
}
