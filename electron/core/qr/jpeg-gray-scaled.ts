import type { GrayImage } from './qr-image-ops';

/** The frame header of a JPEG: size and whether decodeJpegGrayScaled can read it. */
export interface JpegFrame {
  readonly width: number;
  readonly height: number;
  /** Baseline or extended sequential Huffman, 8-bit, luminance first at full resolution, not Adobe RGB/CMYK. */
  readonly scalable: boolean;
}

/** Thrown on a JPEG this decoder can't read; the caller says "damaged" or falls back. */
export class JpegScaledError extends Error {}

interface Component {
  readonly id: number;
  readonly h: number;
  readonly v: number;
  readonly tq: number;
}

interface Huffman {
  readonly maxCode: Int32Array; // by length 1-16; -1 = no code of that length
  readonly valPtr: Int32Array;
  readonly minCode: Int32Array;
  readonly values: Uint8Array;
  /** (length << 8 | value) for every code of LOOKUP_BITS or fewer, indexed by the next LOOKUP_BITS bits; 0 = longer. */
  readonly lookup: Uint16Array;
}

const LOOKUP_BITS = 9;

const ZIGZAG = [
  0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26, 33, 40, 48, 41, 34, 27, 20,
  13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15, 23, 30, 37, 44, 51, 58, 59, 52,
  45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63,
];

/** Reads the JPEG's SOF header without decoding: undefined when there is none before the scan. */
export function readJpegFrame(bytes: Uint8Array): JpegFrame | undefined {
  let adobe = false;
  for (let at = 2; at + 4 <= bytes.length;) {
    if (bytes[at] !== 0xff) return undefined;
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (marker === 0xee) adobe = true;
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 10 > bytes.length) return undefined;
      const height = (bytes[at + 5]! << 8) | bytes[at + 6]!;
      const width = (bytes[at + 7]! << 8) | bytes[at + 8]!;
      const components = parseComponents(bytes, at + 9);
      const first = components[0];
      const maxH = Math.max(...components.map((c) => c.h));
      const maxV = Math.max(...components.map((c) => c.v));
      const scalable =
        (marker === 0xc0 || marker === 0xc1) &&
        bytes[at + 4] === 8 &&
        !adobe &&
        (components.length === 1 || components.length === 3) &&
        first !== undefined &&
        first.h === maxH &&
        first.v === maxV;
      return { width, height, scalable };
    }
    if (marker === 0xda) return undefined;
    at += 2 + length;
  }
  return undefined;
}

function parseComponents(bytes: Uint8Array, at: number): Component[] {
  const count = bytes[at] ?? 0;
  const components: Component[] = [];
  for (let i = 0; i < count; i++) {
    const o = at + 1 + i * 3;
    if (o + 3 > bytes.length) throw new JpegScaledError('frame header cut short');
    const hv = bytes[o + 1]!;
    const h = hv >> 4;
    const v = hv & 15;
    if (h < 1 || h > 4 || v < 1 || v > 4) throw new JpegScaledError('bad sampling');
    components.push({ id: bytes[o]!, h, v, tq: bytes[o + 2]! & 3 });
  }
  return components;
}

function buildHuffman(counts: Uint8Array, values: Uint8Array): Huffman {
  const maxCode = new Int32Array(18).fill(-1);
  const valPtr = new Int32Array(17);
  const minCode = new Int32Array(17);
  let code = 0;
  let k = 0;
  for (let length = 1; length <= 16; length++) {
    const n = counts[length - 1]!;
    valPtr[length] = k;
    minCode[length] = code;
    code += n;
    k += n;
    if (n > 0) maxCode[length] = code - 1;
    code <<= 1;
  }
  const lookup = new Uint16Array(1 << LOOKUP_BITS);
  for (let length = 1; length <= LOOKUP_BITS; length++) {
    for (let i = 0; i < counts[length - 1]!; i++) {
      const value = values[valPtr[length]! + i];
      if (value === undefined) continue;
      const first = (minCode[length]! + i) << (LOOKUP_BITS - length);
      lookup.fill((length << 8) | value, first, first + (1 << (LOOKUP_BITS - length)));
    }
  }
  return { maxCode, valPtr, minCode, values, lookup };
}

