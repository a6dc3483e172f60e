import { readFile } from 'node:fs/promises';
import { resolvePackageFile } from '../package-file.node';
import type { RgbaImage } from './qr-image-ops';

/** libwebp's decoder built to wasm (@jsquash/webp), read from our own node_modules, never fetched. */
let ready: Promise<(bytes: ArrayBuffer) => Promise<RgbaImage>> | undefined;

function loadWebpDecoder(): Promise<(bytes: ArrayBuffer) => Promise<RgbaImage>> {
  ready ??= (async () => {
    const { default: decode, init } = await import('@jsquash/webp/decode.js');
    const wasm = await readFile(resolvePackageFile('@jsquash/webp/codec/dec/webp_dec.wasm'));
    // Instantiated from the module we compile; left alone, emscripten would try to fetch the file.
    // (init takes a WebAssembly.Module first; its .d.ts declares only the options form.)
    await (init as unknown as (module: WebAssembly.Module) => Promise<void>)(
      await WebAssembly.compile(wasm),
    );
    return decode as (bytes: ArrayBuffer) => Promise<RgbaImage>;
  })();
  ready.catch(() => (ready = undefined)); // a failed load is not cached
  return ready;
}

/** Decodes a WebP file to RGBA in wasm (where the sandbox can't load sharp); throws on damaged data. */
export async function decodeWebpWasm(bytes: Uint8Array): Promise<RgbaImage> {
  const decode = await loadWebpDecoder();
  const { width, height, data } = await decode(bytes.slice().buffer);
  return { width, height, data };
}

/**
 * A WebP's width and height from its header (VP8X extended, VP8L lossless or VP8 lossy), so a
 * huge one is refused before libwebp allocates its pixels; undefined when the header is unreadable.
 */
export function webpSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const at = (i: number) => bytes[i] ?? 0;
  const chunk = String.fromCharCode(at(12), at(13), at(14), at(15));
  if (chunk === 'VP8X' && bytes.length >= 30)
    return {
      width: 1 + (at(24) | (at(25) << 8) | (at(26) << 16)),
      height: 1 + (at(27) | (at(28) << 8) | (at(29) << 16)),
    };
  if (chunk === 'VP8L' && bytes.length >= 25 && at(20) === 0x2f) {
    const bits = at(21) | (at(22) << 8) | (at(23) << 16) | (at(24) << 24);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >>> 14) & 0x3fff) };
  }
  if (chunk === 'VP8 ' && bytes.length >= 30)
    return { width: (at(26) | (at(27) << 8)) & 0x3fff, height: (at(28) | (at(29) << 8)) & 0x3fff };
  return undefined;
}
