/** Pixels as canvases, sharp and jsQR hand them over: 4 bytes (R, G, B, A) per pixel, row by row. */
export interface RgbaImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8ClampedArray;
}

/** One luminance byte per pixel: what both decoders binarise, at a quarter of the memory. */
export interface GrayImage {
  readonly width: number;
  readonly height: number;
  readonly data: Uint8Array;
}

/** An axis-aligned rectangle in pixel coordinates. */
export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * Converts RGBA to luminance, area-averaging down by `factor` (an integer ≥ 1) on the way so a huge
 * image is never copied at full size. Transparent pixels count as white (a PNG QR with alpha
 * has dark modules on nothing).
 */
export function toGray(image: RgbaImage, factor = 1): GrayImage {
  const k = Math.max(1, Math.floor(factor));
  if (k === 2 && LITTLE_ENDIAN && image.data.byteOffset % 4 === 0 && image.width >= 2 && image.height >= 2)
    return toGrayHalf(image);
  const width = Math.max(1, Math.floor(image.width / k));
  const height = Math.max(1, Math.floor(image.height / k));
  const out = new Uint8Array(width * height);
  const rowSums = new Uint32Array(width);
  const row = new Uint8Array(image.width);
  const area = k * k;
  for (let oy = 0; oy < height; oy++) {
    if (k === 1) {
      lumaRow(image, oy, out.subarray(oy * width, oy * width + width));
      continue;
    }
    rowSums.fill(0);
    for (let dy = 0; dy < k; dy++) {
      lumaRow(image, oy * k + dy, row);
      if (k === 2) for (let ox = 0; ox < width; ox++) rowSums[ox]! += row[2 * ox]! + row[2 * ox + 1]!;
      else
        for (let ox = 0, x = 0; ox < width; ox++)
          for (let dx = 0; dx < k; dx++, x++) rowSums[ox]! += row[x]!;
    }
    for (let ox = 0; ox < width; ox++) out[oy * width + ox] = (rowSums[ox]! + (area >> 1)) / area;
  }
  return { width, height, data: out };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * toGray(image, 2) for the 4K screenshot path, where it is most of the decode time: each 2×2
 * block is read as four 32-bit words and its channels summed two at a time (red and blue share
 * a word: four sums of 255 fit in 16 bits), so luminance is computed once per output pixel.
 * Blocks with any transparency take the exact per-pixel route.
 */
function toGrayHalf(image: RgbaImage): GrayImage {
  const width = Math.max(1, Math.floor(image.width / 2));
  const height = Math.max(1, Math.floor(image.height / 2));
  const out = new Uint8Array(width * height);
  const words = new Uint32Array(image.data.buffer, image.data.byteOffset, image.width * image.height);
  const stride = image.width;
  for (let oy = 0; oy < height; oy++) {
    let top = 2 * oy * stride;
    let bottom = top + stride;
    const base = oy * width;
    for (let ox = 0; ox < width; ox++, top += 2, bottom += 2) {
      const a = words[top]!;
      const b = words[top + 1]!;
      const c = words[bottom]!;
      const d = words[bottom + 1]!;
      if ((a & b & c & d) >>> 24 !== 255) {
        out[base + ox] = (lumaOf(a) + lumaOf(b) + lumaOf(c) + lumaOf(d) + 2) >> 2;
        continue;
      }
      const rb = (a & 0xff00ff) + (b & 0xff00ff) + (c & 0xff00ff) + (d & 0xff00ff);
      const g = ((a >>> 8) & 255) + ((b >>> 8) & 255) + ((c >>> 8) & 255) + ((d >>> 8) & 255);
      out[base + ox] = (306 * (rb & 0xffff) + 601 * g + 117 * (rb >>> 16) + 2048) >> 12;
    }
  }
  return { width, height, data: out };
}

/** One pixel's luminance from its little-endian RGBA word, transparency counted as white. */
function lumaOf(v: number): number {
  const luma = (306 * (v & 255) + 601 * ((v >>> 8) & 255) + 117 * ((v >>> 16) & 255) + 512) >> 10;
  const a = v >>> 24;
  return a === 255 ? luma : Math.round((luma * a + 255 * (255 - a)) / 255);
}

/**
 * Luminance of the first `out.length` pixels of row `y`. Reads each pixel as one 32-bit word where
 * it can: byte by byte, grey conversion of a 4K screenshot was ~50 ms, most of its decode time.
 */
function lumaRow(image: RgbaImage, y: number, out: Uint8Array): void {
  const start = image.data.byteOffset + y * image.width * 4;
  if (LITTLE_ENDIAN && start % 4 === 0) {
    const words = new Uint32Array(image.data.buffer, start, out.length);
    for (let x = 0; x < out.length; x++) {
      const v = words[x]!;
      const luma = (306 * (v & 255) + 601 * ((v >>> 8) & 255) + 117 * ((v >>> 16) & 255) + 512) >> 10;
      const a = v >>> 24;
      out[x] = a === 255 ? luma : (luma * a + 255 * (255 - a) + 127) / 255;
    }
    return;
  }
  const src = image.data;
  for (let x = 0, i = y * image.width * 4; x < out.length; x++, i += 4) {
    const luma = (306 * src[i]! + 601 * src[i + 1]! + 117 * src[i + 2]! + 512) >> 10;
    const a = src[i + 3]!;
    out[x] = a === 255 ? luma : (luma * a + 255 * (255 - a) + 127) / 255;
  }
}

/** Resamples to the given size: area average when shrinking, bilinear when growing. */
export function resizeGray(image: GrayImage, width: number, height: number): GrayImage {
  const out = new Uint8Array(width * height);
  const sx = image.width / width;
  const sy = image.height / height;
  const src = image.data;
  const w = image.width;
  if (sx >= 1 && sy >= 1) {
    for (let y = 0; y < height; y++) {
      const y0 = Math.floor(y * sy);
      const y1 = Math.max(y0 + 1, Math.floor((y + 1) * sy));
      for (let x = 0; x < width; x++) {
        const x0 = Math.floor(x * sx);
        const x1 = Math.max(x0 + 1, Math.floor((x + 1) * sx));
        let sum = 0;
        for (let yy = y0; yy < y1; yy++) for (let xx = x0; xx < x1; xx++) sum += src[yy * w + xx]!;
        out[y * width + x] = Math.round(sum / ((y1 - y0) * (x1 - x0)));
      }
    }
    return { width, height, data: out };
  }
  for (let y = 0; y < height; y++) {
    const fy = Math.min(image.height - 1, Math.max(0, (y + 0.5) * sy - 0.5));
    const y0 = Math.floor(fy);
    const y1 = Math.min(image.height - 1, y0 + 1);
    const ty = fy - y0;
    for (let x = 0; x < width; x++) {
      const fx = Math.min(w - 1, Math.max(0, (x + 0.5) * sx - 0.5));
      const x0 = Math.floor(fx);
      const x1 = Math.min(w - 1, x0 + 1);
      const tx = fx - x0;
      const top = src[y0 * w + x0]! * (1 - tx) + src[y0 * w + x1]! * tx;
      const bottom = src[y1 * w + x0]! * (1 - tx) + src[y1 * w + x1]! * tx;
      out[y * width + x] = Math.round(top * (1 - ty) + bottom * ty);
    }
  }
  return { width, height, data: out };
}

/** Scales so the longer side is `longSide` pixels, keeping the aspect ratio. */
export function scaleGrayToLongSide(image: GrayImage, longSide: number): GrayImage {
  const scale = longSide / Math.max(image.width, image.height);
  if (Math.abs(scale - 1) < 0.01) return image;
  return resizeGray(
    image,
    Math.max(1, Math.round(image.width * scale)),
    Math.max(1, Math.round(image.height * scale)),
  );
}

/**
 * Stretches the 1st..99th percentile of luminance to 0..255, so a washed-out photo or a
 * grey-on-grey dark theme gives the binariser full contrast.
 */
export function normalizeContrast(image: GrayImage): GrayImage {
  const histogram = new Uint32Array(256);
  for (const v of image.data) histogram[v]!++;
  const total = image.data.length;
  let low = 0;
  let high = 255;
  for (let seen = 0; low < 255 && (seen += histogram[low]!) < total * 0.01; low++);
  for (let seen = 0; high > 0 && (seen += histogram[high]!) < total * 0.01; high--);
  if (high - low < 8 || (low === 0 && high === 255)) return image;
  const lut = new Uint8Array(256);
  for (let v = 0; v < 256; v++)
    lut[v] = Math.max(0, Math.min(255, Math.round(((v - low) * 255) / (high - low))));
  const out = new Uint8Array(total);
  for (let i = 0; i < total; i++) out[i] = lut[image.data[i]!]!;
  return { width: image.width, height: image.height, data: out };
}

/** Copies a rectangle out of an image (clamped to its bounds). */
export function cropGray(image: GrayImage, rect: Rect): GrayImage {
  const x0 = Math.max(0, Math.floor(rect.x));
  const y0 = Math.max(0, Math.floor(rect.y));
  const x1 = Math.min(image.width, Math.ceil(rect.x + rect.width));
  const y1 = Math.min(image.height, Math.ceil(rect.y + rect.height));
  const width = Math.max(1, x1 - x0);
  const height = Math.max(1, y1 - y0);
  const out = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    out.set(
      image.data.subarray((y0 + y) * image.width + x0, (y0 + y) * image.width + x0 + width),
      y * width,
    );
  }
  return { width, height, data: out };
}

/** Expands luminance to opaque RGBA, the layout jsQR and zxing-wasm take. */
export function grayToRgba(image: GrayImage): RgbaImage {
  const out = new Uint8ClampedArray(image.width * image.height * 4);
  for (let i = 0, j = 0; i < image.data.length; i++, j += 4) {
    const v = image.data[i]!;
    out[j] = v;
    out[j + 1] = v;
    out[j + 2] = v;
    out[j + 3] = 255;
  }
  return { width: image.width, height: image.height, data: out };
}