/**
 * Decodes only the luminance of a baseline JPEG, `factor` (1, 2, 4 or 8) times smaller on each side,
 * one block at a time: memory is the gray result and the file, never the full-size picture (a
 * 50-megapixel photo at 1/2 is 12.5 MB, where a full RGBA decode needs over a gigabyte in
 * JavaScript). Each output pixel is the mean of its factor × factor source pixels. Colour is skipped:
 * a QR code is read from grey levels. Throws JpegScaledError on anything it can't read.
 */
export function decodeJpegGrayScaled(bytes: Uint8Array, factor: 1 | 2 | 4 | 8): GrayImage {
  const quant: (Int32Array | undefined)[] = [];
  const dcTables: (Huffman | undefined)[] = [];
  const acTables: (Huffman | undefined)[] = [];
  let frame: { width: number; height: number; components: Component[] } | undefined;
  let out: Uint8Array | undefined;
  let restartInterval = 0;
  let at = 2;
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new JpegScaledError('not a JPEG');
  const u16 = (o: number) => {
    if (o + 2 > bytes.length) throw new JpegScaledError('cut short');
    return (bytes[o]! << 8) | bytes[o + 1]!;
  };
  while (at < bytes.length) {
    if (bytes[at] !== 0xff) throw new JpegScaledError('marker expected');
    const marker = bytes[at + 1]!;
    if (marker === 0xff) {
      at++;
      continue;
    }
    if (marker === 0xd9) break;
    const length = u16(at + 2);
    const end = at + 2 + length;
    if (end > bytes.length) throw new JpegScaledError('segment cut short');
    let o = at + 4;
    if (marker === 0xdb) {
      while (o < end) {
        const pq = bytes[o]! >> 4;
        const table = new Int32Array(64);
        for (let i = 0; i < 64; i++)
          table[ZIGZAG[i]!] = pq ? u16(o + 1 + i * 2) : bytes[o + 1 + i]!;
        quant[bytes[o]! & 3] = table;
        o += 1 + (pq ? 128 : 64);
      }
    } else if (marker === 0xc4) {
      while (o < end) {
        const counts = bytes.subarray(o + 1, o + 17);
        const total = counts.reduce((sum, n) => sum + n, 0);
        const table = buildHuffman(counts, bytes.subarray(o + 17, o + 17 + total));
        (bytes[o]! >> 4 ? acTables : dcTables)[bytes[o]! & 3] = table;
        o += 17 + total;
      }
    } else if (marker === 0xdd) {
      restartInterval = u16(o);
    } else if (marker === 0xc0 || marker === 0xc1) {
      const height = u16(o + 1);
      const width = u16(o + 3);
      if (!width || !height) throw new JpegScaledError('no size');
      frame = { width, height, components: parseComponents(bytes, o + 5) };
      out = new Uint8Array(Math.ceil(width / factor) * Math.ceil(height / factor));
    } else if (
      marker >= 0xc2 &&
      marker <= 0xcf &&
      marker !== 0xc4 &&
      marker !== 0xc8 &&
      marker !== 0xcc
    ) {
      throw new JpegScaledError('not baseline');
    } else if (marker === 0xda) {
      if (!frame || !out) throw new JpegScaledError('scan before frame');
      at = decodeScan(bytes, o, end, frame, out, factor, restartInterval, {
        quant,
        dcTables,
        acTables,
      });
      continue;
    }
    at = end;
  }
  if (!frame || !out) throw new JpegScaledError('no image');
  return {
    width: Math.ceil(frame.width / factor),
    height: Math.ceil(frame.height / factor),
    data: out,
  };
}

interface ScanComponent {
  readonly component: Component;
  readonly luma: boolean;
  readonly dc: Huffman;
  readonly ac: Huffman;
  readonly q: Int32Array;
  pred: number;
}

interface Tables {
  readonly quant: readonly (Int32Array | undefined)[];
  readonly dcTables: readonly (Huffman | undefined)[];
  readonly acTables: readonly (Huffman | undefined)[];
}

