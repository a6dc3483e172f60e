import type { Importer } from '../core/format/importer';
import { createQrImageImporter } from '../core/importers/qr-image';
import { FILE_IMPORTERS } from '../core/importers/registry';

/**
 * Every importer as the sandbox runs them: images are decoded in JavaScript (the sandbox may load
 * no native addon, so no sharp), then zxing-wasm and jsQR read the pixels. The image decoders and
 * QR readers load with the first image, not with the child: every import starts a child, and
 * setting them up (jsQR's tables alone ~22 ms) was a tenth of each start for the many imports
 * that are a file of text.
 */
export const SANDBOX_IMPORTERS: readonly Importer[] = [
  ...FILE_IMPORTERS,
  createQrImageImporter(async (bytes, fileName) => {
    const [{ decodeImageFileJs }, { getNodeQrDecoder }] = await Promise.all([
      import('../core/qr/image-decode-js'),
      import('../core/qr/qr-wasm.node'),
    ]);
    const image = await decodeImageFileJs(bytes, fileName);
    return (await getNodeQrDecoder()).decode(image);
  }),
];
