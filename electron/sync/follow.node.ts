import { createHash, randomBytes } from 'node:crypto';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { readAegisBackup } from '../core/backup/backup';
import type { BackupEntry } from '../core/backup/backup-entries';
import { UserError } from '../core/errors';
import type { Account } from '../core/otp/account';
import { recordLocalChanges } from '../core/sync/local-changes';
import type { HlcClock } from '../core/sync/stamp';
import { EMPTY_SYNC_STATE, type SyncState } from '../core/sync/sync-state';
import type { FollowLink } from './sync-data';

/** Aegis's automatic backups (aegis-backup-….json) and manual exports (aegis-export[-plain]-….json). */
const AEGIS_BACKUP = /^aegis.*\.json$/i;
const MAX_BACKUP_BYTES = 16 * 1024 * 1024;

/** The newest backup in a followed folder: its name and a fingerprint (name, size, time) to skip unchanged ones. */
export async function newestBackup(folder: string): Promise<{ path: string; name: string; fingerprint: string } | null> {
  let names: string[];
  try {
    names = await readdir(folder);
  } catch {
    throw new UserError('not-found', `The followed folder ${folder} is not reachable; connect it or check that it still exists.`);
  }
  const infos = await Promise.all(
    names.filter((n) => AEGIS_BACKUP.test(n)).map(async (name) => ({ name, info: await stat(join(folder, name)).catch(() => null) })),
  );
  const files = infos.filter((f) => f.info?.isFile()).sort((a, b) => b.info!.mtimeMs - a.info!.mtimeMs || (a.name < b.name ? 1 : -1));
  const newest = files[0];
  return newest ? { path: join(folder, newest.name), name: newest.name, fingerprint: `${newest.name}:${newest.info!.size}:${newest.info!.mtimeMs}` } : null;
}

/** The entries of a phone backup, opened with its password; a message a user can act on when it can't be. */
export async function readPhoneBackup(path: string, password: string): Promise<BackupEntry[]> {
  const info = await stat(path);
  if (info.size > MAX_BACKUP_BYTES) throw new UserError('invalid-input', `The backup ${path} is larger than 16 MB; it is not an authenticator backup OTP Desk follows.`);
  const text = await readFile(path, 'utf8');
  try {
    return [...(await readAegisBackup(text, password)).entries];
  } catch (error) {
    if (!(error instanceof UserError)) throw new UserError('integrity', `The backup ${path} could not be read; it is skipped.`);
    if (error.kind === 'wrong-password') throw new UserError('wrong-password', `The password for the backups in ${path.replace(/[/\\][^/\\]*$/, '')} is wrong: the newest backup does not open with it. Follow the folder again with the right password; nothing was changed.`);
    throw new UserError(error.kind, `The backup ${path} could not be read (${error.message}) Nothing was changed.`);
  }
}

/** An entry's account id: Aegis's uuid, or (for an entry without one) a hash of what identifies it. */
function entryId(entry: BackupEntry): string {
  if (entry.uuid) return entry.uuid;
  return `aegis-${createHash('sha256').update(`${entry.secret}\n${entry.issuer}\n${entry.account}`).digest('hex').slice(0, 24)}`;
}

/**
 * The phone's view after a new backup: entries new or changed since the last one become changes
 * of the followed "device", stamped by this device's clock; entries gone become its deletions.
 * What the phone doesn't know (icon, place in the list) comes from its previous version here.
 */
export function phoneChanges(follow: FollowLink, entries: readonly BackupEntry[], local: readonly Account[], clock: HlcClock, nowMs: number): { state: SyncState; clock: HlcClock } {
  const here = new Map(local.map((a) => [a.id, a]));
  let nextOrder = local.reduce((max, a) => Math.max(max, a.order + 1), 0);
  const accounts = entries.map((entry) => {
    const id = entryId(entry);
    const before = follow.state.records[id]?.current.fields ?? here.get(id);
    return {
      id,
      type: entry.type, secret: entry.secret, algorithm: entry.algorithm, digits: entry.digits, period: entry.period, counter: entry.counter,
      issuer: entry.issuer, account: entry.account, group: entry.group, favorite: entry.favorite,
      icon: before?.icon ?? '',
      order: before?.order ?? nextOrder++,
      createdAt: before?.createdAt ?? nowMs,
    };
  });
  return recordLocalChanges(follow.state, clock, follow.deviceId, accounts, nowMs);
}

/** A new follow of `folder`. */
export function newFollow(folder: string, password: string): FollowLink {
  return { folder, password, deviceId: `phone-${randomBytes(5).toString('hex')}`, state: EMPTY_SYNC_STATE };
}
