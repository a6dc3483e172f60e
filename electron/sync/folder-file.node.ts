import { mkdir, readdir, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../core/errors';
import type { SealedBox } from '../vault/crypto.node';
import { writeFileAtomically } from '../vault/atomic-write.node';
import type { DeviceWrap, SecretWrap } from './folder-crypto.node';

/** The subfolder OTP Desk keeps inside the folder the user chose. */
export const SYNC_DIR_NAME = 'OTP Desk Sync';
export const FOLDER_FILE = 'folder.json';
export const DEVICES_DIR = 'devices';
/** Bumped when folder.json or the device files change in a way older versions can't read. */
export const SYNC_FORMAT_VERSION = 1;

/** One device of the folder: its public key, the sync key wrapped to it, and its name (sealed with the sync key). */
export interface FolderDevice {
  readonly id: string;
  readonly publicKey: string;
  readonly key: DeviceWrap;
  readonly name: SealedBox;
  readonly addedAt: number;
}

/** folder.json: no account data; names are sealed; it changes only at set-up, pairing, join and removal. */
export interface FolderFile {
  readonly format: 'otp-desk-sync';
  readonly version: number;
  /** Grows with every write: of two copies (a sync tool's conflict copy), the larger epoch is the current one. */
  readonly epoch: number;
  readonly writtenBy: string;
  /** Names the current sync key (device files say which key sealed them). */
  readonly keyId: string;
  readonly devices: readonly FolderDevice[];
  /** The sync key wrapped to the current pairing code and/or sync password. */
  readonly join: readonly SecretWrap[];
}

export const syncDir = (folder: string) => join(folder, SYNC_DIR_NAME);

/** folder.json and the names sync tools give its conflict copies (folder.sync-conflict-….json, "folder (… conflicted copy …).json", "folder (1).json", folder-PC.json). */
const isFolderFileName = (name: string) => !name.startsWith('.') && /^folder\b.*\.json$/i.test(name);

function parseFolderFile(text: string): FolderFile | null {
  try {
    const value = JSON.parse(text) as FolderFile;
    if (value?.format !== 'otp-desk-sync' || !Number.isSafeInteger(value.version) || !Number.isSafeInteger(value.epoch)) return null;
    if (value.version > SYNC_FORMAT_VERSION) return value;
    if (typeof value.keyId !== 'string' || !Array.isArray(value.devices) || !Array.isArray(value.join)) return null;
    return value;
  } catch {
    return null;
  }
}

/** folder.json and any conflict copies of it, the one with the largest epoch first. */
export async function readFolderFiles(folder: string): Promise<{ name: string; file: FolderFile }[]> {
  let names: string[];
  try {
    names = await readdir(syncDir(folder));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    throw new UserError('io', `Cannot read the sync folder ${syncDir(folder)}; check that it is there and readable.`);
  }
  const files = await Promise.all(
    names.filter(isFolderFileName).map(async (name) => {
      const file = parseFolderFile(await readFile(join(syncDir(folder), name), 'utf8').catch(() => ''));
      return file ? { name, file } : null;
    }),
  );
  return files.filter((f): f is { name: string; file: FolderFile } => f !== null).sort((a, b) => b.file.epoch - a.file.epoch || (a.name === FOLDER_FILE ? -1 : 1));
}

/** The current folder.json; a helpful error when there is none or it is from a newer OTP Desk. */
export async function readFolderFile(folder: string): Promise<FolderFile> {
  const newest = (await readFolderFiles(folder))[0]?.file;
  if (!newest) throw new UserError('not-found', `There is no OTP Desk sync in ${folder} (no "${SYNC_DIR_NAME}/${FOLDER_FILE}"). Set it up on one device first (otp-desk sync setup), or check that the folder has finished syncing.`);
  if (newest.version > SYNC_FORMAT_VERSION) throw newerFormat();
  return newest;
}

export const newerFormat = () => new UserError('unsupported-format', 'The sync folder was written by a newer OTP Desk. Update OTP Desk on this device; the folder was left as it is.');

/** Writes folder.json atomically, with the epoch one above `previous`; conflict copies it supersedes (older epochs) are removed. */
export async function writeFolderFile(folder: string, file: Omit<FolderFile, 'epoch' | 'format' | 'version'>, previousEpoch: number): Promise<FolderFile> {
  const next: FolderFile = { format: 'otp-desk-sync', version: SYNC_FORMAT_VERSION, epoch: previousEpoch + 1, ...file };
  await mkdir(join(syncDir(folder), DEVICES_DIR), { recursive: true, mode: 0o700 });
  await writeFileAtomically(join(syncDir(folder), FOLDER_FILE), JSON.stringify(next, null, 2));
  for (const copy of await readFolderFiles(folder)) {
    if (copy.name !== FOLDER_FILE && copy.file.epoch <= next.epoch) await unlink(join(syncDir(folder), copy.name)).catch(() => undefined);
  }
  return next;
}
