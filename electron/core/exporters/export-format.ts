import type { ImportIssue } from '../format/importer';

/** Every export OTP Desk writes (the CLI's --format names). `pdf` exists only in the app (Electron prints it). */
export const EXPORT_FORMATS = ['uris', 'aegis', 'aegis-plain', 'migration', 'migration-qr', 'csv', 'html', 'kdbx', 'bitwarden', 'age'] as const;

export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** One file an export produced; text formats carry a string, images their bytes. */
export interface ExportFile {
  readonly fileName: string;
  readonly mimeType: string;
  readonly data: string | Uint8Array;
}

/** What an export produced, and the accounts its format could not carry (never their secrets). */
export interface ExportOutput {
  readonly files: readonly ExportFile[];
  readonly skipped: readonly ImportIssue[];
  /** False when the files hold secrets in the clear: the user is warned. */
  readonly encrypted: boolean;
}

/** What each format is, for help texts and the UI's format picker. */
export const EXPORT_FORMAT_LABELS: { readonly [F in ExportFormat]: string } = {
  uris: 'otpauth link list (text)',
  aegis: 'Aegis backup, encrypted (JSON)',
  'aegis-plain': 'Aegis backup, not encrypted (JSON)',
  migration: 'Google Authenticator transfer links (text)',
  'migration-qr': 'Google Authenticator transfer QR codes (PNG)',
  csv: 'Spreadsheet (CSV)',
  html: 'Printable paper backup (HTML)',
  kdbx: 'KeePass database, encrypted (KDBX 4)',
  bitwarden: 'Bitwarden import file, not encrypted (JSON)',
  age: 'Encrypted to people: age file for age and SSH keys (any format inside)',
};

/** True for a known format name (input from the CLI or IPC). */
export function isExportFormat(value: unknown): value is ExportFormat {
  return typeof value === 'string' && (EXPORT_FORMATS as readonly string[]).includes(value);
}

/** `otp-desk-export-20240131-120000` style stamp in UTC, so names sort by time. */
export function exportTimestamp(atMs: number): string {
  const iso = new Date(atMs).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '')}-${iso.slice(11, 19).replace(/:/g, '')}`;
}
