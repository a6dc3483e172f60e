import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * electron/core is grouped by domain and its imports run one way (README › Architecture).
 * A folder that imports from a folder importing it back makes the layers meaningless, so
 * this reads every import in core and checks the folder graph against the documented order.
 */
const CORE = resolve(__dirname, '../../electron/core');

/** Lower layers first; a folder may import only from folders earlier in this list (or itself). */
const LAYERS = [
  '.',
  'limits',
  'password',
  'otp',
  'sync',
  'qr',
  'format',
  'age',
  'migration',
  'backup',
  'exporters',
  'importers',
];

/** The top of core holds only what every domain shares; past this, group files into a folder. */
const MAX_LOOSE_FILES = 6;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const folderOf = (file: string) => relative(CORE, dirname(file)).split('/')[0] || '.';

/** Every relative import of core's files, as [importing folder, imported folder, file, specifier]. */
function coreImports(): [string, string, string, string][] {
  return sourceFiles(CORE).flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const specifiers = [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map(
      (m) => m[1]!,
    );
    return specifiers
      .map((spec) => resolve(dirname(file), spec))
      .filter((target) => target.startsWith(CORE + '/'))
      .map(
        (target, i) =>
          [folderOf(file), folderOf(target + '.ts'), relative(CORE, file), specifiers[i]!] as [
            string,
            string,
            string,
            string,
          ],
      );
  });
}

describe('electron/core layering', () => {
  it('every folder of core is placed in the documented order', () => {
    const folders = readdirSync(CORE).filter((name) => statSync(join(CORE, name)).isDirectory());
    expect(folders.filter((folder) => !LAYERS.includes(folder))).toEqual([]);
  });

  it('keeps at most 6 loose files at the top, so new code goes into a domain folder', () => {
    const loose = readdirSync(CORE).filter((name) => !statSync(join(CORE, name)).isDirectory());
    expect(loose.length, loose.join(', ')).toBeLessThanOrEqual(MAX_LOOSE_FILES);
  });

  it('no import runs upward, so no folder imports from a folder that imports it back', () => {
    const imports = coreImports();
    expect(imports.length).toBeGreaterThan(100);
    const upward = imports
      .filter(([from, to]) => LAYERS.indexOf(to) > LAYERS.indexOf(from))
      .map(([from, to, file, spec]) => `${file} (${from}) imports ${spec} (${to})`);
    expect(upward).toEqual([]);
  });
});
