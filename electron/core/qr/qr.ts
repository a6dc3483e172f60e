import { invalidInput } from '../errors';
import { grayToRgba, resizeGray, toGray, type GrayImage, type RgbaImage } from './qr-image-ops';
import { scanWithJsqr } from './qr-scan';
import { loadZxingQrReader, type ZxingQrReader } from './qr-zxing';

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
  /** The decoders in use, in the order tried: 'zxing' only when its .wasm was supplied. */
  readonly engines: readonly ('zxing' | 'jsqr')[];
}

/** How to build a decoder. */
export interface QrDecoderOptions {
  /** zxing-cpp reader .wasm bytes (zxing-wasm/dist/reader/zxing_reader.wasm). Without them only jsQR runs. */
  readonly zxingWasm?: ArrayBuffer | Uint8Array;
  /** Larger images are area-averaged down to at most this many pixels first. Default 4096². */
  readonly maxPixels?: number;
  /** Set false to skip the jsQR fallback (benchmarks). Default true. */
  readonly jsqrFallback?: boolean;
}

const DEFAULT_DEADLINE_MS = 5000;
const DEFAULT_MAX_PIXELS = 4096 * 4096;
/** Below this long side zxing is given an upscaled copy too: its finder search wants ~3 px per module. */
const SMALL_LONG_SIDE = 400;

/**
 * Builds the QR pipeline (guide §3): zxing-wasm first, because on real photos it reads far more
 * than jsQR and in a tenth of the time; jsQR second, with its scaling/polarity/region strategy,
 * for the odd image zxing misses or when no .wasm is available.
 */
export async function createQrDecoder(options: QrDecoderOptions = {}): Promise<QrDecoder> {
  const zxing = options.zxingWasm ? await loadZxingQrReader(options.zxingWasm) : undefined;
  const useJsqr = options.jsqrFallback ?? true;
  const maxPixels = options.maxPixels ?? DEFAULT_MAX_PIXELS;
  const engines: ('zxing' | 'jsqr')[] = [
    ...(zxing ? (['zxing'] as const) : []),
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
      const gray = factor > 1 ? toGray(image, factor) : undefined;
      const capped = gray ? grayToRgba(gray) : image;
      if (zxing) {
        const texts = await readWithZxing(zxing, capped, gray, deadline);
        if (texts.length > 0) return texts;
      }
      if (!useJsqr || performance.now() > deadline) return [];
      return scanWithJsqr(gray ?? toGray(image), deadline);
    },
  };
}

/**
 * zxing's default pass reads almost everything; the other binarisers and an upscaled copy of
 * small images each rescued real samples it missed (zxing-cpp qrcode-2/28, qrcode-4/09), and
 * they only run when the default pass found nothing.
 */
async function readWithZxing(
  zxing: ZxingQrReader,
  image: RgbaImage,
  gray: GrayImage | undefined,
  deadline: number,
): Promise<string[]> {
  for (const variant of ['local', 'global', 'denoise'] as const) {
    if (variant !== 'local' && performance.now() > deadline) return [];
    const texts = await zxing(image, variant);
    if (texts.length > 0) return unique(texts);
  }
  const longSide = Math.max(image.width, image.height);
  if (longSide >= SMALL_LONG_SIDE || performance.now() > deadline) return [];
  const source = gray ?? toGray(image);
  const factor = Math.min(4, Math.ceil((SMALL_LONG_SIDE * 2) / longSide));
  return unique(
    await zxing(grayToRgba(resizeGray(source, source.width * factor, source.height * factor))),
  );
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
