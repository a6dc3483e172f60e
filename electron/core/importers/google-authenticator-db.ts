import { invalidInput } from '../errors';
import { buildImportEntry, collectEntries, describeEntry, toImportResult } from '../format/entry-builder';
import type { Importer } from '../format/importer';
import { readSqliteTable, sqliteSchemaText, type SqliteRow } from './sqlite.node';

const LABEL = 'Google Authenticator database';

/** Google Authenticator's `accounts` table (app versions up to 5.00): email, secret, counter, type, issuer. */
const SCHEMA =
  /CREATE TABLE [`"]?accounts[`"]?\s*\([\s\S]{0,400}?\bemail\b[\s\S]{0,400}?\bsecret\b/i;

/** The app's type column: 0 = TOTP, 1 = HOTP. */
const TYPES: Readonly<Record<number, string>> = { 0: 'totp', 1: 'hotp' };

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * `email` holds the label, "Issuer:account" or just "account". The issuer column wins; the prefix
 * is a fallback for rows written before the app had that column.
 */
function splitEmail(row: SqliteRow): { issuer: string; account: string } {
  const email = text(row.email);
  const colon = email.indexOf(':');
  const prefix = colon >= 0 ? email.slice(0, colon).trim() : '';
  return {
    issuer: text(row.issuer).trim() || prefix,
    account: (colon >= 0 ? email.slice(colon + 1) : email).trim(),
  };
}

function convertRow(row: SqliteRow) {
  // Later app versions encrypt secrets with a key kept in Android's keystore; they can't be read off the device.
  if (typeof row.isencrypted === 'number' && row.isencrypted > 0) {
    throw invalidInput(
      'This secret is encrypted by the phone; export it with "Transfer accounts" instead.',
    );
  }
  const type = TYPES[Number(row.type ?? 0)];
  if (!type) throw invalidInput('The entry has an unknown code type, so it was skipped.');
  // Only secret, type and counter are stored: algorithm, digits and period are always SHA1 / 6 / 30.
  return buildImportEntry({
    type,
    secret: typeof row.secret === 'string' ? row.secret : undefined,
    counter: typeof row.counter === 'number' ? row.counter : undefined,
    ...splitEmail(row),
  });
}

/** Google Authenticator's internal SQLite database (databases/databases, Android app up to 5.00). */
export const googleAuthenticatorDbImporter: Importer = {
  id: 'google-authenticator-db',
  label: LABEL,
  matches: (source) => SCHEMA.test(sqliteSchemaText(source.bytes) ?? ''),
  isEncrypted: () => false,
  async read(source) {
    const rows = await readSqliteTable(source.bytes, 'accounts', LABEL);
    const collected = collectEntries(rows, convertRow, (row, index) => {
      const { issuer, account } = splitEmail(row);
      return describeEntry(index, issuer, account);
    });
    return toImportResult(LABEL, collected);
  },
};
