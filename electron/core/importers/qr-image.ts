import { UserError } from '../errors';
import { detectImageType } from '../qr/image-type';
import { readAccountTexts, requireSomeEntries } from './account-uris';
import type { Importer } from '../format/importer';

/**
 * Image files (PNG, JPEG, WebP, GIF, BMP) holding QR codes: otpauth links or Google
 * Authenticator transfer codes, several per image allowed. Decoding is injected
 * (`decodeImageToQrTexts`: readQrTextsFromImageFile from qr-file.node.ts in Node, a Web Worker
 * in the renderer) so this file stays free of Node-only code. The decoder may throw UserError
 * for files that are not readable images.
 */
export function createQrImageImporter(
  decodeImageToQrTexts: (bytes: Uint8Array, fileName: string) => Promise<string[]>,
): Importer {
  return {
    id: 'qr-image',
    label: 'QR code image',
    matches: (source) => detectImageType(source.bytes) !== undefined,
    isEncrypted: () => false,
    async read(source) {
      const texts = await decodeImageToQrTexts(source.bytes, source.fileName);
      if (texts.length === 0) {
        throw new UserError(
          'invalid-input',
          `No QR code was found in ${source.fileName}. Use a sharper or larger image, or crop it closer to the QR code.`,
        );
      }
      const items = texts.map((text, index) => ({
        text,
        where:
          texts.length === 1
            ? `The QR code in ${source.fileName}`
            : `QR code ${index + 1} in ${source.fileName}`,
      }));
      const result = readAccountTexts(
        items,
        (description) =>
          `It holds ${description}, not an authenticator account. Use the QR code a service shows when you turn on two-factor authentication.`,
        { junkPrefix: false },
      );
      return { format: 'QR code image', ...requireSomeEntries(result) };
    },
  };
}
