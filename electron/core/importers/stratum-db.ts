import { collectEntries, describeEntry, toImportResult } from '../format/entry-builder';
import type { Importer } from '../format/importer';
import { readSqliteTable, sqliteSchemaText } from './sqlite.node';
import { stratumRecordToDraft } from './stratum-entry';

const LABEL = 'Stratum database';

/** Stratum's databases/authenticator.db3 keeps accounts in an `authenticator` table. */
const SCHEMA =
  /CREATE TABLE (IF NOT EXISTS )?[`"]?authenticator[`"]?\s*\([\s\S]{0,400}?\bsecret\b[\s\S]{0,400}?\bperiod\b/i;

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** Stratum's (Authenticator Pro's) internal SQLite database; same fields and codes as its JSON backup. */
export const stratumDbImporter: Importer = {
  id: 'stratum-db',
  label: LABEL,
  matches: (source) => SCHEMA.test(sqliteSchemaText(source.bytes) ?? ''),
  isEncrypted: () => false,
  async read(source) {
    const rows = await readSqliteTable(source.bytes, 'authenticator', LABEL);
    const collected = collectEntries(
      rows,
      (row) =>
        stratumRecordToDraft({
          type: row.type,
          issuer: row.issuer,
          username: row.username,
          secret: row.secret,
          algorithm: row.algorithm,
          digits: row.digits,
          period: row.period,
          counter: row.counter,
        }),
      (row, index) => describeEntry(index, text(row.issuer), text(row.username)),
    );
    return toImportResult(LABEL, collected);
  },
};
