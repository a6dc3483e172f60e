import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { decodeImageFileJs } from '../../electron/core/qr/image-decode-js';
import { decodeJpegGrayScaled, readJpegFrame } from '../../electron/core/qr/jpeg-gray-scaled';

/** A noisy picture (blurred, like a photo) with a few hard edges, as raw RGB. */
async function photoRgb(width: number, height: number): Promise<Buffer> {
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#808080',
      noise: { type: 'gaussian', mean: 128, sigma: 50 },
    },
  })
    .blur(1.5)
    .png()
    .toBuffer();
  return sharp(noise).removeAlpha().raw().toBuffer();
}

/** The mean of each factor × factor cell of a full-size decode by libjpeg (sharp), luminance as JPEG's Y. */
async function referenceGray(jpeg: Buffer, factor: number) {
  const { data, info } = await sharp(jpeg).raw().toBuffer({ resolveWithObject: true });
  const w = Math.ceil(info.width / factor);
  const h = Math.ceil(info.height / factor);
  const out = new Float64Array(w * h);
  const counts = new Float64Array(w * h);
  for (let y = 0; y < info.height; y++)
    for (let x = 0; x < info.width; x++) {
      const i = (y * info.width + x) * info.channels;
      const luma =
        info.channels === 1
          ? data[i]!
          : 0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!;
      const o = Math.floor(y / factor) * w + Math.floor(x / factor);
      out[o]! += luma;
      counts[o]! += 1;
    }
  return { width: w, height: h, data: out.map((sum, i) => sum / counts[i]!) };
}

function meanDifference(a: Uint8Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += Math.abs(a[i]! - b[i]!);
  return sum / a.length;
}

describe("decodeJpegGrayScaled: a JPEG's luminance at 1/2, 1/4 and 1/8 without the full picture", () => {
  it.each([
    ['4:2:0 colour', 2, { chromaSubsampling: '4:2:0' }],
    ['4:4:4 colour', 4, { chromaSubsampling: '4:4:4' }],
    ['4:2:0 colour', 8, { chromaSubsampling: '4:2:0' }],
  ] as const)(
    "%s at 1/%i matches libjpeg's full decode averaged",
    async (_what, factor, options) => {
      // 1003 × 517: neither side a multiple of an MCU, so the partial edge blocks are covered.
      const jpeg = await sharp(await photoRgb(1003, 517), {
        raw: { width: 1003, height: 517, channels: 3 },
      })
        .jpeg({ quality: 90, ...options })
        .toBuffer();
      const gray = decodeJpegGrayScaled(jpeg, factor);
      const reference = await referenceGray(jpeg, factor);
      expect([gray.width, gray.height]).toEqual([reference.width, reference.height]);
      expect(meanDifference(gray.data, reference.data)).toBeLessThan(1.5);
    },
  );

  it('a grayscale JPEG at 1/2 matches to within rounding', async () => {
    const jpeg = await sharp(await photoRgb(640, 480), {
      raw: { width: 640, height: 480, channels: 3 },
    })
      .toColourspace('b-w')
      .jpeg({ quality: 90 })
      .toBuffer();
    expect(readJpegFrame(jpeg)).toEqual({ width: 640, height: 480, scalable: true });
    const gray = decodeJpegGrayScaled(jpeg, 2);
    expect(meanDifference(gray.data, (await referenceGray(jpeg, 2)).data)).toBeLessThan(0.6);
  });

  it('a progressive JPEG is not scalable here (it is left to jpeg-js)', async () => {
    const jpeg = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } })
      .jpeg({ progressive: true })
      .toBuffer();
    expect(readJpegFrame(jpeg)).toEqual({ width: 64, height: 64, scalable: false });
    expect(() => decodeJpegGrayScaled(jpeg, 2)).toThrow();
  });

  it('a JPEG whose header claims more than 100 megapixels is refused before any pixel is decoded', async () => {
    const jpeg = Buffer.from(
      await sharp({ create: { width: 64, height: 64, channels: 3, background: '#888' } })
        .jpeg()
        .toBuffer(),
    );
    const sof = jpeg.indexOf(Buffer.from([0xff, 0xc0]));
    jpeg.writeUInt16BE(20_000, sof + 5); // height
    jpeg.writeUInt16BE(20_000, sof + 7); // width: 400 megapixels
    await expect(decodeImageFileJs(jpeg, 'huge.jpg')).rejects.toThrow(
      'huge.jpg is too large to search for QR codes (400 megapixels); the limit is 100 megapixels.',
    );
  });
});
