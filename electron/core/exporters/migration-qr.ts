import type { AccountDraft } from '../otp/account';
import type { ImportIssue } from '../format/importer';
import { formatMigrationUris } from '../migration/migration';
import { qrPng } from './qr-render';

/** One transfer QR code: its position in the batch and its PNG bytes (saved, or shown on screen for a phone). */
export interface MigrationQr {
  readonly index: number;
  readonly count: number;
  readonly png: Uint8Array;
}

/**
 * Google Authenticator transfer QR codes, 10 accounts each as Google Authenticator splits
 * them; accounts its format can't carry are in `skipped`.
 */
export async function exportMigrationQrCodes(accounts: readonly AccountDraft[]): Promise<{ codes: MigrationQr[]; skipped: ImportIssue[] }> {
  const { uris, skipped } = formatMigrationUris(accounts);
  const codes = await Promise.all(
    uris.map(async (uri, index) => ({ index, count: uris.length, png: await qrPng(uri) })),
  );
  return { codes, skipped };
}
