import { MIN_PASSWORD_LENGTH } from '../password/password-length';
import type { BackupAccount } from '../backup/backup';
import { UserError } from '../errors';
import type { ParsedAgeRecipient } from '../age/age-recipients';
import { exportAegis } from './aegis';
import { exportAge, type AgeInnerFormat } from './age';
import { exportBitwardenJson } from './bitwarden';
import { exportCsv } from './csv';
import { exportTimestamp, type ExportFile, type ExportFormat, type ExportOutput } from './export-format';
import { exportHtmlSheet } from './html-sheet';
import { exportKdbx } from './kdbx';
import { exportMigrationLinks } from './migration';
import { exportMigrationQrCodes } from './migration-qr';
import { exportUriList } from './uri-list';

/** Options of one export; `password` encrypts the `aegis` and `kdbx` formats (required there, ignored elsewhere). */
export interface ExportOptions {
  readonly password?: string;
  /** `bitwarden` only: write an organisation export into this collection instead of an individual vault. */
  readonly collection?: string;
  /** `age` only: who can decrypt (each alone), the format inside (otpauth links by default), PEM-style text. */
  readonly recipients?: readonly ParsedAgeRecipient[];
  readonly inner?: AgeInnerFormat;
  readonly armor?: boolean;
  /** Milliseconds since the epoch, for file names and the sheet's date. */
  readonly now: number;
}

const TEXT = 'text/plain;charset=utf-8';

/** Runs one exporter over already selected accounts and names the files `otp-desk-<stamp>.<ext>`. */
export async function buildExport(format: ExportFormat, accounts: readonly BackupAccount[], options: ExportOptions): Promise<ExportOutput> {
  const base = `otp-desk-${exportTimestamp(options.now)}`;
  const one = (fileName: string, mimeType: string, data: string, encrypted = false): ExportOutput => ({
    files: [{ fileName, mimeType, data }],
    skipped: [],
    encrypted,
  });
  switch (format) {
    case 'uris':
      return one(`${base}-links.txt`, TEXT, exportUriList(accounts));
    case 'csv':
      return one(`${base}.csv`, 'text/csv;charset=utf-8', exportCsv(accounts));
    case 'aegis-plain':
      return one(`${base}-aegis-plain.json`, 'application/json', await exportAegis(accounts, null));
    case 'aegis': {
      if (!options.password) throw new UserError('password-required', 'An encrypted Aegis export needs a password. Give one (in the CLI: --password-file FILE).');
      if (options.password.length < MIN_PASSWORD_LENGTH) throw new UserError('invalid-input', `Choose an export password of at least ${MIN_PASSWORD_LENGTH} characters; you will need it to import the file.`);
      return one(`${base}-aegis.json`, 'application/json', await exportAegis(accounts, options.password), true);
    }
    case 'kdbx': {
      if (!options.password) throw new UserError('password-required', 'A KeePass database needs a password. Give one (in the CLI: --password-file FILE).');
      const data = await exportKdbx(accounts, options.password, new Date(options.now));
      return { files: [{ fileName: `${base}.kdbx`, mimeType: 'application/x-keepass2', data }], skipped: [], encrypted: true };
    }
    case 'bitwarden':
      return one(`${base}-bitwarden.json`, 'application/json', exportBitwardenJson(accounts, options.collection));
    case 'html':
      return one(`${base}-paper.html`, 'text/html;charset=utf-8', await exportHtmlSheet(accounts, new Date(options.now)));
    case 'migration': {
      const { text, skipped } = exportMigrationLinks(accounts);
      return { ...one(`${base}-google-transfer.txt`, TEXT, text), skipped };
    }
    case 'migration-qr': {
      const { codes, skipped } = await exportMigrationQrCodes(accounts);
      const files: ExportFile[] = codes.map((c) => ({ fileName: `${base}-google-transfer-${c.index + 1}-of-${c.count}.png`, mimeType: 'image/png', data: c.png }));
      return { files, skipped, encrypted: false };
    }
    case 'age': {
      const inner = await buildExport(options.inner ?? 'uris', accounts, options);
      if (inner.files.length === 0) return inner;
      return { files: [await exportAge(inner.files[0]!, options.recipients, options.armor === true)], skipped: inner.skipped, encrypted: true };
    }
  }
}
