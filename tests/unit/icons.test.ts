import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { ICNS_TYPES, ICO_SIZES, PNG_SIZES } from '../../scripts/gen-icons.mjs';

// The icons scripts/gen-icons.mjs made from build/icon.svg, committed under build/: every size a
// launcher, dock, taskbar or installer asks for, in containers each OS can read.
const build = join(__dirname, '../../build');
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const pngSize = async (data: Buffer) => {
  const { width, height } = await sharp(data).metadata();
  return [width, height];
};

describe('app icons', () => {
  it.each(PNG_SIZES)('has a %i px PNG', async (size) => {
    expect(await pngSize(readFileSync(join(build, 'icons', `${size}x${size}.png`)))).toEqual([
      size,
      size,
    ]);
  });

  it('has a Windows .ico holding every size up to 256 px as PNG entries', async () => {
    const ico = readFileSync(join(build, 'icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1);
    const count = ico.readUInt16LE(4);
    const sizes: number[] = [];
    for (let i = 0; i < count; i++) {
      const entry = 6 + 16 * i;
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      const data = ico.subarray(offset, offset + length);
      expect(data.subarray(0, 8)).toEqual(PNG_MAGIC);
      const [width] = await pngSize(data);
      expect(ico.readUInt8(entry) || 256).toBe(width);
      sizes.push(width!);
    }
    expect(sizes).toEqual(ICO_SIZES);
  });

  it('has a macOS .icns whose elements add up and hold PNGs of the declared sizes', async () => {
    const icns = readFileSync(join(build, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const found: [string, number][] = [];
    for (let at = 8; at < icns.length;) {
      const type = icns.toString('ascii', at, at + 4);
      const length = icns.readUInt32BE(at + 4);
      const data = icns.subarray(at + 8, at + length);
      expect(data.subarray(0, 8)).toEqual(PNG_MAGIC);
      found.push([type, (await pngSize(data))[0]!]);
      at += length;
    }
    expect(found).toEqual(ICNS_TYPES);
  });

  it('has a monochrome menu-bar template for macOS at 1x and 2x', async () => {
    for (const [file, size] of [
      ['trayTemplate.png', 16],
      ['trayTemplate@2x.png', 32],
    ] as const) {
      const { data, info } = await sharp(readFileSync(join(build, file)))
        .raw()
        .toBuffer({ resolveWithObject: true });
      expect([info.width, info.height, info.channels]).toEqual([size, size, 4]);
      const alphas = new Set<number>();
      for (let i = 0; i < data.length; i += 4) {
        expect([data[i], data[i + 1], data[i + 2]]).toEqual([0, 0, 0]);
        alphas.add(data[i + 3]!);
      }
      // A shape, not a blank or solid square.
      expect(alphas.has(0)).toBe(true);
      expect(alphas.has(255)).toBe(true);
    }
  });
});
