import jsQR from 'jsqr';
import {
  cropGray,
  grayToRgba,
  normalizeContrast,
  resizeGray,
  scaleGrayToLongSide,
  type GrayImage,
  type RgbaImage,
} from './qr-image-ops';

interface Point {
  readonly x: number;
  readonly y: number;
}

/** Long side jsQR reads photos best at: its finder search fails on 12 MP frames but works here. */
const PHOTO_LONG_SIDE = 1024;
/** A middle rung for big photos whose code is too small for the 1024 px view. */
const MIDDLE_LONG_SIDE = 2048;
/** Up to this many pixels jsQR reads the whole full-resolution image (a 4K screenshot takes ~0.6 s). */
const WHOLE_MAX_PIXELS = 3840 * 2400;
const TILE = 1024;
/** Overlap between tiles: a code up to this size lies wholly inside at least one tile. */
const TILE_OVERLAP = 384;
/**
 * jsQR misses codes under ~10 px per module when they are antialiased (a zoomed-out crop), so
 * images shorter than this are also upscaled to about UPSCALED_LONG_SIDE.
 */
const SMALL_LONG_SIDE = 400;
const UPSCALED_LONG_SIDE = 800;
/** Codes looked for in one view before moving on (each found code is masked, then jsQR runs again). */
const MAX_CODES_PER_VIEW = 8;

/**
 * The jsQR side of the pipeline. jsQR returns one code per call, fails on photo-sized frames and
 * on tiny antialiased crops, so it is run over a ladder of views: upscaled (tiny crops), scaled
 * down to 1024 and 2048 px (photos), then full resolution (small codes in screenshots), in
 * overlapping tiles when the image is bigger than 4K. Each view is
 * contrast-stretched; jsQR tries both polarities (dark mode, inverted codes); every code found
 * is painted over and the view read again, so several codes in one image are all found.
 * Stops at the first rung that finds something, or at the deadline.
 */
export function scanWithJsqr(gray: GrayImage, deadline: number): string[] {
  const found = new Set<string>();
  for (const rung of viewLadder(gray)) {
    for (const view of rung()) {
      if (performance.now() > deadline) return [...found];
      readEveryCode(view, found, deadline);
    }
    if (found.size > 0) break;
  }
  return [...found];
}

/** Views from cheapest to most expensive; each rung is built only when reached. */
function viewLadder(gray: GrayImage): Array<() => Iterable<GrayImage>> {
  const longSide = Math.max(gray.width, gray.height);
  const pixels = gray.width * gray.height;
  const ladder: Array<() => Iterable<GrayImage>> = [];
  if (longSide < SMALL_LONG_SIDE) {
    const factor = Math.min(12, Math.ceil(UPSCALED_LONG_SIDE / longSide));
    ladder.push(() => [normalizeContrast(gray)]);
    ladder.push(() => [
      normalizeContrast(resizeGray(gray, gray.width * factor, gray.height * factor)),
    ]);
    return ladder;
  }
  if (longSide > PHOTO_LONG_SIDE * 1.2)
    ladder.push(() => [normalizeContrast(scaleGrayToLongSide(gray, PHOTO_LONG_SIDE))]);
  if (longSide > MIDDLE_LONG_SIDE * 1.2)
    ladder.push(() => [normalizeContrast(scaleGrayToLongSide(gray, MIDDLE_LONG_SIDE))]);
  ladder.push(() => (pixels <= WHOLE_MAX_PIXELS ? [normalizeContrast(gray)] : tiles(gray)));
  return ladder;
}

/** Overlapping full-resolution tiles, normalised one at a time so memory stays at one tile. */
function* tiles(gray: GrayImage): Generator<GrayImage> {
  const step = TILE - TILE_OVERLAP;
  for (let y = 0; y < gray.height; y += step) {
    for (let x = 0; x < gray.width; x += step) {
      const tileX = Math.max(0, Math.min(x, gray.width - TILE));
      const tileY = Math.max(0, Math.min(y, gray.height - TILE));
      yield normalizeContrast(cropGray(gray, { x: tileX, y: tileY, width: TILE, height: TILE }));
      if (x + TILE >= gray.width) break;
    }
    if (y + TILE >= gray.height) break;
  }
}

function readEveryCode(view: GrayImage, found: Set<string>, deadline: number): void {
  const rgba = grayToRgba(view);
  for (let attempt = 0; attempt < MAX_CODES_PER_VIEW; attempt++) {
    if (attempt > 0 && performance.now() > deadline) return;
    const code = jsQR(rgba.data, rgba.width, rgba.height, { inversionAttempts: 'attemptBoth' });
    if (!code) return;
    if (code.data.length > 0) found.add(code.data);
    const { topLeftCorner, topRightCorner, bottomRightCorner, bottomLeftCorner } = code.location;
    maskQuad(rgba, [topLeftCorner, topRightCorner, bottomRightCorner, bottomLeftCorner]);
  }
}

/** Paints a found code (grown by a fifth, to cover its edge) flat white so the next jsQR call looks elsewhere. */
function maskQuad(image: RgbaImage, corners: readonly Point[]): void {
  const cx = corners.reduce((sum, p) => sum + p.x, 0) / corners.length;
  const cy = corners.reduce((sum, p) => sum + p.y, 0) / corners.length;
  const grown = corners.map((p) => ({ x: cx + (p.x - cx) * 1.2, y: cy + (p.y - cy) * 1.2 }));
  const xs = grown.map((p) => p.x);
  const ys = grown.map((p) => p.y);
  const x0 = Math.max(0, Math.floor(Math.min(...xs)));
  const x1 = Math.min(image.width - 1, Math.ceil(Math.max(...xs)));
  const y0 = Math.max(0, Math.floor(Math.min(...ys)));
  const y1 = Math.min(image.height - 1, Math.ceil(Math.max(...ys)));
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      if (!insideConvex(grown, x, y)) continue;
      const i = (y * image.width + x) * 4;
      image.data[i] = image.data[i + 1] = image.data[i + 2] = 255;
    }
  }
}

/** True when (x, y) is on the inner side of every edge (either winding order). */
function insideConvex(polygon: readonly Point[], x: number, y: number): boolean {
  let sign = 0;
  for (let i = 0; i < polygon.length; i++) {
    const a = polygon[i]!;
    const b = polygon[(i + 1) % polygon.length]!;
    const cross = (b.x - a.x) * (y - a.y) - (b.y - a.y) * (x - a.x);
    if (cross === 0) continue;
    if (sign === 0) sign = Math.sign(cross);
    else if (Math.sign(cross) !== sign) return false;
  }
  return true;
}
