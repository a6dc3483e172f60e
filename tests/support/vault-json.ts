import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseVaultFile } from '../../electron/vault/vault-file.node';

/** vault.json as an older OTP Desk wrote it (all JSON, the database's bytes in base64 `db.data`). */
export interface VaultJson {
  format: string;
  version: number;
  id: string;
  revision: number;
  slots: { type: string; key: { nonce: string; tag: string; data: string }; scrypt?: { n: number; r: number; p: number; salt: string } }[];
  db: { nonce: string; tag: string; data: string };
}

/**
 * Reads `dir`'s vault file (schema 3 keeps the database as bytes after a header line) as the
 * all-JSON form: a test edits it and writes it back with JSON.stringify, a form OTP Desk reads too.
 */
export function readVaultJson(dir: string, name = 'vault.json'): VaultJson {
  const path = join(dir, name);
  const file = parseVaultFile(readFileSync(path), path);
  return { ...file, slots: file.slots, db: { nonce: file.db.nonce, tag: file.db.tag, data: file.db.data.toString('base64') } } as VaultJson;
}
