import sharp from 'sharp';
import { crc32, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isUserError } from '../../electron/core/errors';
import { decodeImageFile } from '../../electron/core/qr/image-decode.node';
import { createQrImageImporter } from '../../electron/core/importers/qr-image';
import { readQrTextsFromImageFile } from '../../electron/core/qr/qr-file.node';
import { createCanvas, drawQr, type Canvas } from '../fixtures/synthetic-draw';
import { syntheticUri } from '../fixtures/synthetic-qr';

const importer = createQrImageImporter(readQrTextsFromImageFile);
const uri = syntheticUri(1);

function qrCanvas(text = uri, width = 420, height = 360): Canvas {
  const canvas = createCanvas(width, height, [250, 250, 250]);
  drawQr(canvas, text, 40, 30, 6, [0, 0, 0], [255, 255, 255]);
  return canvas;
}

function raw(canvas: Canvas) {
  const { width, height, data } = canvas;
  return sharp(Buffer.from(data.buffer, data.byteOffset, data.length), {
    raw: { width, height, channels: 4 },
  });
}

/** A Windows BMP written by hand (independent of our decoder): 24-bit bottom-up or 1-bit top-down. */
function encodeBmp(canvas: Canvas, bpp: 24 | 1): Uint8Array {
  const { width, height, data } = canvas;
  const stride = Math.floor((bpp * width + 31) / 32) * 4;
  const palette = bpp === 1 ? 8 : 0;
  const offset = 14 + 40 + palette;
  const out = new Uint8Array(offset + stride * height);
  const view = new DataView(out.buffer);
  out.set([0x42, 0x4d]);
  view.setUint32(2, out.length, true);
  view.setUint32(10, offset, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, width, true);
  view.setInt32(22, bpp === 1 ? -height : height, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, bpp, true);
  if (bpp === 1) out.set([0, 0, 0, 0, 255, 255, 255, 0], 54);
  for (let y = 0; y < height; y++) {
    const row = offset + (bpp === 1 ? y : height - 1 - y) * stride;
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 4;
      if (bpp === 24) out.set([data[i + 2]!, data[i + 1]!, data[i]!], row + x * 3);
      else if (data[i]! > 127) out[row + (x >> 3)]! |= 0x80 >> (x & 7);
    }
  }
  return out;
}

