import { readFile } from 'node:fs/promises';
import initSqlJs, { type SqlJsStatic, type SqlValue } from 'sql.js';
import { isUserError } from '../errors';
import { resolvePackageFile } from '../package-file.node';
import { damagedFile, malformedFile } from '../format/import-errors';

/** One table row, column name → value. */
export type SqliteRow = Readonly<Record<string, SqlValue>>;

const MAGIC = 'SQLite format 3\0';

/** sql.js's wasm is read from our own node_modules (shipped with the app), never fetched from a CDN. */
let sqlJs: Promise<SqlJsStatic> | undefined;

function loadSqlJs(): Promise<SqlJsStatic> {
  sqlJs ??= readFile(resolvePackageFile('sql.js/dist/sql-wasm.wasm')).then((wasm) =>
    initSqlJs({
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
    }),
  );
  // A failed load (missing file) must not be cached forever.
  sqlJs.catch(() => (sqlJs = undefined));
  return sqlJs;
}

/**
 * The schema text of a SQLite file, for synchronous `matches` checks before sql.js is loaded,
 * or undefined when the bytes are not SQLite. CREATE statements are stored as plain text in
 * sqlite_master, so a latin1 view of the file contains them.
 */
export function sqliteSchemaText(bytes: Uint8Array): string | undefined {
  if (
    bytes.length < 100 ||
    Buffer.from(bytes.subarray(0, MAGIC.length)).toString('latin1') !== MAGIC
  )
    return undefined;
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/**
 * Reads every row of `table` from an in-memory copy of the database (the file is never written).
 * A corrupt file becomes an integrity UserError and a missing table an invalid-input one, both naming `label`.
 */
export async function readSqliteTable(
  bytes: Uint8Array,
  table: string,
  label: string,
): Promise<readonly SqliteRow[]> {
  const SQL = await loadSqlJs();
  let db;
  try {
    db = new SQL.Database(bytes);
  } catch {
    throw damagedFile(label);
  }
  try {
    const tables = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?", [
      table,
    ]);
    if (tables.length === 0) throw malformedFile(label, `the database has no ${table} table`);
    const [result] = db.exec(`SELECT * FROM "${table.replace(/"/g, '""')}"`);
    if (!result) return [];
    return result.values.map((values) =>
      Object.fromEntries(result.columns.map((column, i) => [column, values[i] ?? null])),
    );
  } catch (error) {
    if (isUserError(error)) throw error;
    // sql.js reports "database disk image is malformed" and similar for truncated or damaged files.
    throw damagedFile(label);
  } finally {
    db.close();
  }
}
