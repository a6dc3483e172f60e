import { createHmac, randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { BackupEntry } from '../core/backup/backup-entries';
import { isUserError, UserError } from '../core/errors';
import type { ImportReader } from '../core/importers/import-reader';
import type { Account } from '../core/otp/account';
import { validateOtpParameters } from '../core/otp/validate';
import { recordLocalChanges } from '../core/sync/local-changes';
import type { HlcClock } from '../core/sync/stamp';
import { EMPTY_SYNC_STATE, type SyncState } from '../core/sync/sync-state';
import { FOLLOWED_APP_NAMES, FOLLOWED_APPS, FOLLOWED_IMPORTER_IDS, type FollowedApp, type FollowedAppId } from './followed-apps';
import type { FollowLink } from './sync-data';

const MAX_BACKUP_BYTES = 16 * 1024 * 1024;

/** An account as a phone backup holds it: what every importer gives, and what Aegis adds (its id, group, favourite). */
export type PhoneEntry = Omit<BackupEntry, 'group' | 'favorite' | 'note'> & Partial<Pick<BackupEntry, 'group' | 'favorite'>>;

/**
 * The newest backup in a followed folder (of `app` once the follow knows it, else of any followed
 * app): its name and a fingerprint (name, size, time) to skip unchanged ones. Other files are ignored.
 */
export async function newestBackup(folder: string, app?: FollowedApp): Promise<{ path: string; name: string; fingerprint: string } | null> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    throw new UserError('not-found', `The followed folder ${folder} is not reachable; connect it or check that it still exists.`);
  }
  const isBackup = (name: string) => (app ? [app] : FOLLOWED_APPS).some((a) => a.backupName.test(name));
  const infos = await Promise.all(
    names.filter(isBackup).map(async (name) => ({ name, info: await stat(join(folder, name)).catch(() => null) })),
  );
  const files = infos.filter((f) => f.info?.isFile()).sort((a, b) => b.info!.mtimeMs - a.info!.mtimeMs || (a.name < b.name ? 1 : -1));
  const newest = files[0];
  return newest ? { path: join(folder, newest.name), name: newest.name, fingerprint: `${newest.name}:${newest.info!.size}:${newest.info!.mtimeMs}` } : null;
}

const isText = (value: unknown) => typeof value === 'string';

/**
 * The entries the sandbox read, checked here as main checks every answer from it (a child running
 * hostile code could send anything): OTP parameters as the add form takes them, and Aegis's id,
 * group and favourite, where present, of the right types. Undefined when one is not.
 */
function checkedEntries(entries: readonly unknown[]): PhoneEntry[] | undefined {
  try {
    for (const entry of entries as PhoneEntry[]) {
      validateOtpParameters(entry);
      if (!isText(entry.issuer) || !isText(entry.account)) return undefined;
      if (entry.uuid !== undefined && !isText(entry.uuid)) return undefined;
      if (entry.group !== undefined && !isText(entry.group)) return undefined;
      if (entry.favorite !== undefined && typeof entry.favorite !== 'boolean') return undefined;
    }
  } catch {
    return undefined;
  }
  return [...(entries as PhoneEntry[])];
}

/**
 * The entries of a phone backup, opened with its password by the project's importers in the import
 * sandbox (`reader`: the same one imports use, so a hostile or broken file in a followed folder costs
 * a message, never main), and the app that wrote it (`expected`: the app the folder is followed
 * for). A message a user can act on when it can't be read; nothing is changed then.
 */
