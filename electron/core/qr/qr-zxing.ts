import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader';
import type { RgbaImage } from './qr-image-ops';

/**
 * How zxing-cpp turns gray into black and white: its default local-average binariser, a global
 * histogram (better on some low-contrast photos), or local average after denoising (speckled prints).
 */
export type ZxingVariant = 'local' | 'global' | 'denoise';

/** Reads every QR code zxing-cpp finds in an image; one call finds several codes. */
export type ZxingQrReader = (image: RgbaImage, variant?: ZxingVariant) => Promise<string[]>;

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
  return async (image, variant = 'local') => {
    // readBarcodes accepts any {width, height, data} object, not only a DOM ImageData.
    const results = await readBarcodes(image as unknown as ReaderInput, {
      formats: ['QRCode'],
      textMode: 'Plain',
      tryHarder: true,
      tryRotate: true,
      tryInvert: true,
      tryDownscale: true,
      maxNumberOfSymbols: 16,
      binarizer: variant === 'global' ? 'GlobalHistogram' : 'LocalAverage',
      tryDenoise: variant === 'denoise',
    });
    return results
      .filter((result) => result.isValid && result.text.length > 0)
      .map((result) => result.text);
  };
}
