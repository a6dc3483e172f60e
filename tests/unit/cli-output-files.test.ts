import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkOutputPath, writeOutputFiles } from '../../electron/cli/output-files';
import { OWNER_ONLY_MODE } from '../support/cli';

// Exports appear whole or not at all, and never replace a file unless asked to.

const folder = () => mkdtempSync(join(tmpdir(), 'otp-desk-out-'));

describe('CLI output files', () => {
  it('writes owner-only files and leaves no temp file behind', async () => {
    const dir = folder();
    await writeOutputFiles(
      [
        { path: join(dir, 'a.txt'), data: 'hello' },
        { path: join(dir, 'b.bin'), data: new Uint8Array([1, 2, 3]) },
      ],
      false,
    );
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'b.bin']);
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('hello');
    expect(statSync(join(dir, 'b.bin')).mode & 0o777).toBe(OWNER_ONLY_MODE);
  });

  it('when one file of a set cannot be placed, none of them stays', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'taken.png'), 'old');
    await expect(
      writeOutputFiles(
        [
          { path: join(dir, 'first.png'), data: 'new' },
          { path: join(dir, 'taken.png'), data: 'new' },
        ],
        false,
      ),
    ).rejects.toMatchObject({
      kind: 'io',
      message: expect.stringMatching(/taken\.png already exists\. Pass --force/),
    });
    expect(readdirSync(dir)).toEqual(['taken.png']);
    expect(readFileSync(join(dir, 'taken.png'), 'utf8')).toBe('old');
  });

  it('a folder that does not exist is an error before anything is written', async () => {
    const dir = folder();
    await expect(
      writeOutputFiles(
        [
          { path: join(dir, 'ok.txt'), data: 'x' },
          { path: join(dir, 'missing', 'b.txt'), data: 'x' },
        ],
        false,
      ),
    ).rejects.toMatchObject({ kind: 'io' });
    expect(readdirSync(dir)).toEqual([]);
    await expect(checkOutputPath(join(dir, 'missing', 'b.txt'), false)).rejects.toThrow(
      /does not exist/,
    );
  });

  it('--force replaces an existing file; without it the check refuses first', async () => {
    const dir = folder();
    const path = join(dir, 'export.json');
    writeFileSync(path, 'old');
    await expect(checkOutputPath(path, false)).rejects.toThrow(/already exists/);
    await checkOutputPath(path, true);
    await writeOutputFiles([{ path, data: 'new' }], true);
    expect(readFileSync(path, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['export.json']);
  });

  it('--force with one target that cannot be replaced leaves every old file as it was', async () => {
    const dir = folder();
    writeFileSync(join(dir, 'a.png'), 'old a');
    writeFileSync(join(dir, 'c.png'), 'old c');
    mkdirSync(join(dir, 'b.png')); // a folder in the way: no file can be renamed over it
    await expect(
      writeOutputFiles(
        ['a.png', 'b.png', 'c.png'].map((name) => ({ path: join(dir, name), data: 'new' })),
        true,
      ),
    ).rejects.toMatchObject({
      kind: 'io',
      message: expect.stringMatching(/Cannot write .*b\.png/),
    });
    expect(readdirSync(dir).sort()).toEqual(['a.png', 'b.png', 'c.png']);
    expect(readFileSync(join(dir, 'a.png'), 'utf8')).toBe('old a');
    expect(readFileSync(join(dir, 'c.png'), 'utf8')).toBe('old c');
  });
});
