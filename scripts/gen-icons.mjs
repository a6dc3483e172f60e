#!/usr/bin/env node
// Generates every app icon from build/icon.svg (the one source): PNGs at 16…1024 px for Linux
// and the window, icon.icns for macOS, icon.ico for Windows, and the monochrome tray template
// macOS wants for the menu bar. The results are committed under build/; run this after editing
// the SVG:  node scripts/gen-icons.mjs
// ICO and ICNS are simple containers of PNGs (no extra package needed); see writeIco/writeIcns.
import { Buffer } from 'node:buffer';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const build = join(root, 'build');

/** Sizes electron-builder's Linux targets pick from (build/icons/NxN.png). */
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
/** Windows shows 16…256; 256 is stored as PNG, the rest too (Vista and later read PNG entries). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];
/** ICNS element types holding PNG data, with their pixel size (Apple's "Icon Services" types). */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

const render = (svg, size) =>
  sharp(svg, { density: Math.max(72, (72 * size) / 512) * 1.0 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toBuffer();

/** An ICO file: a directory of entries, each pointing at a whole PNG. */
export function writeIco(pngs) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0);
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(pngs.length, 4);
  const entries = [];
  let offset = 6 + 16 * pngs.length;
  for (const { size, data } of pngs) {
    const entry = Buffer.alloc(16);
    entry.writeUInt8(size >= 256 ? 0 : size, 0); // 0 means 256
    entry.writeUInt8(size >= 256 ? 0 : size, 1);
    entry.writeUInt8(0, 2); // no palette
    entry.writeUInt8(0, 3);
    entry.writeUInt16LE(1, 4); // colour planes
    entry.writeUInt16LE(32, 6); // bits per pixel
    entry.writeUInt32LE(data.length, 8);
    entry.writeUInt32LE(offset, 12);
    offset += data.length;
    entries.push(entry);
  }
  return Buffer.concat([header, ...entries, ...pngs.map((p) => p.data)]);
}

/** An ICNS file: 'icns' + total length, then (type, length, PNG) elements; lengths are big-endian and include the 8-byte headers. */
export function writeIcns(elements) {
  const parts = elements.map(({ type, data }) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(parts);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

/**
 * The macOS menu-bar template: black with alpha only (macOS tints it for light and dark menu
 * bars). The tile becomes a solid shape with the white glyph cut out of it.
 */
async function trayTemplate(svg, size) {
  // The "123 456" caption is a smudge at 16 px; the menu-bar glyph is the tile and the padlock.
  const glyph = Buffer.from(svg.toString('utf8').replace(/<text[\s\S]*?<\/text>/g, ''));
  const { data, info } = await sharp(glyph, { density: (72 * size * 4) / 512 })
    .resize(size, size)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const out = Buffer.alloc(info.width * info.height * 4);
  for (let i = 0; i < info.width * info.height; i++) {
    const [r, g, b, a] = [data[i * 4], data[i * 4 + 1], data[i * 4 + 2], data[i * 4 + 3]];
    // The glyph is white, the tile blue (its lightest channel stays under 45%): the tile turns
    // solid, the glyph clear, and anti-aliased edges in between.
    const whiteness = Math.min(r, g, b) / 255;
    out[i * 4 + 3] = Math.round(a * Math.min(1, Math.max(0, (1 - whiteness) / 0.55)));
  }
  return sharp(out, { raw: { width: info.width, height: info.height, channels: 4 } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

export async function generateIcons() {
  const svg = await readFile(join(build, 'icon.svg'));
  await mkdir(join(build, 'icons'), { recursive: true });
  const pngs = new Map();
  for (const size of PNG_SIZES) {
    const data = await render(svg, size);
    pngs.set(size, data);
    await writeFile(join(build, 'icons', `${size}x${size}.png`), data);
  }
  await writeFile(join(build, 'icon.png'), pngs.get(512));
  await writeFile(
    join(build, 'icon.ico'),
    writeIco(ICO_SIZES.map((size) => ({ size, data: pngs.get(size) }))),
  );
  await writeFile(
    join(build, 'icon.icns'),
    writeIcns(ICNS_TYPES.map(([type, size]) => ({ type, data: pngs.get(size) }))),
  );
  await writeFile(join(build, 'trayTemplate.png'), await trayTemplate(svg, 16));
  await writeFile(join(build, 'trayTemplate@2x.png'), await trayTemplate(svg, 32));
  console.log(
    `otp-desk: icons written to build/ (${PNG_SIZES.join(', ')} px, icon.icns, icon.ico, trayTemplate)`,
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  generateIcons().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
