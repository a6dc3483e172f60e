import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { RgbaImage } from './qr-image-ops';

/**
 * One zxing-cpp pass, cheapest first: `fast` (default binariser, no extra effort: reads most
 * screenshots and clean photos in a few ms), `harder` (tryHarder and inverted: dark mode, small
 * codes in 4K screenshots), then tryHarder with the other binarisers: a global histogram (some
 * low-contrast photos) and local average after denoising (speckled prints). No pass rotates:
 * zxing's QR detector finds codes at any angle, and rotating read no extra image (bench).
 */
export type ZxingPass = 'fast' | 'harder' | 'global' | 'denoise';

/** Reads every QR code zxing-cpp finds in an image; one call finds several codes. */
export type ZxingQrReader = (image: RgbaImage, pass?: ZxingPass) => Promise<string[]>;

type ReaderInput = Parameters<typeof readBarcodes>[0];

/**
 * Instantiates zxing-wasm from the reader .wasm bytes the caller ships. Passing `wasmBinary`
 * matters: by default zxing-wasm downloads its .wasm from a CDN, which a desktop app must never do.
 */
export async function loadZxingQrReader(wasm: ArrayBuffer | Uint8Array): Promise<ZxingQrReader> {
  const wasmBinary = wasm instanceof Uint8Array ? wasm.slice().buffer : wasm;
  await prepareZXingModule({
    overrides: {
      wasmBinary,
      // Belt and braces: if the bytes were ever ignored, fail instead of fetching from the network.
      locateFile: (path: string) => `about:blank#no-network-${path}`,
    },
    fireImmediately: true,
  });
  return async (image, pass = 'harder') => {
    const fast = pass === 'fast';
    // readBarcodes accepts any {width, height, data} object, not only a DOM ImageData.
    const results = await readBarcodes(image as unknown as ReaderInput, {
      formats: ['QRCode'],
      textMode: 'Plain',
      tryHarder: !fast,
      tryRotate: false,
      tryInvert: pass === 'harder',
      tryDownscale: true,
      maxNumberOfSymbols: 16,
      binarizer: pass === 'global' ? 'GlobalHistogram' : 'LocalAverage',
      tryDenoise: pass === 'denoise',
    });
    return results
      .filter((result) => result.isValid && result.text.length > 0)
      .map((result) => result.text);
  };
}
