import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import QRCode from 'qrcode';
import sharp from 'sharp';

/** A file to hand to the page, as bytes. */
export interface TestFile {
  readonly name: string;
  readonly type: string;
  readonly bytes: Buffer;
}

/** The corpus of real exports from other apps, vendored in tests/fixtures/corpus (see its README.md). */
export const CORPUS = resolve(process.cwd(), 'tests/fixtures/corpus');
export const hasCorpus = existsSync(CORPUS);

/** A corpus file, e.g. corpusFile('google-migration/example_export.png', 'image/png'). */
export function corpusFile(path: string, type: string): TestFile {
  return { name: path.split('/').pop()!, type, bytes: readFileSync(join(CORPUS, path)) };
}

/** A plain QR code PNG holding `text`, as services show it. */
export async function qrPng(name: string, text: string, width = 240): Promise<TestFile> {
  return { name, type: 'image/png', bytes: await QRCode.toBuffer(text, { width, margin: 2 }) };
}

/**
 * A screenshot-like PNG: a desktop with a window, a toolbar, some text bars, and one small QR
 * code off-centre (as on a service's 2FA setup page), optionally in dark mode.
 */
export async function screenshotPng(
  name: string,
  text: string,
  size: { width: number; height: number },
  dark = false,
): Promise<TestFile> {
  const qr = await QRCode.toBuffer(text, {
    width: 180,
    margin: 2,
    color: dark ? { dark: '#e8eaeeff', light: '#1e2128ff' } : undefined,
  });
  const bar = (w: number, h: number, color: string) =>
    sharp({ create: { width: w, height: h, channels: 4, background: color } })
      .png()
      .toBuffer();
  const [windowBody, toolbar, line] = await Promise.all([
    bar(Math.round(size.width * 0.6), Math.round(size.height * 0.7), dark ? '#1e2128' : '#ffffff'),
    bar(Math.round(size.width * 0.6), 48, dark ? '#30343d' : '#dde1e7'),
    bar(420, 14, dark ? '#5d6470' : '#a0a7b4'),
  ]);
  const left = Math.round(size.width * 0.25);
  const top = Math.round(size.height * 0.15);
  const bytes = await sharp({
    create: { ...size, channels: 4, background: dark ? '#0d1117' : '#3a6ea5' },
  })
    .composite([
      { input: windowBody, left, top },
      { input: toolbar, left, top },
      ...[0, 1, 2, 3].map((i) => ({ input: line, left: left + 40, top: top + 90 + i * 30 })),
      { input: qr, left: left + 60, top: top + 240 },
    ])
    .png({ compressionLevel: 6 })
    .toBuffer();
  return { name, type: 'image/png', bytes };
}

/** A camera-like JPEG with no QR code in it (soft noise over a gradient). */
export async function photoWithoutQr(name: string, width = 1600, height = 1200): Promise<TestFile> {
  const noise = await sharp({
    create: {
      width,
      height,
      channels: 3,
      background: '#787878',
      noise: { type: 'gaussian', mean: 120, sigma: 40 },
    },
  })
    .blur(3)
    .png()
    .toBuffer();
  return { name, type: 'image/jpeg', bytes: await sharp(noise).jpeg({ quality: 80 }).toBuffer() };
}

/** The window listens for drops and pastes once the vault is open and the app has drawn its toolbar. */
async function appReady(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'OTP Desk', level: 1 }).waitFor();
}

/** Drops files on the window the way a file manager does: dragenter, dragover, drop with a DataTransfer. */
export async function dropFiles(page: Page, files: readonly TestFile[]): Promise<void> {
  await appReady(page);
  const payload = files.map((f) => ({
    name: f.name,
    type: f.type,
    base64: f.bytes.toString('base64'),
  }));
  await page.evaluate(async (items) => {
    const transfer = new DataTransfer();
    for (const item of items) {
      const bytes = Uint8Array.from(atob(item.base64), (c) => c.charCodeAt(0));
      transfer.items.add(new File([bytes], item.name, { type: item.type }));
    }
    const target = document.querySelector('main') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(
        new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }),
      );
    }
  }, payload);
}

/** Pastes (Ctrl/Cmd+V) text or an image file with the focus on the page, outside any text field. */
export async function paste(
  page: Page,
  content: { text?: string; file?: TestFile },
): Promise<void> {
  await appReady(page);
  const file = content.file
    ? {
        name: content.file.name,
        type: content.file.type,
        base64: content.file.bytes.toString('base64'),
      }
    : undefined;
  await page.evaluate(
    ({ text, file }) => {
      const data = new DataTransfer();
      if (text !== undefined) data.setData('text/plain', text);
      if (file)
        data.items.add(
          new File([Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0))], file.name, {
            type: file.type,
          }),
        );
      (document.activeElement ?? document.body).dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      );
    },
    { text: content.text, file },
  );
}
