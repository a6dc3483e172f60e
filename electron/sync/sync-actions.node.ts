import { unlink } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { UserError } from '../core/errors';
import type { ImportReader } from '../core/importers/import-reader';
import { MIN_PASSWORD_LENGTH } from '../core/password/password-length';
import { latestStamp } from '../core/sync/merge';
import { observe } from '../core/sync/stamp';
import type { SyncState } from '../core/sync/sync-state';
import type { AuthenticatorService } from '../service';
import { seal } from '../vault/crypto.node';
import { newDeviceKeyPair, newPairingCode, newSyncKey, unwrapWithSecret, wrapToDevice, wrapToSecret } from './folder-crypto.node';
import { DEVICES_DIR, readFolderFile, readFolderFiles, syncDir, writeFolderFile } from './folder-file.node';
import { FOLLOWED_APP_NAMES, FOLLOWED_APPS, followedApp } from './followed-apps';
import { newestBackup, newFollow, phoneChanges, readPhoneBackup } from './follow.node';
import type { FollowLink, SyncData } from './sync-data';
import { notSetUp, SyncSecretRejected } from './sync-errors';
import { deviceFileName, deviceName, existingFolder, folderDeviceEntry, folderLinkOf, heldKey, readFolder, writeOurFile, type FolderRead } from './sync-folder.node';
import { applyRemoteStates, startSync } from './vault-sync';

const defaultName = () => process.env['HOSTNAME'] || (process.platform === 'darwin' ? 'Mac' : process.platform === 'win32' ? 'Windows PC' : 'Linux computer');

function refuseIfSyncing(service: AuthenticatorService): void {
  const folder = service.vaultHandle.current.sync?.folder;
  if (folder) throw new UserError('invalid-input', `This vault already syncs through ${folder.path}. Leave it first (otp-desk sync leave).`);
}

const checkSyncPassword = (password: string) => {
  if (password.length < MIN_PASSWORD_LENGTH) throw new UserError('invalid-input', `Use a sync password of at least ${MIN_PASSWORD_LENGTH} characters. Nothing was changed.`);
};

/** `sync setup FOLDER`: starts a sync folder with this device as its first member. */
async function setupSyncUnqueued(service: AuthenticatorService, reader: ImportReader, folderArg: string, options: { deviceName?: string; syncPassword?: string }): Promise<string> {
  refuseIfSyncing(service);
  const folder = await existingFolder(folderArg);
  if ((await readFolderFiles(folder)).length > 0) throw new UserError('invalid-input', `${syncDir(folder)} is already set up. Join it instead: otp-desk sync join ${folder} --code CODE.`);
  if (options.syncPassword !== undefined) checkSyncPassword(options.syncPassword);
  const sync = startSync(service.vaultHandle.current, Date.now());
  const pair = newDeviceKeyPair();
  const { id: keyId, key } = newSyncKey();
  const link = { path: folder, deviceName: options.deviceName || defaultName(), ...pair, keys: [{ id: keyId, key: key.toString('base64') }], devices: {} };
  const join = options.syncPassword ? [await wrapToSecret(key, options.syncPassword, 'password')] : [];
  await writeFolderFile(folder, { writtenBy: sync.deviceId, keyId, devices: [folderDeviceEntry(sync.deviceId, link, key, Date.now())], join }, 0);
  await service.changeData((data) => ({ ...data, sync: { ...(data.sync ?? sync), folder: link } }));
  await syncNowUnqueued(service, reader);
  return folder;
}

/** Replaces the folder's join slot of one type (a pairing code or the sync password) with one wrapping the current sync key. */
async function replaceJoinSecret(service: AuthenticatorService, type: 'code' | 'password', secret: string): Promise<void> {
  const { sync, link } = folderLinkOf(service);
  const file = await readFolderFile(link.path);
  const key = heldKey(link, file.keyId);
  if (!key || !file.devices.some((d) => d.id === sync.deviceId)) throw new UserError('invalid-input', 'This device no longer belongs to the sync folder; it can\'t invite others. Join again first.');
  const join = [...file.join.filter((j) => j.type !== type), await wrapToSecret(key, secret, type)];
  await writeFolderFile(link.path, { writtenBy: sync.deviceId, keyId: file.keyId, devices: file.devices, join }, file.epoch);
}

/** `sync pairing-code`: a new one-use code a new device joins with (replacing any earlier code). */
async function createPairingCodeUnqueued(service: AuthenticatorService): Promise<string> {
  const code = newPairingCode();
  await replaceJoinSecret(service, 'code', code);
  return code;
}