describe('reading QR codes from image files', () => {
  it.each([
    ['PNG', () => raw(qrCanvas()).png().toBuffer()],
    ['JPEG', () => raw(qrCanvas()).jpeg({ quality: 70 }).toBuffer()],
    ['WebP', () => raw(qrCanvas()).webp({ quality: 70 }).toBuffer()],
    ['GIF', () => raw(qrCanvas()).gif().toBuffer()],
    ['BMP 24-bit', async () => encodeBmp(qrCanvas(), 24)],
    ['BMP 1-bit', async () => encodeBmp(qrCanvas(), 1)],
  ])('%s: the importer claims it by content and imports the account', async (_format, make) => {
    const source = { fileName: 'code.img', bytes: new Uint8Array(await make()) };
    expect(importer.matches(source)).toBe(true);
    const result = await importer.read(source);
    expect(result.entries).toHaveLength(1);
    expect(result.entries[0]).toMatchObject({ issuer: 'GitHub', account: 'user1@example.com' });
  });

  it('turns a sideways phone photo upright (EXIF orientation) before decoding', async () => {
    const bytes = await raw(qrCanvas()).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const image = await decodeImageFile(bytes, 'photo.jpg');
    expect([image.width, image.height]).toEqual([360, 420]);
    expect(await readQrTextsFromImageFile(bytes, 'photo.jpg')).toEqual([uri]);
  });

  it('scales very large images down inside sharp, keeping the code readable', async () => {
    const big = createCanvas(6000, 4000, [255, 255, 255]);
    drawQr(big, uri, 2000, 1000, 30, [0, 0, 0], [255, 255, 255]);
    const bytes = await raw(big).png({ compressionLevel: 1 }).toBuffer();
    const image = await decodeImageFile(bytes, 'big.png', { maxOutputPixels: 4_000_000 });
    expect(image.width * image.height).toBeLessThanOrEqual(4_000_000);
    expect(await readQrTextsFromImageFile(bytes, 'big.png')).toEqual([uri]);
  });

  it('finds every code in an image holding an account and an unrelated QR code', async () => {
    const canvas = createCanvas(900, 420, [255, 255, 255]);
    drawQr(canvas, uri, 20, 20, 6, [0, 0, 0], [255, 255, 255]);
    drawQr(canvas, 'https://example.com/help?token=abc123', 520, 40, 7, [0, 0, 0], [255, 255, 255]);
    const result = await importer.read({
      fileName: 'both.png',
      bytes: await raw(canvas).png().toBuffer(),
    });
    expect(result.entries).toHaveLength(1);
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]!.message).toContain('a web link (https://example.com/…)');
    expect(result.issues[0]!.message).not.toContain('abc123');
  });

  it('an image without a QR code is a clear error', async () => {
    const bytes = await raw(createCanvas(300, 200, [120, 130, 140]))
      .png()
      .toBuffer();
    await expect(importer.read({ fileName: 'cat.png', bytes })).rejects.toThrow(
      /^No QR code was found in cat\.png\./,
    );
  });

  it.each([
    [
      'text with an image name',
      new TextEncoder().encode('just text'),
      'unsupported-format',
      /is not an image OTP Desk can read \(PNG, JPEG, WebP, GIF, BMP\)/,
    ],
    [
      'a PNG cut short',
      'truncated-png',
      'invalid-input',
      /looks like a PNG image but is damaged or cut short/,
    ],
    ['an RLE-compressed BMP', 'rle-bmp', 'unsupported-format', /compressed BMP/],
    [
      'a BMP with a broken header',
      'bad-bmp',
      'invalid-input',
      /looks like a BMP image but is damaged/,
    ],
  ])('%s: %s error naming the file', async (_name, input, kind, message) => {
    let bytes: Uint8Array;
    if (input === 'truncated-png')
      bytes = (await raw(qrCanvas()).png().toBuffer()).subarray(0, 300);
    else if (input === 'rle-bmp' || input === 'bad-bmp') {
      bytes = encodeBmp(qrCanvas(), 24);
      const view = new DataView(bytes.buffer);
      if (input === 'rle-bmp') view.setUint32(30, 1, true);
      else bytes = bytes.subarray(0, 200);
    } else bytes = input as Uint8Array;
    const error = await readQrTextsFromImageFile(bytes, 'file.x').catch((e: unknown) => e);
    expect(isUserError(error) && error.kind).toBe(kind);
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).toContain('file.x');
  });

  it('refuses more than 100 megapixels by default, from the header alone, and lets 100 through to decoding', async () => {
    await expect(decodeImageFile(pngHeaderOnly(10_001, 10_000), 'big.png')).rejects.toThrow(
      /big\.png is too large to search for QR codes \(100 megapixels\); the limit is 100 megapixels/,
    );
    // Exactly 100 MP passes the size check and reaches the decoder, which finds no pixel data.
    await expect(decodeImageFile(pngHeaderOnly(10_000, 10_000), 'edge.png')).rejects.toThrow(
      /edge\.png looks like a PNG image but is damaged/,
    );
  });

  it('refuses an enormous image before decoding it', async () => {
    const bytes = await raw(qrCanvas()).png().toBuffer();
    await expect(decodeImageFile(bytes, 'huge.png', { maxInputPixels: 100_000 })).rejects.toThrow(
      /huge\.png is too large to search for QR codes \(0\.2 megapixels\); the limit is 0\.1 megapixels/,
    );
  });
});

/** A PNG whose IHDR claims `width`×`height` (8-bit grey) but whose pixel data holds one row. */
function pngHeaderOnly(width: number, height: number): Uint8Array {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const idat = chunk('IDAT', deflateSync(Buffer.alloc(1 + width)));
  return Buffer.concat([signature, chunk('IHDR', ihdr), idat, chunk('IEND', Buffer.alloc(0))]);
}
