import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import initSqlJs from 'sql.js';
import { describe, expect, it } from 'vitest';
import { googleAuthenticatorDbImporter } from '../../electron/core/importers/google-authenticator-db';
import { microsoftAuthenticatorDbImporter } from '../../electron/core/importers/microsoft-authenticator-db';
import { generateCode } from '../../electron/core/otp/otp';

/** RFC 6238's SHA1 test key "12345678901234567890" in the encodings the apps store. */
const RFC_KEY_BASE32 = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const RFC_KEY_BASE64 = 'MTIzNDU2Nzg5MDEyMzQ1Njc4OTA=';

/** Builds a database file the way the phone app would have left it. */
async function database(statements: readonly string[]): Promise<Uint8Array> {
  const wasm = readFileSync(createRequire(__filename).resolve('sql.js/dist/sql-wasm.wasm'));
  const SQL = await initSqlJs({ wasmBinary: new Uint8Array(wasm).buffer });
  const db = new SQL.Database();
  for (const statement of statements) db.run(statement);
  const bytes = db.export();
  db.close();
  return bytes;
}

describe('Microsoft Authenticator database', () => {
  const schema =
    'CREATE TABLE `accounts` (`_id` INTEGER PRIMARY KEY, `name` TEXT NOT NULL, `username` TEXT NOT NULL, `oath_secret_key` TEXT NOT NULL, `account_type` INTEGER NOT NULL)';

  it('reads personal Microsoft accounts (base64 key, 8 digits) so their codes match RFC 6238', async () => {
    const bytes = await database([
      schema,
      `INSERT INTO accounts VALUES (1, 'Microsoft', 'me@example.com', '${RFC_KEY_BASE64}', 1)`,
      `INSERT INTO accounts VALUES (2, 'GitHub', 'octo', '${RFC_KEY_BASE32}', 0)`,
    ]);
    const source = { fileName: 'PhoneFactor', bytes };
    expect(microsoftAuthenticatorDbImporter.matches(source)).toBe(true);
    expect(googleAuthenticatorDbImporter.matches(source)).toBe(false);
    const { entries, issues } = await microsoftAuthenticatorDbImporter.read(source);
    expect(issues).toEqual([]);
    const [microsoft, github] = entries;
    expect(microsoft).toMatchObject({ issuer: 'Microsoft', account: 'me@example.com', digits: 8 });
    expect(generateCode(microsoft!, 59)).toBe('94287082'); // RFC 6238 Appendix B, SHA1, T=59
    expect(github).toMatchObject({ issuer: 'GitHub', account: 'octo', digits: 6, period: 30 });
    expect(generateCode(github!, 59)).toBe('287082');
  });

  it('reports an account without a one-time code and still imports the others', async () => {
    const bytes = await database([
      schema,
      "INSERT INTO accounts VALUES (1, 'Contoso', 'work@contoso.com', '', 2)",
      `INSERT INTO accounts VALUES (2, 'GitHub', 'octo', '${RFC_KEY_BASE32}', 0)`,
    ]);
    const { entries, issues } = await microsoftAuthenticatorDbImporter.read({
      fileName: 'x',
      bytes,
    });
    expect(entries.map((entry) => entry.issuer)).toEqual(['GitHub']);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.where).toContain('Contoso');
  });
});

describe('Google Authenticator database', () => {
  it('takes the issuer from the label when the issuer column is empty, and reports phone-encrypted secrets', async () => {
    const bytes = await database([
      'CREATE TABLE accounts (_id INTEGER PRIMARY KEY, email TEXT NOT NULL, secret TEXT NOT NULL, counter INTEGER DEFAULT 0, type INTEGER, provider INTEGER DEFAULT 0, issuer TEXT DEFAULT NULL, original_name TEXT DEFAULT NULL, isencrypted INTEGER DEFAULT 0)',
      `INSERT INTO accounts (email, secret, counter, type) VALUES ('Example:alice', '${RFC_KEY_BASE32.toLowerCase()}', 0, 0)`,
      `INSERT INTO accounts (email, secret, counter, type, issuer, isencrypted) VALUES ('bob', 'c2VjcmV0', 0, 0, 'Vault', 1)`,
    ]);
    const source = { fileName: 'databases', bytes };
    expect(googleAuthenticatorDbImporter.matches(source)).toBe(true);
    const { entries, issues } = await googleAuthenticatorDbImporter.read(source);
    expect(entries).toEqual([
      expect.objectContaining({ issuer: 'Example', account: 'alice', secret: RFC_KEY_BASE32 }),
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/Transfer accounts/);
  });

  it('does not claim SQLite files of other apps', async () => {
    const bytes = await database([
      'CREATE TABLE notes (id INTEGER PRIMARY KEY, email TEXT, body TEXT)',
    ]);
    expect(googleAuthenticatorDbImporter.matches({ fileName: 'databases', bytes })).toBe(false);
    expect(microsoftAuthenticatorDbImporter.matches({ fileName: 'databases', bytes })).toBe(false);
  });
});
