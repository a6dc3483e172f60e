import {
  BINARIZERS,
  CHARACTER_SETS,
  EAN_ADD_ON_SYMBOLS,
  TEXT_MODES,
  defaultReaderOptions,
  encodeFormats,
  prepareZXingModule,
  type ZXingReaderModule,
  type ZXingReaderOptions,
} from 'zxing-wasm/reader';
import type { GrayImage } from './qr-image-ops';

/**
 * One zxing-cpp pass, cheapest first: `fast` (default binariser, no extra effort: reads most
 * screenshots and clean photos in a few ms), `harder` (tryHarder and inverted: dark mode, small
 * codes in 4K screenshots), then tryHarder with the other binarisers: a global histogram (some
 * low-contrast photos), local average after denoising (speckled prints) and the global histogram
 * after denoising (a code printed over a photo: zxing-cpp qrcode-2/12 and 13). No pass rotates:
 * zxing's QR detector finds codes at any angle, and rotating read no extra image (bench).
 */
export type ZxingPass = 'fast' | 'harder' | 'global' | 'denoise' | 'global-denoise';

/** What one pass found. */
export interface ZxingFound {
  /** The text of every code read. */
  readonly texts: string[];
  /** zxing located a QR code but could not read it (its error correction could not mend it). */
  readonly damaged: boolean;
}

/** Reads one luminance image, already in zxing's memory, with one pass. */
export type ZxingRead = (pass: ZxingPass) => ZxingFound;

/**
 * Reads every QR code zxing-cpp finds in a luminance image: the pixels are copied into the wasm
 * heap once, `use` runs as many passes as it likes, then they are freed.
 */
export type ZxingQrReader = <T>(image: GrayImage, use: (read: ZxingRead) => T) => T;

/** The options zxing-cpp's embind binding takes for a pass (enums as indices, formats as text). */
function passOptions(pass: ZxingPass): ZXingReaderOptions {
  const fast = pass === 'fast';
  return {
    ...defaultReaderOptions,
    formats: encodeFormats(['QRCode']),
    textMode: TEXT_MODES.indexOf('Plain'),
    tryHarder: !fast,
    tryRotate: false,
    tryInvert: pass === 'harder',
    tryDownscale: true,
    maxNumberOfSymbols: 16,
    binarizer: BINARIZERS.indexOf(pass.startsWith('global') ? 'GlobalHistogram' : 'LocalAverage'),
    tryDenoise: pass.endsWith('denoise'),
    eanAddOnSymbol: EAN_ADD_ON_SYMBOLS.indexOf(defaultReaderOptions.eanAddOnSymbol),
    characterSet: CHARACTER_SETS.indexOf(defaultReaderOptions.characterSet),
    // Codes found but not read come back too (invalid): the pipeline's cue for its curved reader.
    returnErrors: true,
  };
}

/**
 * Instantiates zxing-wasm from the reader .wasm bytes the caller ships. Passing `wasmBinary`
 * matters: by default zxing-wasm downloads its .wasm from a CDN, which a desktop app must never do.
 *
 * Pixels go to zxing-cpp's grey `readBarcodesFromPixmap` directly, not through `readBarcodes`:
 * given RGBA, that wrapper converts to grey in a JS loop and copies the result into the heap on
 * every call, so four passes over a 4K screenshot converted and copied 8 MP four times (most of
 * the 4K decode time). The pipeline converts once (alpha-aware) and each image is copied once.
 */
export async function loadZxingQrReader(wasm: ArrayBuffer | Uint8Array): Promise<ZxingQrReader> {
  const wasmBinary = wasm instanceof Uint8Array ? wasm.slice().buffer : wasm;
  const zxing: ZXingReaderModule = await prepareZXingModule({
    overrides: {
      wasmBinary,
      // Belt and braces: if the bytes were ever ignored, fail instead of fetching from the network.
      locateFile: (path: string) => `about:blank#no-network-${path}`,
    },
    fireImmediately: true,
  });
  const options = new Map<ZxingPass, ZXingReaderOptions>();
  return (image, use) => {
    const bytes = image.width * image.height;
    const pointer = zxing._malloc(bytes);
    if (!pointer) throw new Error(`zxing-wasm could not allocate ${bytes} bytes`);
    try {
      zxing.HEAPU8.set(image.data.subarray(0, bytes), pointer);
      return use((pass) => {
        if (!options.has(pass)) options.set(pass, passOptions(pass));
        const results = zxing.readBarcodesFromPixmap(
          pointer,
          image.width,
          image.height,
          options.get(pass)!,
        );
        const texts: string[] = [];
        let damaged = false;
        for (let i = 0; i < results.size(); i++) {
          const result = results.get(i);
          if (result?.isValid && result.text.length > 0) texts.push(result.text);
          else if (result && !result.isValid) damaged = true;
        }
        // embind vectors live in the wasm heap until deleted (zxing-wasm's own wrapper leaks them).
        (results as { delete?: () => void }).delete?.();
        return { texts, damaged };
      });
    } finally {
      zxing._free(pointer);
    }
  };
}
