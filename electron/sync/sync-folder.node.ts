import { readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../core/errors';
import { encodeSyncState } from '../core/sync/sync-codec';
import type { SyncState } from '../core/sync/sync-state';
import type { AuthenticatorService } from '../service';
import { open, seal } from '../vault/crypto.node';
import { writeFileAtomically } from '../vault/atomic-write.node';
import { DEVICE_FILE_SUFFIX, DeviceFileProblem, openDeviceFile, readDeviceFileHeader, sealDeviceFile } from './device-file.node';
import { unwrapForDevice, wrapToDevice } from './folder-crypto.node';
import { DEVICES_DIR, newerFormat, readFolderFiles, syncDir, SYNC_FORMAT_VERSION, writeFolderFile, type FolderDevice, type FolderFile } from './folder-file.node';
import type { FolderLink, SyncData } from './sync-data';
import { notSetUp } from './sync-errors';

/** What `sync now` read from the folder: other devices' views, and which of our own conflict copies to remove. */
export interface FolderRead {
  readonly remotes: SyncState[];
  /** Other devices' files read. */
  filesRead: number;
  readonly problems: string[];
  readonly lastSeen: Record<string, number>;
  readonly names: Record<string, string>;
  /** The key to write our file with (null: the folder could not be used; write nothing). */
  readonly write: { key: Buffer; keyId: string; file: FolderFile } | null;
  readonly ourCopies: string[];
  /** Our own file's content as it is, to skip rewriting an unchanged file. */
  readonly ourBody: Buffer | null;
  /** The newest sync key, when this device had not held it yet (after another device removed one). */
  readonly newKey?: { id: string; key: string };
}

export const deviceFileName = (deviceId: string) => `${deviceId}${DEVICE_FILE_SUFFIX}`;
const devicesDir = (folder: string) => join(syncDir(folder), DEVICES_DIR);

/** The link of a vault that syncs through a folder, or a message saying how to set one up. */
export function folderLinkOf(service: AuthenticatorService): { sync: SyncData; link: FolderLink } {
  const sync = service.vaultHandle.current.sync;
  if (!sync?.folder) throw notSetUp();
  return { sync, link: sync.folder };
}

/** The sync key this device holds under `keyId`, if any. */
export function heldKey(link: FolderLink, keyId: string): Buffer | undefined {
  const held = link.keys.find((k) => k.id === keyId);
  return held ? Buffer.from(held.key, 'base64') : undefined;
}

/** A device's name from folder.json (sealed with the sync key). */
export function deviceName(device: FolderDevice, key: Buffer): string {
  try {
    return open(key, device.name, () => new UserError('integrity', 'name')).toString('utf8');
  } catch {
    return '(unknown)';
  }
}

/** A folder device entry for this device, its name sealed with `key`. */
export function folderDeviceEntry(id: string, link: Pick<FolderLink, 'publicKey' | 'deviceName'>, key: Buffer, nowMs: number): FolderDevice {
  return { id, publicKey: link.publicKey, key: wrapToDevice(key, link.publicKey), name: seal(key, Buffer.from(link.deviceName)), addedAt: nowMs };
}

/** Works out which folder.json and key count, re-listing this device if a conflict copy dropped it. */
async function currentFolder(sync: SyncData, link: FolderLink, problems: string[], nowMs: number): Promise<FolderRead['write'] & { newKey?: FolderRead['newKey'] } | null> {
  const newest = (await readFolderFiles(link.path).catch(() => []))[0]?.file;
  if (!newest) {
    problems.push(`The sync folder ${syncDir(link.path)} is missing or empty. If it is on a removable or network drive, connect it; nothing was written.`);
    return null;
  }
  if (newest.version > SYNC_FORMAT_VERSION) {
    problems.push(newerFormat().message);
    return null;
  }
  const me = newest.devices.find((d) => d.id === sync.deviceId);
  const held = heldKey(link, newest.keyId);
  if (me) {
    const key = held ?? unwrapForDevice(me.key, link);
    return { key, keyId: newest.keyId, file: newest, ...(held ? {} : { newKey: { id: newest.keyId, key: key.toString('base64') } }) };
  }
  if (!held) {
    problems.push('This device was removed from the sync folder (its key was replaced). Join again with a pairing code from another device (otp-desk sync join).');
    return null;
  }
  // Two devices wrote folder.json at once and the copy that won lacks us: add ourselves back.
  const file = await writeFolderFile(link.path, { writtenBy: sync.deviceId, keyId: newest.keyId, devices: [...newest.devices, folderDeviceEntry(sync.deviceId, link, held, nowMs)], join: newest.join }, newest.epoch);
  return { key: held, keyId: newest.keyId, file };
}

/** Reads every other listed device's file (and our own conflict copies); skips, with a problem line, any it can't read. */
export async function readFolder(sync: SyncData, nowMs: number): Promise<FolderRead> {
  const link = sync.folder!;
  const problems: string[] = [];
  const out: FolderRead = { remotes: [], filesRead: 0, problems, lastSeen: {}, names: {}, write: null, ourCopies: [], ourBody: null };
  let ourBody: Buffer | null = null;
  let current;
  try {
    current = await currentFolder(sync, link, problems, nowMs);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    problems.push(error.message);
    return out;
  }
  if (!current) return out;
  const listed = new Map(current.file.devices.map((d) => [d.id, d]));
  const keyFor = (keyId: string) => (keyId === current.keyId ? current.key : heldKey(link, keyId));
  for (const [id, device] of listed) out.names[id] = deviceName(device, current.key);
  const names = await readdir(devicesDir(link.path)).catch(() => [] as string[]);
  for (const name of names) {
    if (name.startsWith('.') || !name.includes(DEVICE_FILE_SUFFIX.slice(1))) continue;
    const path = join(devicesDir(link.path), name);
    try {
      const [bytes, info] = await Promise.all([readFile(path), stat(path)]);
      const { header } = readDeviceFileHeader(bytes);
      if (!listed.has(header.device)) continue;
      const key = keyFor(header.keyId);
      if (!key) throw new DeviceFileProblem('integrity', 'is sealed with a sync key this device does not hold; it is read once its device writes it again');
      const { state } = openDeviceFile(bytes, key);
      const ours = header.device === sync.deviceId;
      // Our own file is read too: a sync tool resolving a conflict may have put another copy of it there.
      if (ours && name === deviceFileName(sync.deviceId)) ourBody = header.keyId === current.keyId ? bytes : null;
      out.remotes.push(state);
      if (ours && name !== deviceFileName(sync.deviceId)) out.ourCopies.push(name);
      if (!ours) {
        out.filesRead++;
        out.lastSeen[header.device] = Math.max(out.lastSeen[header.device] ?? 0, info.mtimeMs);
      }
    } catch (error) {
      // A file the sync tool removed or replaced between the listing and the read: read at the next sync.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      if (!(error instanceof UserError)) {
        problems.push(`The sync file ${name} could not be read (${(error as NodeJS.ErrnoException).code ?? 'unknown error'}); it is read again at the next sync.`);
        continue;
      }
      problems.push(`The sync file ${name} ${error instanceof DeviceFileProblem ? error.message : `could not be read: ${error.message}`}`);
    }
  }
  return { ...out, ourBody, write: { key: current.key, keyId: current.keyId, file: current.file }, ...(current.newKey ? { newKey: current.newKey } : {}) };
}

