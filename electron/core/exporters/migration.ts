import type { AccountDraft } from '../otp/account';
import { formatMigrationUris, type MigrationExport } from '../migration/migration';

/**
 * Google Authenticator transfer links, batched 10 accounts per link as Google Authenticator
 * does; Steam, 7-digit and non-30-second accounts are reported in `skipped`.
 */
export function exportMigrationLinks(accounts: readonly AccountDraft[]): MigrationExport & { text: string } {
  const result = formatMigrationUris(accounts);
  const header = `# Google Authenticator transfer: ${result.uris.length} link(s); import every one. They hold secret keys.`;
  return { ...result, text: [header, ...result.uris, ''].join('\n') };
}
