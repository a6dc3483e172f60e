import type { ExportedFile } from '../../../../electron/api';
import { call, remote } from '../../api';

/** The file's bytes from base64. */
export function bytesOf(file: ExportedFile): Uint8Array<ArrayBuffer> {
  const binary = atob(file.dataBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * Saves exported files one after another: in the app main asks where and writes each owner-only
 * (a browser download would get the umask's 0644); where main can't (the browser harness), the
 * browser downloads them. Throws ApiFailure when main could not write one.
 */
export async function saveFiles(files: readonly ExportedFile[]): Promise<void> {
  for (const file of files) {
    if ((await call(remote.exports.save(file))) === 'unavailable') download(file);
  }
}

/** Hands a file to the browser's download. */
function download(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([bytesOf(file)], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.click();
  // Revoke later: the download reads the blob asynchronously.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A data: URL for showing an exported image on screen. */
export const dataUrlOf = (file: ExportedFile) => `data:${file.mimeType};base64,${file.dataBase64}`;
