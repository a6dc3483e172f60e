import { bitwardenTotpEntry } from './bitwarden-totp';
import { csvRecords } from './csv';
import { collectEntries, describeEntry, toImportResult } from '../format/entry-builder';
import type { Importer } from '../format/importer';
import { decodeUtf8 } from '../format/json-fields';

function firstLine(bytes: Uint8Array): string {
  return decodeUtf8(bytes.subarray(0, 1024)).split(/\r?\n/, 1)[0] ?? '';
}

/** Bitwarden's CSV vault export: the login_totp column; rows without one are passwords, not accounts. */
export const bitwardenCsvImporter: Importer = {
  id: 'bitwarden-csv',
  label: 'Bitwarden CSV export',
  matches: (source) => {
    const header = firstLine(source.bytes)
      .split(',')
      .map((h) => h.trim());
    return header.includes('login_totp') && header.includes('name');
  },
  isEncrypted: () => false,
  async read(source) {
    const rows = csvRecords(decodeUtf8(source.bytes)).records.filter((row) =>
      row.login_totp?.trim(),
    );
    const collected = collectEntries(
      rows,
      (row) =>
        bitwardenTotpEntry({
          name: row.name,
          username: row.login_username,
          totp: row.login_totp ?? '',
        }),
      (row, index) => describeEntry(index, row.name, row.login_username),
    );
    return toImportResult('Bitwarden CSV export', collected);
  },
};
