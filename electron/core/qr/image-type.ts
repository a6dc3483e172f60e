/** Image formats OTP Desk reads QR codes from. */
export type ImageType = 'png' | 'jpeg' | 'webp' | 'gif' | 'bmp';

/** Names for messages: "PNG, JPEG, WebP, GIF, BMP". */
export const IMAGE_TYPE_NAMES: Readonly<Record<ImageType, string>> = {
  png: 'PNG',
  jpeg: 'JPEG',
  webp: 'WebP',
  gif: 'GIF',
  bmp: 'BMP',
};

function ascii(bytes: Uint8Array, start: number, text: string): boolean {
  if (bytes.length < start + text.length) return false;
  for (let i = 0; i < text.length; i++) if (bytes[start + i] !== text.charCodeAt(i)) return false;
  return true;
}

/** BMP's 'BM' is two common letters, so also require a known DIB header size at offset 14. */
function isBmp(bytes: Uint8Array): boolean {
  if (!ascii(bytes, 0, 'BM') || bytes.length < 18) return false;
  const dibSize = bytes[14]! | (bytes[15]! << 8) | (bytes[16]! << 16) | (bytes[17]! << 24);
  return [12, 40, 52, 56, 64, 108, 124].includes(dibSize);
}

/** The image format by its magic bytes (never by file name), or undefined when it is none of ours. */
export function detectImageType(bytes: Uint8Array): ImageType | undefined {
  if (bytes[0] === 0x89 && ascii(bytes, 1, 'PNG\r\n\u001a\n')) return 'png';
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg';
  if (ascii(bytes, 0, 'RIFF') && ascii(bytes, 8, 'WEBP')) return 'webp';
  if (ascii(bytes, 0, 'GIF87a') || ascii(bytes, 0, 'GIF89a')) return 'gif';
  if (isBmp(bytes)) return 'bmp';
  return undefined;
}
