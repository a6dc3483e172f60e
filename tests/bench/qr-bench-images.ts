import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { RgbaImage } from '../../electron/core/qr/qr-image-ops';
import { generateSyntheticSet } from '../fixtures/synthetic-qr';

/** One benchmark image: pixels already decoded, and how to tell a correct read. */
export interface BenchImage {
  readonly name: string;
  readonly image: RgbaImage;
  /** Texts that must all be read for the image to count as decoded. */
  readonly texts: readonly string[];
  /** Structured Append parts (zxing-cpp qrcode-7) hold a piece of the text: any piece counts. */
  readonly partOf?: string;
}

/**
 * The zxing-cpp real-world samples (tests/fixtures/corpus/qr-samples; the bench runs
 * from the repo root, and bundles have no __dirname), or undefined when absent.
 */
export function qrSamplesDir(root = process.cwd()): string | undefined {
  const dir = path.resolve(root, 'tests/fixtures/corpus/qr-samples');
  return existsSync(dir) ? dir : undefined;
}

async function decodePixels(file: string): Promise<RgbaImage> {
  const { data, info } = await sharp(file)
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  return {
    width: info.width,
    height: info.height,
    data: new Uint8ClampedArray(data.buffer, data.byteOffset, data.length),
  };
}

/** Every image in qr-samples with its expected text from the sibling .txt (or NN.txt for NN-MM parts). */
export async function loadQrSamples(dir: string): Promise<BenchImage[]> {
  const images: BenchImage[] = [];
  for (const folder of readdirSync(dir)
    .filter((f) => f.startsWith('qrcode-'))
    .sort()) {
    const folderPath = path.join(dir, folder);
    for (const file of readdirSync(folderPath).sort()) {
      if (!/\.(png|jpe?g|webp)$/i.test(file)) continue;
      const base = file.replace(/\.[^.]+$/, '');
      const own = path.join(folderPath, `${base}.txt`);
      const whole = path.join(folderPath, `${base.replace(/-\d+$/, '')}.txt`);
      const image = await decodePixels(path.join(folderPath, file));
      const name = `${folder}/${file}`;
      if (existsSync(own)) images.push({ name, image, texts: [readFileSync(own, 'utf8')] });
      else if (existsSync(whole))
        images.push({ name, image, texts: [], partOf: readFileSync(whole, 'utf8') });
    }
  }
  return images;
}

/** The synthetic screenshot/photo set generated at run time. */
export function syntheticBenchImages(): BenchImage[] {
  return generateSyntheticSet().map(({ name, image, texts }) => ({ name, image, texts }));
}

/** True when the texts read are a correct decode of the image. */
export function isCorrect(image: BenchImage, texts: readonly string[]): boolean {
  if (image.partOf !== undefined)
    return texts.some((text) => text.length > 0 && image.partOf!.includes(text));
  return image.texts.every((expected) => texts.includes(expected));
}

/**
 * Every OTP QR image in tests/fixtures/corpus outside qr-samples: image files whose folder's
 * expected.json lists the exact URIs they hold (negative files, with no URIs, are left out).
 */
export async function loadCorpusOtpImages(root = process.cwd()): Promise<BenchImage[]> {
  const corpus = path.resolve(root, 'tests/fixtures/corpus');
  if (!existsSync(corpus)) return [];
  const images: BenchImage[] = [];
  for (const folder of readdirSync(corpus).sort()) {
    const expectedPath = path.join(corpus, folder, 'expected.json');
    if (folder === 'qr-samples' || !existsSync(expectedPath)) continue;
    const expected = JSON.parse(readFileSync(expectedPath, 'utf8')) as {
      files?: Record<string, { uris?: unknown; expect_count?: number }>;
    };
    for (const [file, info] of Object.entries(expected.files ?? {})) {
      if (
        !/\.(png|jpe?g|webp|gif|bmp)$/i.test(file) ||
        !Array.isArray(info.uris) ||
        info.uris.length === 0
      )
        continue;
      // Each URI is listed as {uri, batch} (or a plain string).
      const texts = info.uris
        .map((u: unknown) => (typeof u === 'string' ? u : (u as { uri?: unknown } | null)?.uri))
        .filter((u): u is string => typeof u === 'string');
      images.push({
        name: `${folder}/${file}`,
        image: await decodePixels(path.join(corpus, folder, file)),
        texts,
      });
    }
  }
  return images;
}
