import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, rmdir, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../core/errors';
import { writeFailureReason } from '../core/write-failure';

const RETRY_MS = 10;

/**
 * The lock is a folder (`vault.json.lock`) holding one file named after its owner,
 * `owner-PID-TOKEN`. Why a folder: every step is an atomic operation on one exact name, so no
 * process can remove a lock it did not inspect.
 * - Take: build `.vault.json.lock-PID-TOKEN/owner-PID-TOKEN`, then rename it onto the lock
 *   name. The rename fails while the lock folder holds an owner; it succeeds for exactly one
 *   process when the lock is free (absent or empty).
 * - Take over: a waiter that finds an owner whose process is gone unlinks *that owner's file by
 *   its unique name*. A live owner's file is never touched, and an owner that has already been
 *   replaced is simply not there any more (ENOENT). The empty folder left behind is free.
 * - Release: the owner unlinks its own file, then removes the folder only if it is empty.
 */
const OWNER = /^owner-(\d+)-[0-9a-f]+$/;

/** True while `pid` names a running process (EPERM: running, but not ours). */
export function processAlive(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const code = (error: unknown) => (error as NodeJS.ErrnoException)?.code;

/** Hooks for tests: called when this process removed a dead owner's file. */
export interface LockEvents {
  readonly onTakeover?: (ownerFile: string) => void;
}

/** Removes owners whose process is gone; returns true when the lock may now be free. */
async function removeDeadOwners(lock: string, events: LockEvents): Promise<boolean> {
  let entries: string[];
  try {
    entries = await readdir(lock);
  } catch (error) {
    if (code(error) === 'ENOENT') return true;
    if (code(error) === 'ENOTDIR') return removeLegacyLockFile(lock);
    throw error;
  }
  let freed = entries.length === 0;
  for (const entry of entries) {
    const pid = Number(OWNER.exec(entry)?.[1]);
    if (processAlive(pid)) continue;
    // The exact file inspected, by its unique name: if another waiter got there first, ENOENT.
    const removed = await unlink(join(lock, entry)).then(
      () => true,
      (error: unknown) => {
        if (code(error) !== 'ENOENT') throw error;
        return false;
      },
    );
    if (removed) events.onTakeover?.(join(lock, entry));
    freed = true;
  }
  // An empty folder is a free lock; on Windows a rename can't replace it, so remove it (fails harmlessly once it has an owner).
  if (freed) await rmdir(lock).catch(() => undefined);
  return freed;
}

/** A lock file from OTP Desk before 0.2 ("PID TIME"): removed once its process is gone. */
async function removeLegacyLockFile(lock: string): Promise<boolean> {
  const pid = Number((await readFile(lock, 'utf8').catch(() => '')).split(' ')[0]);
  if (processAlive(pid)) return false;
  await unlink(lock).catch(() => undefined);
  return true;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Deletes what a killed writer can leave: its staging folder and its temp vault (and .bak) file. */
async function sweepLeftovers(lock: string): Promise<void> {
  const folder = dirname(lock);
  const stem = basename(lock).replace(/\.lock$/, '');
  const staging = new RegExp(`^\\.${escapeRegExp(basename(lock))}-(\\d+)-[0-9a-f]+$`);
  const temp = new RegExp(`^${escapeRegExp(stem)}(?:\\.bak)?\\.tmp-(\\d+)$`);
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    const pid = Number(staging.exec(name)?.[1] ?? temp.exec(name)?.[1]);
    if (pid && pid !== process.pid && !processAlive(pid))
      await rm(join(folder, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

async function acquire(lock: string, timeoutMs: number, events: LockEvents): Promise<string> {
  const token = `${process.pid}-${randomBytes(8).toString('hex')}`;
  const staging = join(dirname(lock), `.${basename(lock)}-${token}`);
  const owner = `owner-${token}`;
  const deadline = Date.now() + timeoutMs;
  try {
    await mkdir(staging, { mode: 0o700 });
    await writeFile(join(staging, owner), new Date().toISOString());
    for (;;) {
      try {
        await rename(staging, lock);
        return join(lock, owner);
      } catch (error) {
        if (
          !['ENOTEMPTY', 'EEXIST', 'EPERM', 'EACCES', 'ENOTDIR', 'EISDIR'].includes(
            code(error) ?? '',
          )
        )
          throw error;
      }
      if (await removeDeadOwners(lock, events)) continue;
      if (Date.now() > deadline) {
        throw new UserError(
          'busy',
          `Another OTP Desk process is saving the vault. Wait a moment and try again (if no OTP Desk is running, delete the folder ${lock}).`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, RETRY_MS + Math.random() * RETRY_MS));
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
}

async function release(ownerFile: string): Promise<void> {
  await unlink(ownerFile).catch(() => undefined);
  await rmdir(dirname(ownerFile)).catch(() => undefined);
}

/**
 * Runs `work` holding the vault's lock, so the app and the CLI never write the vault at the
 * same time. A lock whose owner process is gone (killed, crashed) is taken over; a live
 * owner's lock is never removed, however long it is held.
 */
export async function withFileLock<T>(
  lock: string,
  work: () => Promise<T>,
  timeoutMs = 10_000,
  events: LockEvents = {},
): Promise<T> {
  const ownerFile = await acquire(lock, timeoutMs, events).catch((error: unknown) => {
    if (error instanceof UserError) throw error;
    throw new UserError(
      'io',
      `Cannot save the vault in ${dirname(lock)}: ${writeFailureReason(code(error))}. Free some space or fix the folder's permissions and try again; nothing was changed.`,
    );
  });
  try {
    await sweepLeftovers(lock);
    return await work();
  } finally {
    await release(ownerFile);
  }
}
