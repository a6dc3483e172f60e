import { UserError } from '../errors';
import type { RgbaImage } from './qr-image-ops';

/** Why a BMP could not be read; the caller words it with the file name. */
export type BmpProblem = 'damaged' | 'unsupported' | 'too-large';

/** Thrown by decodeBmp; `problem` tells the caller which message to show. */
export class BmpError extends UserError {
  constructor(readonly problem: BmpProblem) {
    super(
      problem === 'unsupported' ? 'unsupported-format' : 'invalid-input',
      `BMP image ${problem}`,
    );
  }
}

const BI_RGB = 0;
const BI_BITFIELDS = 3;
const BI_ALPHABITFIELDS = 6;

/** Bit position and width of a channel mask (e.g. 0x00ff0000 → shift 16, 8 bits). */
function maskInfo(mask: number): { shift: number; max: number } {
  if (mask === 0) return { shift: 0, max: 0 };
  let shift = 0;
  while (((mask >>> shift) & 1) === 0) shift++;
  return { shift, max: mask >>> shift };
}

/**
 * Decodes an uncompressed Windows BMP (1, 4, 8, 16, 24 or 32 bits per pixel; BI_RGB or
 * BI_BITFIELDS), because sharp's prebuilt libvips has no BMP loader. RLE-compressed BMPs are
 * refused as unsupported. `maxPixels` is checked before any pixel memory is allocated.
 */
export function decodeBmp(bytes: Uint8Array, maxPixels: number): RgbaImage {
  if (bytes.length < 26) throw new BmpError('damaged');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const dataOffset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  const core = headerSize === 12;
  if (!core && bytes.length < 14 + 40) throw new BmpError('damaged');
  const width = core ? view.getUint16(18, true) : view.getInt32(18, true);
  const rawHeight = core ? view.getInt16(20, true) : view.getInt32(22, true);
  const bpp = view.getUint16(core ? 24 : 28, true);
  const compression = core ? BI_RGB : view.getUint32(30, true);
  const height = Math.abs(rawHeight);
  const topDown = rawHeight < 0;
  if (width <= 0 || height <= 0) throw new BmpError('damaged');
  if (width * height > maxPixels) throw new BmpError('too-large');
  if (![1, 4, 8, 16, 24, 32].includes(bpp)) throw new BmpError('unsupported');
  const bitfields = compression === BI_BITFIELDS || compression === BI_ALPHABITFIELDS;
  if (compression !== BI_RGB && !bitfields) throw new BmpError('unsupported');

  // Channel masks: explicit after the 40-byte header (or inside V4/V5 headers), else the defaults.
  let masks = bpp === 16 ? [0x7c00, 0x03e0, 0x001f, 0] : [0x00ff0000, 0x0000ff00, 0x000000ff, 0];
  if (bitfields) {
    const at = 14 + 40;
    if (bytes.length < at + 12) throw new BmpError('damaged');
    masks = [
      view.getUint32(at, true),
      view.getUint32(at + 4, true),
      view.getUint32(at + 8, true),
      headerSize >= 56 || compression === BI_ALPHABITFIELDS ? view.getUint32(at + 12, true) : 0,
    ];
  }
  const channels = masks.map(maskInfo);

  const paletteEntries = bpp <= 8 ? (core ? 3 : 4) : 0;
  const paletteStart = 14 + headerSize;
  const colorsUsed = !core && bpp <= 8 ? view.getUint32(46, true) : 0;
  const paletteSize = bpp <= 8 ? colorsUsed || 1 << bpp : 0;
  const stride = Math.floor((bpp * width + 31) / 32) * 4;
  if (
    dataOffset + stride * height > bytes.length ||
    paletteStart + paletteSize * paletteEntries > bytes.length
  ) {
    throw new BmpError('damaged');
  }

  const data = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const src = dataOffset + (topDown ? row : height - 1 - row) * stride;
    for (let x = 0; x < width; x++) {
      const o = (row * width + x) * 4;
      if (bpp <= 8) {
        const bit = x * bpp;
        const index = (bytes[src + (bit >> 3)]! >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1);
        const p = paletteStart + Math.min(index, paletteSize - 1) * paletteEntries;
        data[o] = bytes[p + 2]!;
        data[o + 1] = bytes[p + 1]!;
        data[o + 2] = bytes[p]!;
        data[o + 3] = 255;
      } else if (bpp === 24 || (bpp === 32 && !bitfields)) {
        const p = src + x * (bpp / 8);
        data[o] = bytes[p + 2]!;
        data[o + 1] = bytes[p + 1]!;
        data[o + 2] = bytes[p]!;
        data[o + 3] = 255;
      } else {
        const value =
          bpp === 16 ? view.getUint16(src + x * 2, true) : view.getUint32(src + x * 4, true);
        for (let c = 0; c < 4; c++) {
          const { shift, max } = channels[c]!;
          data[o + c] =
            max === 0 ? (c === 3 ? 255 : 0) : Math.round((((value >>> shift) & max) * 255) / max);
        }
      }
    }
  }
  return { width, height, data };
}
