import type { Importer } from '../core/format/importer';
import { decodeImageFileJs } from '../core/qr/image-decode-js';
import { createQrImageImporter } from '../core/importers/qr-image';
import { FILE_IMPORTERS } from '../core/importers/registry';
import { getNodeQrDecoder } from '../core/qr/qr-wasm.node';

/**
 * Every importer as the sandbox runs them: images are decoded in JavaScript (the sandbox may load
 * no native addon, so no sharp), then zxing-wasm and jsQR read the pixels.
 */
export const SANDBOX_IMPORTERS: readonly Importer[] = [
  ...FILE_IMPORTERS,
  createQrImageImporter(async (bytes, fileName) => {
    const image = await decodeImageFileJs(bytes, fileName);
    return (await getNodeQrDecoder()).decode(image);
  }),
];
