import { copyFile, link, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { UserError } from '../core/errors';
import { readFailureReason, writeFailureReason } from '../core/write-failure';
import { writeFileAtomically } from './atomic-write.node';
import type { ScryptParams, SealedBox, SealedBytes } from './crypto.node';

/**
 * Bumped when the on-disk layout changes; older files are migrated on open.
 * 2: the header (format, version, id, slots) is bound to the database as AES-GCM additional data.
 * 3: the database follows the header as raw bytes (see serializeVaultFile) instead of base64 inside
 *    the JSON. Opening 1,000 accounts spent 3.6 of its 9 ms turning a 460 KB file into a string,
 *    parsing that string and decoding its base64 (`--cpu-prof` of AuthenticatorService.open).
 */
export const VAULT_SCHEMA_VERSION = 3;

/** The first schema whose database is sealed with the header as additional data. */
export const HEADER_AAD_SINCE = 2;

/** The master key wrapped by the keychain key. */
export interface KeychainSlot {
  readonly type: 'keychain';
  readonly key: SealedBox;
}

/** The master key wrapped by a key derived from the user's password. */
export interface PasswordSlot {
  readonly type: 'password';
  readonly scrypt: ScryptParams;
  readonly key: SealedBox;
}

export type Slot = KeychainSlot | PasswordSlot;

/** vault.json: public header plus the AES-256-GCM sealed database (bytes in memory). Holds no secret in the clear. */
export interface VaultFile {
  readonly format: 'otp-desk-vault';
  readonly version: number;
  readonly id: string;
  readonly revision: number;
  readonly slots: readonly Slot[];
  readonly db: SealedBytes;
}

const damaged = (path: string) =>
  new UserError('integrity', `The vault file ${path} is damaged. Restore it from ${path}.bak or from a backup (Import).`);

function isSealedBox(value: unknown): value is SealedBox {
  const box = value as SealedBox;
  return !!box && typeof box.nonce === 'string' && typeof box.tag === 'string' && typeof box.data === 'string';
}

/** JSON with object keys sorted, so the same header always gives the same bytes. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * The header bytes bound to the database as AES-GCM additional data (schema 2 on), so a slot
 * swapped, added or removed, or the id or version edited, fails the database's integrity check.
 * Schema 1 files have none (they are migrated on open).
 */
export function headerAad(file: Pick<VaultFile, 'format' | 'version' | 'id' | 'slots'>): Buffer | undefined {
  if (file.version < HEADER_AAD_SINCE) return undefined;
  return Buffer.from(canonicalJson({ format: file.format, version: file.version, id: file.id, slots: file.slots }), 'utf8');
}

/** Whether the keychain can open this file (it has a keychain slot); without one only the password does. */
export function hasKeychainSlot(file: Pick<VaultFile, 'slots'>): boolean {
  return file.slots.some((slot) => slot.type === 'keychain');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Parses and shape-checks vault.json. Schema 3 is one line of JSON, the header, whose `db` gives
 * the sealed database's nonce, tag and length in bytes, then a newline and those bytes. Older
 * files (and one written by hand) are JSON throughout, the database's bytes in base64 (`db.data`).
 */
export function parseVaultFile(bytes: Buffer, path: string): VaultFile {
  const newline = bytes.indexOf(0x0a);
  const header = newline < 0 ? undefined : (parseJson(bytes.toString('utf8', 0, newline)) as Record<string, unknown> | undefined);
  const headerDb = header?.['db'] as { nonce?: unknown; tag?: unknown; bytes?: unknown } | undefined;
  let value: VaultFile;
  if (typeof headerDb?.bytes === 'number') {
    const data = bytes.subarray(newline + 1);
    if (data.length !== headerDb.bytes) throw damaged(path);
    value = { ...header, db: { nonce: headerDb.nonce, tag: headerDb.tag, data } } as unknown as VaultFile;
  } else {
    const json = parseJson(bytes.toString('utf8')) as (Omit<VaultFile, 'db'> & { db?: unknown }) | undefined;
    const db = json?.db;
    if (!isSealedBox(db)) throw damaged(path);
    value = { ...json, db: { nonce: db.nonce, tag: db.tag, data: Buffer.from(db.data, 'base64') } } as VaultFile;
  }
  if (value?.format !== 'otp-desk-vault' || !Number.isInteger(value.version) || typeof value.id !== 'string' || !Array.isArray(value.slots) || typeof value.db.nonce !== 'string' || typeof value.db.tag !== 'string') {
    throw damaged(path);
  }
  if (value.version > VAULT_SCHEMA_VERSION) {
    throw new UserError('unsupported-format', `The vault was written by a newer OTP Desk (schema ${value.version}). Update OTP Desk to open it.`);
  }
  return value;
}

/** vault.json's bytes in schema 3: the header on one line, then the sealed database (parseVaultFile). */
export function serializeVaultFile(file: VaultFile): Buffer {
  const { db, ...header } = file;
  const line = JSON.stringify({ ...header, db: { nonce: db.nonce, tag: db.tag, bytes: db.data.length } });
  return Buffer.concat([Buffer.from(`${line}\n`, 'utf8'), db.data]);
}

/** Reads vault.json, or null when there is none yet. */
export async function readVaultFile(path: string): Promise<VaultFile | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UserError('io', `Cannot read the vault file ${path}: ${readFailureReason((error as NodeJS.ErrnoException).code)}.`);
  }
  return parseVaultFile(bytes, path);
}

/**
 * Makes the current vault.json the new vault.json.bak without ever leaving a half-written .bak:
 * a hard link (no bytes copied, so it works on a full disk) renamed over the old .bak; a copy
 * where the file system has no hard links.
 */
async function keepPrevious(path: string): Promise<void> {
  const staged = `${path}.bak.tmp-${process.pid}`;
  await rm(staged, { force: true });
  try {
    await link(path, staged).catch(async (error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw error;
      await copyFile(path, staged);
    });
    await rename(staged, `${path}.bak`);
  } catch (error) {
    await rm(staged, { force: true });
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

/**
 * Replaces vault.json atomically: write a temp file, fsync, keep the previous file as
 * vault.json.bak, rename over, fsync the folder where the OS can. A crash at any point leaves a
 * whole vault; once the rename succeeded the save has happened and is never reported as failed.
 */
export async function writeVaultFileAtomically(path: string, file: VaultFile): Promise<void> {
  try {
    // The pid in the temp name lets the lock sweep what a killed writer left (lock.node.ts).
    await writeFileAtomically(path, serializeVaultFile(file), { temp: `${path}.tmp-${process.pid}`, beforeCommit: () => keepPrevious(path) });
  } catch (error) {
    if (error instanceof UserError) throw error;
    const reason = writeFailureReason((error as NodeJS.ErrnoException).code);
    throw new UserError('io', `Cannot save the vault in ${dirname(path)}: ${reason}. Free some space or fix the folder's permissions and try again; nothing was changed.`);
  }
}
