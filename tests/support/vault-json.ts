import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVaultFile } from '../../electron/vault/vault-file.node';

/**
 * Reads `dir`'s vault file (schema 3 keeps the database as bytes after a header line) as the
 * all-JSON form older files have, the database's bytes in base64 `db.data`: a test edits it as it
 * likes (typed as loosely as JSON.parse's result) and writes it back with JSON.stringify, a form
 * OTP Desk reads too.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function readVaultJson(dir: string, name = 'vault.json'): Record<string, any> {
  const path = join(dir, name);
  const file = parseVaultFile(readFileSync(path), path);
  return { ...file, db: { nonce: file.db.nonce, tag: file.db.tag, data: file.db.data.toString('base64') } };
}