/** Writes this device's file (unless its content is unchanged) and removes our conflict copies, now merged. */
export async function writeOurFile(sync: SyncData, read: FolderRead): Promise<void> {
  if (!read.write || !sync.folder) return;
  const dir = devicesDir(sync.folder.path);
  const path = join(dir, deviceFileName(sync.deviceId));
  const unchanged = read.ourBody && sameView(read.ourBody, read.write.key, sync.state);
  if (!unchanged) await writeFileAtomically(path, sealDeviceFile({ device: sync.deviceId, keyId: read.write.keyId }, sync.state, read.write.key));
  for (const name of read.ourCopies) await unlink(join(dir, name)).catch(() => undefined);
}

function sameView(bytes: Buffer, key: Buffer, state: SyncState): boolean {
  try {
    const { state: written } = openDeviceFile(bytes, key);
    // Same bytes when encoded the same way; a different order only costs one rewrite.
    return Buffer.from(encodeSyncState(written)).equals(Buffer.from(encodeSyncState(state)));
  } catch {
    return false;
  }
}

/** The absolute path of a folder the user named, which must exist. */
export async function existingFolder(folder: string): Promise<string> {
  const path = resolve(folder);
  const info = await stat(path).catch(() => null);
  if (!info?.isDirectory()) throw new UserError('not-found', `The folder ${path} does not exist. Create it (or let your sync app create it) first.`);
  return path;
}
