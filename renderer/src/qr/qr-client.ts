import type { QrRequest, QrResponse } from './qr-protocol';

/** Longest wait for one image, including the first load of the decoder; then the worker is restarted. */
const IMAGE_TIMEOUT_MS = 20_000;

let worker: Worker | undefined;
let nextId = 1;
let queue: Promise<unknown> = Promise.resolve();

function getWorker(): Worker {
  worker ??= new Worker(new URL('./qr-worker.ts', import.meta.url), {
    type: 'module',
    name: 'qr-decoder',
  });
  return worker;
}

function restartWorker(): void {
  worker?.terminate();
  worker = undefined;
}

function run(image: Blob): Promise<QrResponse> {
  const id = nextId++;
  return new Promise((resolve) => {
    const target = getWorker();
    const finish = (response: QrResponse) => {
      clearTimeout(timer);
      target.removeEventListener('message', onMessage);
      target.removeEventListener('error', onError);
      resolve(response);
    };
    const onMessage = (event: MessageEvent<QrResponse>) => {
      if (event.data.id === id) finish(event.data);
    };
    const onError = () => {
      restartWorker();
      finish({ id, ok: false, failure: 'failed', detail: 'worker error' });
    };
    const timer = setTimeout(() => {
      restartWorker(); // a stuck decode must not hold the next image
      finish({ id, ok: false, failure: 'failed', detail: 'timeout' });
    }, IMAGE_TIMEOUT_MS);
    target.addEventListener('message', onMessage);
    target.addEventListener('error', onError);
    target.postMessage({ id, image } satisfies QrRequest);
  });
}

/**
 * Finds every QR code in an image, in the worker. One image at a time, so several dropped
 * photos never hold several big pixel buffers at once. Never rejects: failures are answers.
 */
export function decodeQrImage(image: Blob): Promise<QrResponse> {
  const result = queue.then(() => run(image));
  queue = result;
  return result;
}

/** Starts the worker and compiles the decoder's .wasm ahead of the first image (the import screen opened). */
export function warmUpQrDecoder(): void {
  getWorker().postMessage({ id: 0 } satisfies QrRequest);
}

/** A sentence for the review when an image gave no account text; undefined when it did. */
export function qrProblem(source: string, response: QrResponse): string | undefined {
  if (response.ok) {
    return response.texts.length > 0
      ? undefined
      : `No QR code was found in ${source}. Make sure the whole code is visible and sharp, or crop closer to it.`;
  }
  if (response.failure === 'too-large') {
    return `${source} is too large to search (${response.detail} pixels). Crop the part with the QR code and try again.`;
  }
  if (response.detail === 'timeout') {
    return `Searching ${source} took too long, so it was stopped. Crop the part with the QR code and try again.`;
  }
  return `${source} could not be read as an image. Save it as PNG or JPEG and try again.`;
}
