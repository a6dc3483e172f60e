import { readFileSync } from 'node:fs';
import initSqlJs from 'sql.js';
import { resolvePackageFile } from '../../electron/core/package-file.node';

/**
 * An 8 KB Google-Authenticator-shaped SQLite file whose `secret` column is generated as
 * hex(zeroblob(150000000)): reading it asks for ~300 MB, the sandbox's memory cap must stop it.
 */
export async function generatedColumnDatabase(): Promise<Buffer> {
  const SQL = await initSqlJs({
    wasmBinary: readFileSync(resolvePackageFile('sql.js/dist/sql-wasm.wasm')) as never,
  });
  const db = new SQL.Database();
  db.run(`CREATE TABLE accounts (_id INTEGER PRIMARY KEY, email TEXT NOT NULL,
    secret TEXT GENERATED ALWAYS AS (hex(zeroblob(150000000))) VIRTUAL,
    counter INTEGER DEFAULT 0, type INTEGER, provider INTEGER DEFAULT 0, issuer TEXT DEFAULT NULL,
    original_name TEXT DEFAULT NULL)`);
  db.run(`INSERT INTO accounts (email, type, issuer) VALUES ('alice', 0, 'Example')`);
  const bytes = Buffer.from(db.export());
  db.close();
  return bytes;
}
