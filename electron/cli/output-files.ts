import { constants } from 'node:fs';
import { access, copyFile, link, rename, stat, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { UserError } from '../core/errors';
import { writeFailureReason } from '../core/write-failure';
import { syncFolder, tempPathBeside, writeTemp } from '../vault/atomic-write.node';

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

/** Moves an existing target aside (a hard link, or a copy where there are none) so a failed set can put it back. */
async function keepAside(path: string): Promise<string | undefined> {
  const kept = `${tempPathBeside(path)}.kept`;
  try {
    await link(path, kept);
  } catch (error) {
    if (code(error) === 'ENOENT') return undefined;
    await copyFile(path, kept, constants.COPYFILE_EXCL);
  }
  return kept;
}

/**
 * Writes files with owner-only permissions all or nothing: each goes to a temp file first,
 * then into place (a hard link, so an existing file is never replaced without `force`; with
 * `force`, what it replaces is kept aside until the whole set is in). On any failure the temp
 * files and the files already placed are removed, and replaced files come back.
 */
export async function writeOutputFiles(
  files: readonly OutputFile[],
  force: boolean,
): Promise<void> {
  const temps: string[] = [];
  const placed: { path: string; kept: string | undefined }[] = [];
  let current = '';
  try {
    for (const file of files) {
      current = file.path;
      const temp = tempPathBeside(file.path);
      await writeTemp(temp, file.data);
      temps.push(temp);
    }
    for (const [i, file] of files.entries()) {
      current = file.path;
      if (force) {
        const kept = await keepAside(file.path);
        placed.push({ path: file.path, kept });
        await rename(temps[i]!, file.path);
      } else {
        await link(temps[i]!, file.path);
        placed.push({ path: file.path, kept: undefined });
      }
    }
  } catch (error) {
    await Promise.all(temps.map((path) => unlink(path).catch(() => {})));
    for (const { path, kept } of placed.reverse()) {
      if (kept) await rename(kept, path).catch(() => {});
      else await unlink(path).catch(() => {});
    }
    if (code(error) === 'EEXIST') throw exists(current);
    throw new UserError(
      'io',
      `Cannot write ${current}: ${writeFailureReason(code(error))}. Nothing was written; free some space or choose another --out path.`,
    );
  }
  const leftovers = [...temps, ...placed.flatMap(({ kept }) => (kept ? [kept] : []))];
  await Promise.all(leftovers.map((path) => unlink(path).catch(() => {})));
  for (const folder of new Set(files.map((file) => dirname(file.path)))) await syncFolder(folder);
}
