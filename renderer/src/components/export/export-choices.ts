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
  /** Encrypted to people's public keys (age): a recipients box instead of a password. */
  readonly toPeople?: boolean;
}[] = [
  { format: 'aegis', label: 'Encrypted backup (Aegis format, .json)', encrypted: true },
  {
    format: 'kdbx',
    label: 'KeePass database for KeePassXC / KeePassDX (encrypted, .kdbx)',
    encrypted: true,
    minPassword: 8,
  },
  { format: 'age', label: 'Encrypted to people (age, for their age or SSH keys, .age)', toPeople: true },
  { format: 'bitwarden', label: 'Bitwarden import file (not encrypted, .json)' },
  { format: 'aegis-plain', label: 'Unencrypted backup (Aegis format, .json)' },
  { format: 'migration-qr', label: 'Google Authenticator transfer QR codes (on screen and .png)' },
  { format: 'migration', label: 'Google Authenticator transfer links (.txt)' },
  { format: 'uris', label: 'otpauth links, one per line (.txt)' },
  { format: 'csv', label: 'Spreadsheet (.csv)' },
  { format: 'html', label: 'Printable paper backup with QR codes (.html)' },
  { format: 'pdf', label: 'Printable paper backup with QR codes (.pdf, app only)' },
];

/** What an age export can carry inside, in the order shown (formats needing a second password stay in the CLI). */
export const AGE_INNER_CHOICES: readonly { readonly format: NonNullable<ExportRequest['inner']>; readonly label: string }[] = [
  { format: 'uris', label: 'otpauth links (any authenticator, age -d | otp-desk import)' },
  { format: 'aegis-plain', label: 'Aegis backup (.json)' },
  { format: 'bitwarden', label: 'Bitwarden import file (.json)' },
  { format: 'csv', label: 'Spreadsheet (.csv)' },
  { format: 'html', label: 'Printable paper backup (.html)' },
];

/** Which accounts to export. */
export type ExportScope = 'all' | 'shown' | 'picked';