export async function readPhoneBackup(reader: ImportReader, path: string, password: string, expected?: FollowedAppId): Promise<{ app: FollowedApp; entries: PhoneEntry[] }> {
  const info = await stat(path);
  if (info.size > MAX_BACKUP_BYTES) throw new UserError('invalid-input', `The backup ${path} is larger than 16 MB; it is not an authenticator backup OTP Desk follows.`);
  const source = { fileName: basename(path), bytes: new Uint8Array(await readFile(path)) };
  let reading;
  try {
    reading = await reader.readFile(source, password, { only: FOLLOWED_IMPORTER_IDS });
  } catch (error) {
    if (!isUserError(error)) throw new UserError('integrity', `The backup ${path} could not be read; it is skipped. Nothing was changed.`);
    if (error.kind === 'unsupported-format') throw new UserError('integrity', `The backup ${path} could not be read: it is not a backup of ${FOLLOWED_APP_NAMES} (damaged, or cut off while it was copied). Nothing was changed.`);
    if (error.kind === 'wrong-password') {
      // By the file's name (nothing parsed here): the app it was followed for, else the one that names files so.
      const name = FOLLOWED_APPS.find((a) => (expected ? a.id === expected : a.backupName.test(source.fileName)))?.name ?? 'phone';
      throw new UserError('wrong-password', `The password for the ${name} backups in ${dirname(path)} is wrong: the newest backup does not open with it (or the file is damaged). Follow the folder again with the right password; nothing was changed.`);
    }
    throw new UserError(error.kind, `The backup ${path} could not be read (${error.message}) Nothing was changed.`);
  }
  const app = reading.state === 'read' ? FOLLOWED_APPS.find((a) => a.importerIds.includes(reading.importer ?? '')) : undefined;
  const entries = reading.state === 'read' ? checkedEntries(reading.result.entries) : undefined;
  if (!app || !entries) throw new UserError('integrity', `The backup ${path} could not be read; it is skipped. Nothing was changed.`);
  if (expected && app.id !== expected) {
    throw new UserError('invalid-input', `The newest backup ${path} is a ${app.name} backup, but this folder follows ${FOLLOWED_APPS.find((a) => a.id === expected)!.name}. Nothing was changed.`);
  }
  return { app, entries };
}

/**
 * Each entry's account id: the app's own id where it keeps one (Aegis's uuid); else a key of the
 * secret, so a renamed account stays the same account (2FAS and Ente Auth keep no ids). An HMAC
 * keyed by the follow's random id, so an account id is no plain hash of a secret that other
 * vaults or logs could match.
 */
function entryIds(follow: FollowLink, entries: readonly PhoneEntry[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    if (entry.uuid) return entry.uuid;
    const base = `${entry.type}:${entry.secret}`;
    const nth = seen.get(base) ?? 0; // the same key twice on the phone: two accounts
    seen.set(base, nth + 1);
    return `${follow.deviceId}-${createHmac('sha256', follow.deviceId).update(`${base}#${nth}`).digest('hex').slice(0, 24)}`;
  });
}

/**
 * The phone's view after a new backup: entries new or changed since the last one become changes
 * of the followed "device", stamped by this device's clock; entries gone become its deletions.
 * What the phone doesn't know (icon, place in the list) comes from its previous version here.
 */
export function phoneChanges(follow: FollowLink, entries: readonly PhoneEntry[], local: readonly Account[], clock: HlcClock, nowMs: number): { state: SyncState; clock: HlcClock } {
  const here = new Map(local.map((a) => [a.id, a]));
  let nextOrder = local.reduce((max, a) => Math.max(max, a.order + 1), 0);
  const ids = entryIds(follow, entries);
  const accounts = entries.map((entry, index) => {
    const id = ids[index]!;
    const before = follow.state.records[id]?.current.fields ?? here.get(id);
    return {
      id,
      type: entry.type, secret: entry.secret, algorithm: entry.algorithm, digits: entry.digits, period: entry.period, counter: entry.counter,
      issuer: entry.issuer, account: entry.account,
      // 2FAS and Ente Auth backups carry no group or favourite: what this desktop gave them stays.
      group: entry.group ?? before?.group ?? '', favorite: entry.favorite ?? before?.favorite ?? false,
      icon: before?.icon ?? '',
      order: before?.order ?? nextOrder++,
      createdAt: before?.createdAt ?? nowMs,
    };
  });
  return recordLocalChanges(follow.state, clock, follow.deviceId, accounts, nowMs);
}

/** A new follow of `folder`, whose backups `app` writes. */
export function newFollow(folder: string, password: string, app: FollowedAppId): FollowLink {
  return { folder, password, app, deviceId: `phone-${randomBytes(5).toString('hex')}`, state: EMPTY_SYNC_STATE };
}
