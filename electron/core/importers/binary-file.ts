/** File signatures other importers (or no importer) own; a headerless ciphertext never starts with them by design. */
const KNOWN_MAGICS: readonly string[] = [
  'SQLite format 3',
  'PK\u0003\u0004',
  '\u00ac\u00ed\u0000\u0005', // Java serialization (FreeOTP 2)
  'AUTHENTICATORPRO',
  'AuthenticatorPro',
  '\u0089PNG',
  '\u00ff\u00d8\u00ff',
  'GIF8',
  'BM',
  'RIFF',
  '%PDF',
];

function startsWith(bytes: Uint8Array, magic: string): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic.charCodeAt(i)) return false;
  return true;
}

/**
 * True for opaque binary data (control bytes in the first 64 bytes) without a known file signature:
 * the only content clue headerless encrypted backups (andOTP) give.
 */
export function isOpaqueBinary(bytes: Uint8Array): boolean {
  if (KNOWN_MAGICS.some((magic) => startsWith(bytes, magic))) return false;
  return bytes.subarray(0, 64).some((b) => b < 0x09 || (b > 0x0d && b < 0x20));
}
