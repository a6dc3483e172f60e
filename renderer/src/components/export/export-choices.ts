import type { ExportRequest } from '../../../../electron/api';

/**
 * The formats offered in the UI, in the order shown; `encrypted` formats need an export
 * password of at least `minPassword` characters.
 */
export const EXPORT_CHOICES: readonly {
  readonly format: ExportRequest['format'];
  readonly label: string;
  readonly encrypted?: boolean;
  readonly minPassword?: number;
}[] = [
  { format: 'aegis', label: 'Encrypted backup (Aegis format, .json)', encrypted: true },
  {
    format: 'kdbx',
    label: 'KeePass database for KeePassXC / KeePassDX (encrypted, .kdbx)',
    encrypted: true,
    minPassword: 8,
  },
  { format: 'bitwarden', label: 'Bitwarden import file (not encrypted, .json)' },
  { format: 'aegis-plain', label: 'Unencrypted backup (Aegis format, .json)' },
  { format: 'migration-qr', label: 'Google Authenticator transfer QR codes (on screen and .png)' },
  { format: 'migration', label: 'Google Authenticator transfer links (.txt)' },
  { format: 'uris', label: 'otpauth links, one per line (.txt)' },
  { format: 'csv', label: 'Spreadsheet (.csv)' },
  { format: 'html', label: 'Printable paper backup with QR codes (.html)' },
  { format: 'pdf', label: 'Printable paper backup with QR codes (.pdf, app only)' },
];

/** Which accounts to export. */
export type ExportScope = 'all' | 'shown' | 'picked';
