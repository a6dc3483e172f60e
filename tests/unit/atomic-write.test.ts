import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  nodeWriteFs,
  writeFileAtomically,
  type WriteFs,
} from '../../electron/vault/atomic-write.node';

// One commit rule for the vault, backups and exports: once the rename succeeded the write has
// happened. Windows can't fsync a folder (EPERM), so that step may fail without undoing or
// reporting the write.

const folder = () => mkdtempSync(join(tmpdir(), 'otp-desk-atomic-'));
const errno = (code: string) => Object.assign(new Error(`${code}: injected`), { code });

/** The real file system, except that syncing (or opening) a folder fails the way Windows does. */
function folderSyncFails(code: string, at: 'open' | 'sync'): WriteFs {
  return {
    ...nodeWriteFs,
    open: (async (path: string, flags?: string, mode?: number) => {
      if (!statSync(path, { throwIfNoEntry: false })?.isDirectory())
        return fsp.open(path, flags, mode);
      if (at === 'open') throw errno(code);
      const handle = await fsp.open(path, flags, mode);
      return Object.assign(Object.create(handle) as fsp.FileHandle, {
        sync: () => Promise.reject(errno(code)),
        close: () => handle.close(),
      });
    }) as WriteFs['open'],
  };
}

describe('atomic writes', () => {
  it.each([
    ['EPERM', 'sync'],
    ['EISDIR', 'open'],
    ['EINVAL', 'sync'],
    ['EIO', 'sync'],
  ] as const)(
    'a folder fsync failing with %s after the rename neither fails nor undoes the write',
    async (code, at) => {
      const dir = folder();
      const path = join(dir, 'vault.json');
      writeFileSync(path, 'old');
      await expect(
        writeFileAtomically(path, 'new', { fs: folderSyncFails(code, at) }),
      ).resolves.toBeUndefined();
      expect(readFileSync(path, 'utf8')).toBe('new');
      expect(readdirSync(dir)).toEqual(['vault.json']);
    },
  );

  it('writes owner-only files', async () => {
    const path = join(folder(), 'backup.json');
    await writeFileAtomically(path, 'x');
    // Windows has no POSIX permission bits (Node reports a writable file as 0o666 there).
    expect(statSync(path).mode & 0o777).toBe(process.platform === 'win32' ? 0o666 : 0o600);
    expect(readFileSync(path, 'utf8')).toBe('x');
  });

  it('a failing rename is reported, leaves the old file and no temp file', async () => {
    const dir = folder();
    const path = join(dir, 'vault.json');
    writeFileSync(path, 'old');
    const fs: WriteFs = { ...nodeWriteFs, rename: () => Promise.reject(errno('EACCES')) };
    await expect(writeFileAtomically(path, 'new', { fs })).rejects.toMatchObject({
      code: 'EACCES',
    });
    expect(readFileSync(path, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['vault.json']);
  });
});
