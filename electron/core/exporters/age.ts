import { encryptAge } from '../age/age-file';
import type { ParsedAgeRecipient } from '../age/age-recipients';
import { UserError } from '../errors';
import type { ExportFile, ExportFormat } from './export-format';

/** Formats that can go inside an age file: one file each (not the QR images), and not age itself. */
export const AGE_INNER_FORMATS = ['uris', 'aegis', 'aegis-plain', 'migration', 'csv', 'html', 'kdbx', 'bitwarden'] as const satisfies readonly ExportFormat[];

export type AgeInnerFormat = (typeof AGE_INNER_FORMATS)[number];

/** True for a format an age export can carry (input from the CLI or IPC). */
export function isAgeInnerFormat(value: unknown): value is AgeInnerFormat {
  return typeof value === 'string' && (AGE_INNER_FORMATS as readonly string[]).includes(value);
}

/**
 * Seals one export file to age recipients (each can decrypt alone, with `age -d -i KEY` or OTP
 * Desk). The name keeps the inner file's and adds `.age`, so what is inside stays visible.
 */
export async function exportAge(inner: ExportFile, recipients: readonly ParsedAgeRecipient[] | undefined, armored: boolean): Promise<ExportFile> {
  if (!recipients || recipients.length === 0) {
    throw new UserError('invalid-input', 'An age export needs at least one recipient: an age public key (age1…) or an SSH public key (ssh-ed25519 …). In the CLI: --recipient KEY or --recipients-file FILE.');
  }
  const data = await encryptAge(inner.data, recipients, armored);
  return { fileName: `${inner.fileName}.age`, mimeType: armored ? 'text/plain;charset=utf-8' : 'application/octet-stream', data };
}
