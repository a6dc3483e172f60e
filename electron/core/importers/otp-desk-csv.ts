import { CSV_COLUMNS } from '../exporters/csv';
import { csvRecords } from './csv';
import { buildImportEntry, collectEntries, describeEntry, toImportResult } from '../format/entry-builder';
import type { Importer } from '../format/importer';
import { decodeUtf8 } from '../format/json-fields';

const HEADER = CSV_COLUMNS.join(',');

/** Undoes the exporter's guard against spreadsheet formulas ('=…' was written as "'=…"). */
const unguard = (cell: string | undefined) => (cell && /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

/** OTP Desk's own CSV export (header issuer,account,secret,type,…), so a CSV export imports back. */
export const otpDeskCsvImporter: Importer = {
  id: 'otp-desk-csv',
  label: 'OTP Desk CSV export',
  matches: (source) => decodeUtf8(source.bytes.subarray(0, 200)).replace(/^\uFEFF/, '').startsWith(HEADER),
  isEncrypted: () => false,
  async read(source) {
    const { records } = csvRecords(decodeUtf8(source.bytes).replace(/^\uFEFF/, ''));
    const collected = collectEntries(
      records,
      (row) =>
        buildImportEntry({
          secret: row.secret,
          issuer: unguard(row.issuer),
          account: unguard(row.account),
          type: row.type,
          algorithm: row.algorithm,
          digits: row.digits,
          period: row.period,
          counter: row.counter,
        }),
      (row, index) => describeEntry(index, unguard(row.issuer), unguard(row.account)),
    );
    return toImportResult('OTP Desk CSV export', collected);
  },
};