/** Decodes one scan's entropy-coded data, writing the luminance blocks to `out`; returns where the next marker is. */
function decodeScan(
  bytes: Uint8Array,
  header: number,
  dataStart: number,
  frame: { width: number; height: number; components: Component[] },
  out: Uint8Array,
  factor: number,
  restartInterval: number,
  tables: Tables,
): number {
  const count = bytes[header]!;
  const scan: ScanComponent[] = [];
  for (let i = 0; i < count; i++) {
    const id = bytes[header + 1 + i * 2]!;
    const td = bytes[header + 2 + i * 2]!;
    const index = frame.components.findIndex((c) => c.id === id);
    const component = frame.components[index];
    const dc = tables.dcTables[td >> 4];
    const ac = tables.acTables[td & 15];
    const q = component && tables.quant[component.tq];
    if (!component || !dc || !ac || !q) throw new JpegScaledError('scan refers to a missing table');
    scan.push({ component, luma: index === 0, dc, ac, q, pred: 0 });
  }
  const maxH = Math.max(...frame.components.map((c) => c.h));
  const maxV = Math.max(...frame.components.map((c) => c.v));
  const single = scan.length === 1;
  const mcusX = single
    ? Math.ceil(Math.ceil((frame.width * scan[0]!.component.h) / maxH) / 8)
    : Math.ceil(frame.width / (8 * maxH));
  const mcusY = single
    ? Math.ceil(Math.ceil((frame.height * scan[0]!.component.v) / maxV) / 8)
    : Math.ceil(frame.height / (8 * maxV));
  const outW = Math.ceil(frame.width / factor);
  const outH = Math.ceil(frame.height / factor);

  // Bit reader over the entropy-coded bytes: 0xFF00 is a literal 0xFF; any other marker ends the
  // data (zeros are read past it). Holds up to 24 bits, so 16 can always be peeked.
  let pos = dataStart;
  let bitBuf = 0;
  let bitCount = 0;
  let hitMarker = false;
  const fill = () => {
    while (bitCount <= 16) {
      let byte = 0;
      if (!hitMarker && pos < bytes.length) {
        byte = bytes[pos]!;
        if (byte !== 0xff) pos++;
        else if (bytes[pos + 1] === 0) pos += 2;
        else {
          hitMarker = true;
          byte = 0;
        }
      }
      bitBuf = ((bitBuf << 8) | byte) & 0xffffff;
      bitCount += 8;
    }
  };
  const peek = (n: number) => (bitBuf >>> (bitCount - n)) & ((1 << n) - 1);
  const receive = (n: number): number => {
    if (n > 16) throw new JpegScaledError('value too long');
    fill();
    const value = peek(n);
    bitCount -= n;
    return value;
  };
  const extend = (value: number, n: number) =>
    value < 1 << (n - 1) ? value - (1 << n) + 1 : value;
  const decodeHuffman = (table: Huffman): number => {
    fill();
    const entry = table.lookup[peek(LOOKUP_BITS)]!;
    if (entry) {
      bitCount -= entry >> 8;
      return entry & 0xff;
    }
    for (let length = LOOKUP_BITS + 1; length <= 16; length++) {
      const code = peek(length);
      if (code <= table.maxCode[length]!) {
        const value = table.values[table.valPtr[length]! + code - table.minCode[length]!];
        if (value === undefined) break;
        bitCount -= length;
        return value;
      }
    }
    throw new JpegScaledError('bad Huffman code');
  };

  const coefficients = new Float64Array(64);
  const rows = new Float64Array(64);
  const decodeBlock = (entry: ScanComponent, px: number, py: number) => {
    coefficients.fill(0);
    const t = decodeHuffman(entry.dc);
    entry.pred += t === 0 ? 0 : extend(receive(t), t);
    coefficients[0] = entry.pred * entry.q[0]!;
    let acZero = true;
    for (let k = 1; k < 64;) {
      const rs = decodeHuffman(entry.ac);
      const s = rs & 15;
      const r = rs >> 4;
      if (s === 0) {
        if (r < 15) break;
        k += 16;
        continue;
      }
      k += r;
      if (k > 63) throw new JpegScaledError('coefficient out of range');
      const z = ZIGZAG[k]!;
      coefficients[z] = extend(receive(s), s) * entry.q[z]!;
      acZero = false;
      k++;
    }
    if (entry.luma) writeBlock(coefficients, rows, acZero, out, px, py, factor, outW, outH);
  };

  let mcu = 0;
  const total = mcusX * mcusY;
  while (mcu < total) {
    const my = Math.floor(mcu / mcusX);
    const mx = mcu % mcusX;
    for (const entry of scan) {
      const h = single ? 1 : entry.component.h;
      const v = single ? 1 : entry.component.v;
      for (let by = 0; by < v; by++)
        for (let bx = 0; bx < h; bx++) decodeBlock(entry, (mx * h + bx) * 8, (my * v + by) * 8);
    }
    mcu++;
    if (restartInterval && mcu % restartInterval === 0 && mcu < total) {
      // Byte-align, step over the RSTn marker, reset the DC predictions.
      bitCount = 0;
      bitBuf = 0;
      hitMarker = false;
      while (
        pos + 1 < bytes.length &&
        !(bytes[pos] === 0xff && bytes[pos + 1]! >= 0xd0 && bytes[pos + 1]! <= 0xd7)
      )
        pos++;
      pos += 2;
      for (const entry of scan) entry.pred = 0;
    }
  }
  // Find the next marker after the entropy-coded data.
  while (
    pos + 1 < bytes.length &&
    !(
      bytes[pos] === 0xff &&
      bytes[pos + 1] !== 0 &&
      !(bytes[pos + 1]! >= 0xd0 && bytes[pos + 1]! <= 0xd7)
    )
  )
    pos++;
  return pos;
}

