import { requirePackageFile } from '../package-file.node';
import type { CurvedQrReader } from './qr';
import type { GrayImage } from './qr-image-ops';

/**
 * OpenCV.js as scripts/opencv-no-eval.mjs leaves it: the same build with its Emscripten glue
 * using closures instead of `new Function`, so it loads under the import sandbox's
 * --disallow-code-generation-from-strings (the original is refused there).
 */
export const OPENCV_NO_EVAL = '@techstark/opencv-js/dist/opencv.no-eval.js';

/** The few OpenCV.js calls used here (its own typings describe all of OpenCV). */
interface Mat {
  readonly data: Uint8Array;
  delete(): void;
}
interface OpenCv {
  readonly CV_8UC1: number;
  Mat: new (rows?: number, cols?: number, type?: number) => Mat;
  QRCodeDetector: new () => {
    detectAndDecodeCurved(image: Mat, points: Mat, straight: Mat): string;
    delete(): void;
  };
  onRuntimeInitialized?: () => void;
}

let openCv: Promise<{ cv: OpenCv }> | undefined;

/**
 * OpenCV.js ready to call, once the .wasm embedded in it has compiled. Wrapped, never resolved
 * with directly: the module object has a `then` that hands back the module itself, so a promise
 * resolved with it would adopt it again and again, forever.
 */
function loadOpenCv(): Promise<{ cv: OpenCv }> {
  // One wait per process: the module is one object (require's cache), and a second caller setting
  // onRuntimeInitialized before the first one's fired would leave the first waiting forever.
  openCv ??= (async () => {
    const cv = requirePackageFile(OPENCV_NO_EVAL) as OpenCv;
    if (typeof cv.Mat !== 'function')
      await new Promise<void>((resolve) => (cv.onRuntimeInitialized = resolve));
    return { cv };
  })();
  return openCv;
}

/**
 * OpenCV's curved-surface QR decoder (QRCodeDetector.detectAndDecodeCurved): it fits the code's
 * bent outline and samples along it, so it reads codes printed on cloth or a bottle that zxing-cpp
 * finds but whose warp is past what error correction mends (zxing-cpp qrcode-4/06 and 08, a
 * wrinkled T-shirt). ~85 MB of memory and ~0.4 s to load, so the pipeline loads it only for an
 * image where zxing saw a QR code it could not read.
 */
export async function loadCurvedQrReader(): Promise<CurvedQrReader> {
  const { cv } = await loadOpenCv();
  return (image: GrayImage) => {
    const mat = new cv.Mat(image.height, image.width, cv.CV_8UC1);
    const points = new cv.Mat();
    const straight = new cv.Mat();
    const detector = new cv.QRCodeDetector();
    try {
      mat.data.set(image.data.subarray(0, image.width * image.height));
      const text = detector.detectAndDecodeCurved(mat, points, straight);
      return text ? [text] : [];
    } finally {
      for (const held of [mat, points, straight, detector]) held.delete();
    }
  };
}