/**
 * Settings › Sync on a device that syncs: a sync password other devices can join with, replacing
 * any earlier one (removing a device retires it, so this is also how it comes back).
 */
async function setSyncPasswordUnqueued(service: AuthenticatorService, password: string): Promise<void> {
  checkSyncPassword(password);
  await replaceJoinSecret(service, 'password', password);
}

/** `sync join FOLDER`: unwraps the sync key with a pairing code or the sync password and adds this device. */
async function joinSyncUnqueued(service: AuthenticatorService, reader: ImportReader, folderArg: string, secret: { code?: string; password?: string }, name?: string): Promise<void> {
  refuseIfSyncing(service);
  const folder = await existingFolder(folderArg);
  const file = await readFolderFile(folder);
  const type = secret.code !== undefined ? 'code' : 'password';
  const slot = file.join.find((j) => j.type === type);
  const what = type === 'code' ? 'pairing code' : 'sync password';
  if (!slot) throw new SyncSecretRejected(type === 'code' ? 'The sync folder has no pairing code waiting (it was used or replaced). Show a new one on a device that syncs (otp-desk sync pairing-code); nothing was changed.' : 'This sync folder has no sync password; join with a pairing code from a device that syncs. Nothing was changed.');
  const key = await unwrapWithSecret(slot, (secret.code ?? secret.password)!, () => new SyncSecretRejected(`The ${what} is wrong. Check it and try again; nothing was changed.`));
  const sync = startSync(service.vaultHandle.current, Date.now());
  const link = { path: folder, deviceName: name || defaultName(), ...newDeviceKeyPair(), keys: [{ id: file.keyId, key: key.toString('base64') }], devices: {} };
  // A pairing code opens the folder once; the sync password stays for the next device.
  const join = file.join.filter((j) => j.type !== 'code');
  await writeFolderFile(folder, { writtenBy: sync.deviceId, keyId: file.keyId, devices: [...file.devices.filter((d) => d.id !== sync.deviceId), folderDeviceEntry(sync.deviceId, link, key, Date.now())], join }, file.epoch);
  await service.changeData((data) => ({ ...data, sync: { ...(data.sync ?? sync), folder: link } }));
  await syncNowUnqueued(service, reader);
}

/** What one `sync now` did. */
export interface SyncSummary {
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
  readonly filesRead: number;
  readonly problems: readonly string[];
}

/** Reads each followed folder's newest backup (when it changed, in the import sandbox: `reader`) and turns it into the phone's view. */
async function readFollows(reader: ImportReader, sync: SyncData, clockFrom: SyncData['clock'], local: Parameters<typeof phoneChanges>[2], nowMs: number) {
  let clock = clockFrom;
  const problems: string[] = [];
  const follows: FollowLink[] = [];
  for (const follow of sync.follows) {
    try {
      const newest = await newestBackup(follow.folder, followedApp(follow.app));
      if (!newest || newest.fingerprint === follow.lastFile) {
        follows.push(follow);
        continue;
      }
      const { entries } = await readPhoneBackup(reader, newest.path, follow.password, followedApp(follow.app).id);
      const next = phoneChanges(follow, entries, local, clock, nowMs);
      clock = next.clock;
      follows.push({ ...follow, state: next.state, lastFile: newest.fingerprint });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push(error.message);
      follows.push(follow);
    }
  }
  return { follows, clock, problems, states: follows.map((f) => f.state) };
}

/**
 * `sync now`: reads every device file and followed backup, merges them into the vault, writes our
 * file. Followed backups are parsed by `reader` (the import sandbox); the merge stays here.
 */
async function syncNowUnqueued(service: AuthenticatorService, reader: ImportReader): Promise<SyncSummary> {
  const before = service.vaultHandle.current.sync;
  if (!before || (!before.folder && before.follows.length === 0)) throw notSetUp();
  const now = Date.now();
  const read: FolderRead | null = before.folder ? await readFolder(before, now) : null;
  const remotes: SyncState[] = read?.remotes ?? [];
  let summary: SyncSummary | undefined;
  const current = service.vaultHandle.current;
  const sync = current.sync!;
  const observed = remotes.map(latestStamp).reduce((clock, stamp) => (stamp ? observe(clock, stamp) : clock), sync.clock);
  const phones = await readFollows(reader, sync, observed, current.accounts, now);
  const problems = [...(read?.problems ?? []), ...phones.problems];
  await service.changeData((data, nowMs) => {
    const outcome = applyRemoteStates({ ...data, sync: { ...data.sync!, clock: phones.clock } }, [...remotes, ...phones.states], nowMs, (s) => ({
      ...s,
      // A follow removed meanwhile (by the app or another command) stays removed.
      follows: phones.follows.filter((f) => data.sync!.follows.some((g) => g.folder === f.folder)),
      ...(s.folder && read
        ? { folder: { ...s.folder, keys: read.newKey && !s.folder.keys.some((k) => k.id === read.newKey!.id) ? [...s.folder.keys, read.newKey] : s.folder.keys, devices: mergeDevices(s.folder.devices, read) } }
        : {}),
      lastSync: nowMs,
      problems,
    }));
    summary = { added: outcome.added, changed: outcome.changed, removed: outcome.removed, filesRead: read?.filesRead ?? 0, problems };
    return outcome.data;
  });
  if (read) await writeOurFile(service.vaultHandle.current.sync!, read);
  return summary!;
}

