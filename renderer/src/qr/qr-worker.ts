/// <reference lib="webworker" />
/**
 * The renderer's QR worker: image bytes in, QR texts out, off the UI thread. Huge images are
 * decoded straight to a bounded size (never to a full 50-megapixel buffer), and the shared
 * pipeline (electron/core/qr/qr.ts: zxing-wasm, then jsQR) gets a deadline per image.
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import { createQrDecoder, type QrDecoder } from '../../../electron/core/qr/qr';
import { readImageSize, type ImageSize } from './image-size';
import type { QrRequest, QrResponse } from './qr-protocol';

/** Pixels handed to the decoder at most: a 4K screenshot (8.3 MP) passes untouched. */
const MAX_DECODE_PIXELS = 12_000_000;
/** Beyond this an image is refused rather than decoded (a decompression bomb or a scan of a poster). */
const MAX_SOURCE_PIXELS = 300_000_000;
const DECODE_DEADLINE_MS = 4_000;

const scope = self as unknown as DedicatedWorkerGlobalScope;
let decoder: Promise<QrDecoder> | undefined;

/** The reader .wasm comes from the app's own files; file:// pages (Electron) may lack fetch, so XHR backs it up. */
async function loadWasm(): Promise<ArrayBuffer> {
  try {
    const response = await fetch(wasmUrl);
    if (response.ok) return await response.arrayBuffer();
  } catch {
    // fall through to XHR
  }
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('GET', wasmUrl);
    xhr.responseType = 'arraybuffer';
    xhr.onload = () =>
      xhr.response instanceof ArrayBuffer && xhr.response.byteLength > 0
        ? resolve(xhr.response)
        : reject(new Error('empty wasm'));
    xhr.onerror = () => reject(new Error('wasm not loaded'));
    xhr.send();
  });
}

function getDecoder(): Promise<QrDecoder> {
  // Without the .wasm the pipeline still works on jsQR alone, just reading fewer photos.
  decoder ??= loadWasm().then(
    (zxingWasm) => createQrDecoder({ zxingWasm }),
    () => createQrDecoder(),
  );
  return decoder;
}

/** The size to decode at: the source size, or scaled down to MAX_DECODE_PIXELS keeping its shape. */
function targetSize(size: ImageSize): ImageSize {
  const pixels = size.width * size.height;
  if (pixels <= MAX_DECODE_PIXELS) return size;
  const scale = Math.sqrt(MAX_DECODE_PIXELS / pixels);
  return {
    width: Math.max(1, Math.floor(size.width * scale)),
    height: Math.max(1, Math.floor(size.height * scale)),
  };
}

async function bitmapOf(image: Blob, header: ImageSize | undefined): Promise<ImageBitmap> {
  // 'none' keeps the header's width/height valid (EXIF rotation does not matter to a QR reader).
  if (!header) return createImageBitmap(image, { imageOrientation: 'none' });
  const target = targetSize(header);
  if (target === header) return createImageBitmap(image, { imageOrientation: 'none' });
  return createImageBitmap(image, {
    imageOrientation: 'none',
    resizeWidth: target.width,
    resizeHeight: target.height,
    resizeQuality: 'medium',
  });
}

async function handle({ id, image }: Required<QrRequest>): Promise<QrResponse> {
  const started = performance.now();
  const header = readImageSize(new Uint8Array(await image.slice(0, 256 * 1024).arrayBuffer()));
  const sourcePixels = header ? header.width * header.height : 0;
  if (sourcePixels > MAX_SOURCE_PIXELS)
    return { id, ok: false, failure: 'too-large', detail: `${header!.width}×${header!.height}` };
  const ready = getDecoder();
  let bitmap: ImageBitmap;
  try {
    bitmap = await bitmapOf(image, header);
  } catch {
    return { id, ok: false, failure: 'not-an-image', detail: image.type };
  }
  const { width, height } = bitmap;
  if (width * height > MAX_DECODE_PIXELS * 1.01) {
    // No readable header (unusual format): refuse rather than hold an unbounded buffer.
    bitmap.close();
    return { id, ok: false, failure: 'too-large', detail: `${width}×${height}` };
  }
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const pixels = context.getImageData(0, 0, width, height);
  const decodeStarted = performance.now();
  const texts = await (
    await ready
  ).decode({ width, height, data: pixels.data }, { deadlineMs: DECODE_DEADLINE_MS });
  const done = performance.now();
  return {
    id,
    ok: true,
    texts,
    width,
    height,
    sourcePixels: sourcePixels || width * height,
    decodeMs: done - decodeStarted,
    totalMs: done - started,
  };
}

scope.onmessage = (event: MessageEvent<QrRequest>) => {
  if (!event.data.image) return void getDecoder();
  void handle(event.data as Required<QrRequest>).then(
    (response) => scope.postMessage(response),
    () =>
      scope.postMessage({
        id: event.data.id,
        ok: false,
        failure: 'failed',
        detail: '',
      } satisfies QrResponse),
  );
};
