import { readFileSync } from 'node:fs';
import { resolvePackageFile } from '../package-file.node';
import { createQrDecoder, type QrDecoder } from './qr';
import { loadCurvedQrReader } from './qr-curved.node';

/** Package path of zxing-wasm's reader build (QR and other symbologies, no writer). */
const READER_WASM = 'zxing-wasm/reader/zxing_reader.wasm';

/**
 * Reads zxing-wasm's reader .wasm from node_modules (node_modules/zxing-wasm/dist/reader/zxing_reader.wasm)
 * for the CLI, the main process and tests. Packaged apps must ship this file (asarUnpack or extraResources).
 */
export function loadZxingReaderWasm(): Uint8Array {
  return new Uint8Array(readFileSync(resolvePackageFile(READER_WASM)));
}

let nodeDecoder: Promise<QrDecoder> | undefined;

/**
 * One shared decoder for Node callers (zxing-wasm, OpenCV's curved reader when zxing finds a code
 * it can't read); zxing-wasm's module is a process singleton anyway.
 */
export function getNodeQrDecoder(): Promise<QrDecoder> {
  nodeDecoder ??= createQrDecoder({ zxingWasm: loadZxingReaderWasm(), curved: loadCurvedQrReader });
  return nodeDecoder;
}