function mergeDevices(known: NonNullable<SyncData['folder']>['devices'], read: FolderRead) {
  const out: Record<string, { name: string; lastSeen: number }> = {};
  for (const id in read.names) out[id] = { name: read.names[id]!, lastSeen: Math.max(known[id]?.lastSeen ?? 0, read.lastSeen[id] ?? 0) };
  return out;
}

/** `sync status`. */
export function syncStatus(service: AuthenticatorService) {
  const sync = service.vaultHandle.current.sync;
  return {
    folder: sync?.folder?.path ?? null,
    device: sync ? { id: sync.deviceId, name: sync.folder?.deviceName ?? null } : null,
    lastSync: sync?.lastSync ? Math.floor(sync.lastSync / 1000) : null,
    problems: sync?.problems ?? [],
    follows: (sync?.follows ?? []).map((f) => ({ folder: f.folder, app: followedApp(f.app).name, lastFile: f.lastFile?.split(':')[0] ?? null })),
  };
}

/** `sync devices`: the folder's members as this device last read them. */
export async function syncDevices(service: AuthenticatorService) {
  const { sync, link } = folderLinkOf(service);
  const file = await readFolderFile(link.path);
  const key = heldKey(link, file.keyId);
  return file.devices.map((d) => ({
    id: d.id,
    name: key ? deviceName(d, key) : link.devices[d.id]?.name ?? '(unknown)',
    lastSeen: d.id === sync.deviceId ? (sync.lastSync ? Math.floor(sync.lastSync / 1000) : null) : link.devices[d.id]?.lastSeen ? Math.floor(link.devices[d.id]!.lastSeen / 1000) : null,
    ...(d.id === sync.deviceId ? { you: true } : {}),
  }));
}

/**
 * `sync remove-device ID` (and `leave` for this device): a new sync key for the others only, the
 * pairing code and sync password retired, the device's file deleted. Its later files are ignored.
 */
async function removeDeviceUnqueued(service: AuthenticatorService, id: string): Promise<string> {
  const { sync, link } = folderLinkOf(service);
  const file = await readFolderFile(link.path);
  const target = file.devices.find((d) => d.id === id || d.id.startsWith(id));
  if (!target) throw new UserError('not-found', `No device with the id "${id}" syncs through this folder. See otp-desk sync devices.`);
  const oldKey = heldKey(link, file.keyId);
  if (!oldKey) throw new UserError('invalid-input', 'This device no longer holds the folder\'s key; join again before removing others.');
  const name = deviceName(target, oldKey);
  const { id: keyId, key } = newSyncKey();
  const devices = file.devices
    .filter((d) => d.id !== target.id)
    .map((d) => ({ ...d, key: wrapToDevice(key, d.publicKey), name: seal(key, Buffer.from(deviceName(d, oldKey))) }));
  await writeFolderFile(link.path, { writtenBy: sync.deviceId, keyId, devices, join: [] }, file.epoch);
  await unlink(join(syncDir(link.path), DEVICES_DIR, deviceFileName(target.id))).catch(() => undefined);
  if (target.id === sync.deviceId) {
    await service.changeData((data) => {
      const { folder: _folder, ...rest } = data.sync!;
      return { ...data, sync: rest };
    });
    return name;
  }
  await service.changeData((data) => ({ ...data, sync: { ...data.sync!, folder: { ...data.sync!.folder!, keys: [...data.sync!.folder!.keys, { id: keyId, key: key.toString('base64') }] } } }));
  return name;
}

/** `sync remove-device ID`: another device only (this one leaves with leaveSync); then a sync, so the others get the new key. */
async function removeOtherDeviceUnqueued(service: AuthenticatorService, reader: ImportReader, id: string, leaveHint: string): Promise<string> {
  if (service.vaultHandle.current.sync?.deviceId === id) throw new UserError('invalid-input', `That is this device; to stop syncing here, ${leaveHint}.`);
  const name = await removeDeviceUnqueued(service, id);
  await syncNowUnqueued(service, reader);
  return name;
}