/** BASIS[f][c * 8 + u]: the IDCT basis C(u)/2 · cos((2x+1)uπ/16) averaged over the f pixels x of cell c. */
const BASIS = new Map<number, Float64Array>();
for (const factor of [1, 2, 4]) {
  const cells = 8 / factor;
  const basis = new Float64Array(cells * 8);
  for (let c = 0; c < cells; c++)
    for (let u = 0; u < 8; u++) {
      let sum = 0;
      for (let x = c * factor; x < (c + 1) * factor; x++)
        sum += ((u === 0 ? Math.SQRT1_2 : 1) / 2) * Math.cos(((2 * x + 1) * u * Math.PI) / 16);
      basis[c * 8 + u] = sum / factor;
    }
  BASIS.set(factor, basis);
}

/**
 * One 8×8 block's inverse DCT straight to the mean of each factor × factor cell (the IDCT is linear,
 * so averaging the basis first gives the same means in a quarter of the work at 1/2), into `out`.
 */
function writeBlock(
  coefficients: Float64Array,
  rows: Float64Array,
  acZero: boolean,
  out: Uint8Array,
  px: number,
  py: number,
  factor: number,
  outW: number,
  outH: number,
): void {
  const ox0 = px / factor;
  const oy0 = py / factor;
  if (ox0 >= outW || oy0 >= outH) return;
  const cells = 8 / factor;
  if (factor === 8 || acZero) {
    const value = clamp(coefficients[0]! / 8 + 128);
    for (let cy = 0; cy < cells && oy0 + cy < outH; cy++)
      out.fill(value, (oy0 + cy) * outW + ox0, (oy0 + cy) * outW + Math.min(outW, ox0 + cells));
    return;
  }
  const basis = BASIS.get(factor)!;
  for (let v = 0; v < 8; v++) {
    const row = v * 8;
    for (let cx = 0; cx < cells; cx++) {
      let sum = 0;
      for (let u = 0; u < 8; u++) sum += basis[cx * 8 + u]! * coefficients[row + u]!;
      rows[row + cx] = sum;
    }
  }
  for (let cy = 0; cy < cells && oy0 + cy < outH; cy++) {
    for (let cx = 0; cx < cells && ox0 + cx < outW; cx++) {
      let value = 0;
      for (let v = 0; v < 8; v++) value += basis[cy * 8 + v]! * rows[v * 8 + cx]!;
      out[(oy0 + cy) * outW + ox0 + cx] = clamp(value + 128);
    }
  }
}

const clamp = (value: number) => (value < 0 ? 0 : value > 255 ? 255 : Math.round(value));
