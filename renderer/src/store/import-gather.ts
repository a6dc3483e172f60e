import type { ImportFile, ImportProblem, ImportText } from '../../../electron/api';
import { detectImageType } from '../../../electron/core/qr/image-type';
import { decodeQrImage, qrProblem } from '../qr/qr-client';
import { INPUT_LIMITS } from '../../../electron/core/limits/input-limits';

/** What the user brought in, sorted for main: files read by content, texts from QR codes, and local problems. */
export interface GatheredImport {
  readonly files: ImportFile[];
  readonly texts: ImportText[];
  readonly problems: ImportProblem[];
}

/** A picture or file the user dropped, pasted, opened or captured. */
export interface ImportItem {
  readonly name: string;
  readonly blob: Blob;
}

/** Same ceiling as main's import sandbox; larger files are refused here without being read. */
const MAX_FILE_BYTES = INPUT_LIMITS.fileBytes;

/** Base64 of a blob without blocking: the browser encodes it natively. */
export function blobToBase64(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('read failed'));
    reader.readAsDataURL(blob);
  });
}

/** A Blob from base64 bytes (screen captures arrive that way). */
export function base64ToBlob(base64: string, type: string): Blob {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type });
}

/**
 * Images go to the QR worker and come back as texts; every other file goes to main, which
 * detects the format by content. An image the worker can't open is handed to main too (its
 * decoders read a few formats Chromium does not).
 */
export async function gatherImport(
  items: readonly ImportItem[],
  log: (line: string) => void = () => {},
): Promise<GatheredImport> {
  const files: ImportFile[] = [];
  const texts: ImportText[] = [];
  const problems: ImportProblem[] = [];
  for (const { name, blob } of items) {
    if (blob.size > MAX_FILE_BYTES) {
      problems.push({
        scope: 'file',
        source: name,
        message: `${name} is larger than ${MAX_FILE_BYTES / (1024 * 1024)} MB, the most OTP Desk reads from one file, so it was not read. Export only your authenticator accounts and import that file.`,
      });
      continue;
    }
    const head = new Uint8Array(await blob.slice(0, 32).arrayBuffer());
    if (detectImageType(head)) {
      const response = await decodeQrImage(blob);
      if (response.ok) {
        log(
          `qr ${name}: ${response.width}×${response.height}, ${response.texts.length} code(s), decode ${response.decodeMs.toFixed(0)} ms, total ${response.totalMs.toFixed(0)} ms`,
        );
        texts.push(...response.texts.map((text) => ({ source: name, text })));
      }
      if (!response.ok && response.failure === 'not-an-image') {
        files.push({ fileName: name, dataBase64: await blobToBase64(blob) });
        continue;
      }
      const problem = qrProblem(name, response);
      if (problem) problems.push({ scope: 'file', source: name, message: problem });
      continue;
    }
    files.push({ fileName: name, dataBase64: await blobToBase64(blob) });
  }
  return { files, texts, problems };
}
