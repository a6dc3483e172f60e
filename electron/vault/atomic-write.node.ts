import { randomBytes } from 'node:crypto';
import * as fsp from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * The one rule every OTP Desk write (vault, backups, exports) commits by: data goes to a temp
 * file beside the target, is fsynced, and is renamed over the target. Once the rename succeeds,
 * the write has happened: nothing after it may undo it or report it as failed.
 */

/** The file-system calls an atomic write makes; tests inject failures through it. */
export interface WriteFs {
  readonly open: typeof fsp.open;
  readonly rename: typeof fsp.rename;
  readonly unlink: typeof fsp.unlink;
}

export const nodeWriteFs: WriteFs = { open: fsp.open, rename: fsp.rename, unlink: fsp.unlink };

/** A temp name beside `path`, hidden and random, so a half-written file never looks like a real one. */
export const tempPathBeside = (path: string) =>
  join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);

/**
 * Writes `data` to `temp` (created with `mode`, fsynced, closed); a failure removes the temp
 * file (a full disk fails mid-write) and is thrown as the system's error.
 */
export async function writeTemp(
  temp: string,
  data: string | Uint8Array,
  mode = 0o600,
  fs: WriteFs = nodeWriteFs,
): Promise<void> {
  const handle = await fs.open(temp, 'wx', mode);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await handle.close();
}

/**
 * Flushes a folder's entries (a rename) to disk where the OS can. It never fails: Windows can't
 * fsync a directory handle (EPERM; EISDIR or EINVAL on some file systems), and by the time this
 * runs the rename has happened, so an error here must neither undo the write nor report it.
 * https://github.com/nodejs/node/issues/5269
 */
export async function syncFolder(dir: string, fs: WriteFs = nodeWriteFs): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // Not possible here (see above); the data itself was fsynced before the rename.
  }
}

/** Renames `temp` over `path` (removing `temp` if the rename fails), then syncs the folder; after the rename the write has happened. */
export async function commitTemp(
  temp: string,
  path: string,
  fs: WriteFs = nodeWriteFs,
): Promise<void> {
  try {
    await fs.rename(temp, path);
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await syncFolder(dirname(path), fs);
}

export interface AtomicWriteOptions {
  /** Permissions of the new file: owner-only unless said otherwise. */
  readonly mode?: number;
  /** The temp file's path (default: a random hidden name beside `path`). */
  readonly temp?: string;
  /** Runs after the data is safely on disk and before it replaces `path` (the vault keeps its previous file here). */
  readonly beforeCommit?: () => Promise<void>;
  readonly fs?: WriteFs;
}

/**
 * Replaces `path` with `data` atomically: a crash leaves the old file or the new one, whole.
 * Throws the system's error only when the write did not happen (nothing of it is left behind).
 */
export async function writeFileAtomically(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const fs = options.fs ?? nodeWriteFs;
  const temp = options.temp ?? tempPathBeside(path);
  if (options.temp) await fs.unlink(temp).catch(() => undefined);
  await writeTemp(temp, data, options.mode ?? 0o600, fs);
  try {
    await options.beforeCommit?.();
  } catch (error) {
    await fs.unlink(temp).catch(() => undefined);
    throw error;
  }
  await commitTemp(temp, path, fs);
}
