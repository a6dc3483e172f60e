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
 * The zxing-cpp real-world samples (../shared/corpus/qr-samples beside the repo; the bench runs
 * from the repo root, and bundles have no __dirname), or undefined when absent.
 */
export function qrSamplesDir(root = process.cwd()): string | undefined {
  const dir = path.resolve(root, '../shared/corpus/qr-samples');
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
