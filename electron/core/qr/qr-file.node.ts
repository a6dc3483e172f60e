import { decodeImageFile, type ImageDecodeOptions } from './image-decode.node';
import type { QrDecodeOptions } from './qr';
import { getNodeQrDecoder } from './qr-wasm.node';

/**
 * Every QR text in an image file, for Node callers (CLI, main process): sharp decodes the file,
 * zxing-wasm then jsQR read the pixels. Pass it to createQrImageImporter.
 * Throws UserError for files that are not readable images.
 */
export async function readQrTextsFromImageFile(
  bytes: Uint8Array,
  fileName: string,
  options: ImageDecodeOptions & QrDecodeOptions = {},
): Promise<string[]> {
  const image = await decodeImageFile(bytes, fileName, options);
  const decoder = await getNodeQrDecoder();
  return decoder.decode(image, options);
}
