/** Pixel dimensions as stored in an image file's header. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

const u16be = (b: Uint8Array, i: number) => (b[i]! << 8) | b[i + 1]!;
const u16le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8);
const u24le = (b: Uint8Array, i: number) => b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16);
const u32be = (b: Uint8Array, i: number) =>
  ((b[i]! << 24) >>> 0) + ((b[i + 1]! << 16) | (b[i + 2]! << 8) | b[i + 3]!);
const i32le = (b: Uint8Array, i: number) =>
  b[i]! | (b[i + 1]! << 8) | (b[i + 2]! << 16) | (b[i + 3]! << 24);
const tag = (b: Uint8Array, i: number, text: string) =>
  [...text].every((c, k) => b[i + k] === c.charCodeAt(0));

/**
 * Reads width and height from the first bytes of a PNG, JPEG, GIF, WebP or BMP file without
 * decoding it, so a 50-megapixel photo can be decoded straight to a smaller size (and a
 * decompression bomb refused) before any pixel buffer exists. Undefined when unknown.
 */
export function readImageSize(b: Uint8Array): ImageSize | undefined {
  if (b.length < 30) return undefined;
  if (b[0] === 0x89 && tag(b, 1, 'PNG') && tag(b, 12, 'IHDR'))
    return { width: u32be(b, 16), height: u32be(b, 20) };
  if (tag(b, 0, 'GIF8')) return { width: u16le(b, 6), height: u16le(b, 8) };
  if (tag(b, 0, 'BM')) {
    if (u16le(b, 14) === 12) return { width: u16le(b, 18), height: u16le(b, 20) };
    return { width: Math.abs(i32le(b, 18)), height: Math.abs(i32le(b, 22)) };
  }
  if (tag(b, 0, 'RIFF') && tag(b, 8, 'WEBP')) return webpSize(b);
  if (b[0] === 0xff && b[1] === 0xd8) return jpegSize(b);
  return undefined;
}

function webpSize(b: Uint8Array): ImageSize | undefined {
  if (tag(b, 12, 'VP8 ')) return { width: u16le(b, 26) & 0x3fff, height: u16le(b, 28) & 0x3fff };
  if (tag(b, 12, 'VP8L')) {
    const bits = b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24);
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 };
  }
  if (tag(b, 12, 'VP8X')) return { width: u24le(b, 24) + 1, height: u24le(b, 27) + 1 };
  return undefined;
}

/** Walks JPEG segments to the first start-of-frame marker (EXIF and other segments are skipped). */
function jpegSize(b: Uint8Array): ImageSize | undefined {
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return undefined;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    const isFrame =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isFrame) return { width: u16be(b, i + 7), height: u16be(b, i + 5) };
    i += 2 + u16be(b, i + 2);
  }
  return undefined;
}
