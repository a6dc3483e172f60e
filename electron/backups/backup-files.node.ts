import { mkdir, readdir, readFile, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import { UserError } from '../core/errors';
import { exportTimestamp } from '../core/exporters/export-format';
import { writeFileAtomically } from '../vault/atomic-write.node';

/** Names of automatic backups; only files matching this are ever listed or deleted. */
export const BACKUP_FILE_PATTERN = /^otp-desk-backup-\d{8}-\d{6}(-\d+)?\.json$/;

/** A backup file in the folder. */
export interface BackupFileInfo {
  readonly name: string;
  readonly path: string;
  readonly modifiedMs: number;
}

/** `otp-desk-backup-YYYYMMDD-HHMMSS.json` in UTC (names sort by time in every time zone); `-N` after `previous` backups in that second. */
export function backupFileName(atMs: number, previous = 0): string {
  return `otp-desk-backup-${exportTimestamp(atMs)}${previous > 0 ? `-${previous + 1}` : ''}.json`;
}

/** Sort key: the timestamp plus a zero-padded suffix, so `-2` (two backups in one second) sorts after the plain name. */
function timeKey(name: string): string {
  const match = /-(\d{8}-\d{6})(?:-(\d+))?\.json$/.exec(name);
  return `${match?.[1] ?? ''}-${(match?.[2] ?? '1').padStart(6, '0')}`;
}

const byTime = (a: string, b: string) => (timeKey(a) < timeKey(b) ? -1 : timeKey(a) > timeKey(b) ? 1 : 0);

/** Backups in `folder`, newest first. An unreadable or missing folder lists as empty. */
export async function listBackups(folder: string): Promise<BackupFileInfo[]> {
  const names = await readdir(folder).catch(() => [] as string[]);
  const sorted = names.filter((n) => BACKUP_FILE_PATTERN.test(n)).sort(byTime).reverse();
  const infos = await Promise.all(
    sorted.map(async (name) => {
      const path = join(folder, name);
      const info = await stat(path).catch(() => null);
      return info?.isFile() ? { name, path, modifiedMs: info.mtimeMs } : null;
    }),
  );
  return infos.filter((i): i is BackupFileInfo => i !== null);
}

/**
 * Writes `text` as a new backup file atomically: a temp file in the same folder, fsync, then
 * rename, so a crash leaves either the whole backup or none. Creates the folder if needed.
 */
export async function writeBackupFile(folder: string, text: string, atMs: number): Promise<string> {
  await mkdir(folder, { recursive: true, mode: 0o700 });
  // Within one second, number after the highest existing one (never reuse a freed lower name: it would sort as older).
  const sameSecond = (await readdir(folder)).filter((n) => BACKUP_FILE_PATTERN.test(n) && n.startsWith(backupFileName(atMs).replace(/\.json$/, '')));
  const highest = Math.max(0, ...sameSecond.map((n) => Number(/-\d{6}-(\d+)\.json$/.exec(n)?.[1] ?? 1)));
  const path = join(folder, backupFileName(atMs, highest));
  await writeFileAtomically(path, text);
  return path;
}

/** Deletes the oldest backups beyond `keep`; returns how many were deleted. */
export async function pruneBackups(folder: string, keep: number): Promise<number> {
  const old = (await listBackups(folder)).slice(Math.max(1, keep));
  for (const file of old) await unlink(file.path).catch(() => undefined);
  return old.length;
}

/** The bytes of the newest backup, or a not-found error saying what to do. */
export async function readLatestBackup(folder: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const [latest] = await listBackups(folder);
  if (!latest) throw new UserError('not-found', `There is no OTP Desk backup in ${folder}. Choose the folder your backups are in, or pick a backup file.`);
  return { fileName: latest.name, bytes: new Uint8Array(await readFile(latest.path)) };
}

/** A failed backup write as one line a user can act on (the folder and the system's error code, no content). */
export function describeBackupFailure(folder: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code ?? 'unknown error';
  const why: Record<string, string> = {
    ENOENT: 'the folder cannot be created there',
    ENOTDIR: 'part of the path is a file, not a folder',
    EACCES: 'OTP Desk is not allowed to write there',
    EPERM: 'OTP Desk is not allowed to write there',
    EROFS: 'the disk is read-only',
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
  };
  return `Automatic backup to ${folder} failed: ${why[code] ?? 'the file could not be written'} (${code}). Choose another folder in Backups, or fix the folder; OTP Desk keeps retrying.`;
}
