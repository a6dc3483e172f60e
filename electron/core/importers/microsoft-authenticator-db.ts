import { invalidInput } from '../errors';
import { buildImportEntry, collectEntries, describeEntry, toImportResult } from '../format/entry-builder';
import type { Importer } from '../format/importer';
import { readSqliteTable, sqliteSchemaText, type SqliteRow } from './sqlite.node';

const LABEL = 'Microsoft Authenticator database';

/** Microsoft Authenticator's `accounts` table in databases/PhoneFactor. */
const SCHEMA = /CREATE TABLE [`"]?accounts[`"]?\s*\([\s\S]{0,1000}?\boath_secret_key\b/i;

/** account_type 0: ordinary TOTP with a base32 key. */
const TYPE_TOTP = 0;
/** account_type 1: Microsoft personal account, base64 key and 8-digit codes. */
const TYPE_MICROSOFT = 1;

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function base64Key(value: string | undefined): Uint8Array | undefined {
  const cleaned = value?.replace(/\s/g, '') ?? '';
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(cleaned)) {
    throw invalidInput(
      'The secret key of this Microsoft account is not valid base64, so it was skipped.',
    );
  }
  return new Uint8Array(Buffer.from(cleaned, 'base64'));
}

function convertRow(row: SqliteRow) {
  const type = Number(row.account_type ?? TYPE_TOTP);
  const common = { issuer: text(row.name), account: text(row.username) };
  if (type === TYPE_TOTP) return buildImportEntry({ ...common, secret: text(row.oath_secret_key) });
  if (type === TYPE_MICROSOFT) {
    return buildImportEntry({ ...common, secret: base64Key(text(row.oath_secret_key)), digits: 8 });
  }
  // Work or school accounts that only approve sign-ins by notification have no code to copy.
  throw invalidInput(
    'This account signs in by notification only and has no one-time code, so it was skipped.',
  );
}

/** Microsoft Authenticator's internal SQLite database (Android, databases/PhoneFactor). Codes are SHA1 / 30 s. */
export const microsoftAuthenticatorDbImporter: Importer = {
  id: 'microsoft-authenticator-db',
  label: LABEL,
  matches: (source) => SCHEMA.test(sqliteSchemaText(source.bytes) ?? ''),
  isEncrypted: () => false,
  async read(source) {
    const rows = await readSqliteTable(source.bytes, 'accounts', LABEL);
    const collected = collectEntries(rows, convertRow, (row, index) =>
      describeEntry(index, text(row.name), text(row.username)),
    );
    return toImportResult(LABEL, collected);
  },
};