/** `sync leave`: this device leaves the folder (the others get a new key); the accounts stay here. */
async function leaveSyncUnqueued(service: AuthenticatorService): Promise<void> {
  const sync = service.vaultHandle.current.sync;
  if (!sync?.folder) throw new UserError('not-found', 'This vault does not sync through a folder.');
  await removeDeviceUnqueued(service, sync.deviceId);
}

/** `sync follow FOLDER`: checks the newest backup opens with the password, then follows the folder. */
async function followFolderUnqueued(service: AuthenticatorService, reader: ImportReader, folderArg: string, password: string): Promise<SyncSummary> {
  const folder = resolve(await existingFolder(folderArg));
  const newest = await newestBackup(folder);
  if (!newest) throw new UserError('not-found', `There is no backup of ${FOLLOWED_APP_NAMES} in ${folder} yet. Make the phone write them there: ${FOLLOWED_APPS.map((a) => `in ${a.name}, ${a.howTo} (${a.backupNames})`).join('; ')}.`);
  const { app } = await readPhoneBackup(reader, newest.path, password);
  await service.changeData((data, nowMs) => {
    const sync = data.sync ?? startSync(data, nowMs);
    if (sync.follows.some((f) => f.folder === folder)) throw new UserError('invalid-input', `${folder} is already followed.`);
    return { ...data, sync: { ...sync, follows: [...sync.follows, newFollow(folder, password, app.id)] } };
  });
  return syncNowUnqueued(service, reader);
}

/** `sync unfollow FOLDER`: stops reading it; the accounts it brought stay. */
export async function unfollowFolder(service: AuthenticatorService, folderArg: string): Promise<void> {
  const folder = resolve(folderArg);
  const sync = service.vaultHandle.current.sync;
  if (!sync?.follows.some((f) => f.folder === folder)) throw new UserError('not-found', `${folder} is not followed. See otp-desk sync status.`);
  await service.changeData((data) => ({ ...data, sync: { ...data.sync!, follows: data.sync!.follows.filter((f) => f.folder !== folder) } }));
}

/**
 * Folder actions of one vault run one after another. Each reads folder.json, works (a pairing code
 * or sync password is wrapped with scrypt: seconds on a loaded machine) and writes it back; the
 * watcher's sync running meanwhile wrote back the join list it had read, dropping a pairing code just
 * shown, and two writes of the same epoch raced. The CLI is one process per command. The `…Unqueued`
 * functions above run inside the queue and call each other directly.
 */
const queues = new WeakMap<AuthenticatorService, Promise<unknown>>();
function queued<T>(service: AuthenticatorService, work: () => Promise<T>): Promise<T> {
  const result = (queues.get(service) ?? Promise.resolve()).then(work, work);
  queues.set(service, result.catch(() => undefined));
  return result;
}

export const setupSync = (service: AuthenticatorService, reader: ImportReader, folderArg: string, options: { deviceName?: string; syncPassword?: string }): Promise<string> => queued(service, () => setupSyncUnqueued(service, reader, folderArg, options));
export const createPairingCode = (service: AuthenticatorService): Promise<string> => queued(service, () => createPairingCodeUnqueued(service));
export const setSyncPassword = (service: AuthenticatorService, password: string): Promise<void> => queued(service, () => setSyncPasswordUnqueued(service, password));
export const joinSync = (service: AuthenticatorService, reader: ImportReader, folderArg: string, secret: { code?: string; password?: string }, name?: string): Promise<void> => queued(service, () => joinSyncUnqueued(service, reader, folderArg, secret, name));
export const syncNow = (service: AuthenticatorService, reader: ImportReader): Promise<SyncSummary> => queued(service, () => syncNowUnqueued(service, reader));
export const removeDevice = (service: AuthenticatorService, id: string): Promise<string> => queued(service, () => removeDeviceUnqueued(service, id));
export const removeOtherDevice = (service: AuthenticatorService, reader: ImportReader, id: string, leaveHint: string): Promise<string> => queued(service, () => removeOtherDeviceUnqueued(service, reader, id, leaveHint));
export const leaveSync = (service: AuthenticatorService): Promise<void> => queued(service, () => leaveSyncUnqueued(service));
export const followFolder = (service: AuthenticatorService, reader: ImportReader, folderArg: string, password: string): Promise<SyncSummary> => queued(service, () => followFolderUnqueued(service, reader, folderArg, password));
