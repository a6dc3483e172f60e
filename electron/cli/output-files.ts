import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, link, open, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UserError } from '../core/errors';
import { writeFailureReason } from '../core/write-failure';

/** One file a command is about to write. */
export interface OutputFile {
  readonly path: string;
  readonly data: string | Uint8Array;
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'error';
const exists = (path: string) =>
  new UserError(
    'io',
    `${path} already exists. Pass --force to replace it, or choose another --out path.`,
  );

/**
 * Checks an --out FILE before any work (and before a password prompt): its folder exists and
 * can be written, it is not a folder, and it does not exist unless `force`.
 */
export async function checkOutputPath(path: string, force: boolean): Promise<void> {
  const folder = dirname(path);
  const info = await stat(folder).catch(() => undefined);
  if (!info?.isDirectory())
    throw new UserError(
      'io',
      `The folder ${folder} does not exist. Create it first, or choose another --out path.`,
    );
  await access(folder, constants.W_OK).catch((error: unknown) => {
    throw new UserError(
      'io',
      `Cannot write to the folder ${folder}: ${writeFailureReason(code(error))}. Choose another --out path.`,
    );
  });
  const target = await stat(path).catch(() => undefined);
  if (target?.isDirectory())
    throw new UserError(
      'io',
      `${path} is a folder. Give a file name, e.g. --out ${join(path, 'otp-desk-export')}.`,
    );
  if (target && !force) throw exists(path);
}

async function writeTemp(file: OutputFile): Promise<string> {
  const temp = join(
    dirname(file.path),
    `.${basename(file.path)}.${randomBytes(6).toString('hex')}.tmp`,
  );
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(file.data);
    await handle.sync();
  } catch (error) {
    // A full disk fails mid-write: the half-written temp file must not stay behind.
    await handle.close();
    await unlink(temp).catch(() => {});
    throw error;
  }
  await handle.close();
  return temp;
}

/**
 * Writes files with owner-only permissions all or nothing: each goes to a temp file first,
 * then into place (a hard link, so an existing file is never replaced without `force`). On
 * any failure the temp files and the files already placed are removed.
 */
export async function writeOutputFiles(
  files: readonly OutputFile[],
  force: boolean,
): Promise<void> {
  const temps: string[] = [];
  const placed: string[] = [];
  let current = '';
  try {
    for (const file of files) {
      current = file.path;
      temps.push(await writeTemp(file));
    }
    for (const [i, file] of files.entries()) {
      current = file.path;
      if (force) await rename(temps[i]!, file.path);
      else await link(temps[i]!, file.path);
      placed.push(file.path);
    }
  } catch (error) {
    await Promise.all(
      [...temps, ...(force ? [] : placed)].map((path) => unlink(path).catch(() => {})),
    );
    if (code(error) === 'EEXIST') throw exists(current);
    throw new UserError(
      'io',
      `Cannot write ${current}: ${writeFailureReason(code(error))}. Nothing was written; free some space or choose another --out path.`,
    );
  }
  if (!force) await Promise.all(temps.map((path) => unlink(path).catch(() => {})));
}
