import fc from 'fast-check';
import { describe, it } from 'vitest';
import { writeAegisBackup } from '../../../electron/core/backup/backup';
import { formatMigrationUris } from '../../../electron/core/migration/migration';
import { FILE_IMPORTERS } from '../../../electron/core/importers/registry';
import { readFileWith } from '../../../electron/core/importers/import-reader';
import {
  ACCOUNT,
  corpusSeeds,
  fuzzParameters,
  fuzzTestTimeout,
  mutatedBytes,
  mutatedSeed,
  onlyUserErrors,
  text,
} from '../../support/fuzz';

/** Seeds every run has (so the fuzzing never skips), plus every export in the shared corpus. */
async function seeds(): Promise<Uint8Array[]> {
  return [
    text('otpauth://totp/Example:alice?secret=JBSWY3DPEHPK3PXP&issuer=Example\n'),
    text(`${formatMigrationUris([ACCOUNT]).uris[0]}\n`),
    text(
      await writeAegisBackup(
        [{ ...ACCOUNT, id: 'a', favorite: false, group: '', icon: null } as never],
        null,
      ),
    ),
    text(
      '<?xml version="1.0"?>\n<map>\n<string name="a">x</string>\n<int name="b" value="1"/>\n</map>\n',
    ),
    text(
      'name,secret,totp\nExample,JBSWY3DPEHPK3PXP,otpauth://totp/Example?secret=JBSWY3DPEHPK3PXP\n',
    ),
    ...corpusSeeds('aegis-importers', (path) => !path.endsWith('expected.json')),
    ...corpusSeeds('google-migration', (path) => !/\.(png|json)$/.test(path)),
  ];
}

/**
 * Every file importer's matches(), isEncrypted() and (where it matches) read() on mutated exports and
 * random bytes: a result or a UserError, never another exception or a hang. No password is given, so
 * no KDF runs here (the backup decryptor has its own target with a cheap scrypt cost).
 */
describe('fuzz: importers', () => {
  it(
    'matches / isEncrypted / read of every importer',
    { timeout: fuzzTestTimeout(30) },
    async () => {
      const all = await seeds();
      await fc.assert(
        fc.asyncProperty(mutatedBytes(all), async (bytes) => {
          const source = { fileName: 'fuzz.bin', bytes };
          for (const importer of FILE_IMPORTERS) {
            await onlyUserErrors(async () => {
              if (!importer.matches(source)) return;
              if (importer.isEncrypted(source)) return;
              await importer.read(source);
            });
          }
        }),
        fuzzParameters(),
      );
    },
  );

  it(
    'read() of the importer that wrote the seed, whether or not the damaged copy still matches',
    { timeout: fuzzTestTimeout(20) },
    async () => {
      const all = await seeds();
      const writers = all.map((bytes) =>
        FILE_IMPORTERS.filter((i) => i.matches({ fileName: 'seed', bytes })),
      );
      await fc.assert(
        fc.asyncProperty(mutatedSeed(all), async ({ seed, bytes }) => {
          for (const importer of writers[seed]!)
            await onlyUserErrors(() => importer.read({ fileName: 'fuzz.bin', bytes }));
        }),
        fuzzParameters(),
      );
    },
  );

  it(
    'detection and reading as the sandbox does it (findImporter, then read)',
    { timeout: fuzzTestTimeout(20) },
    async () => {
      const all = await seeds();
      const names = fc.constantFrom(
        'fuzz.bin',
        'export.json',
        'backup.aes',
        'tokens.xml',
        'accounts.txt',
        'db.sqlite',
        'a.zip',
        'x.csv',
        'x.2fas',
      );
      await fc.assert(
        fc.asyncProperty(mutatedBytes(all), names, (bytes, fileName) =>
          onlyUserErrors(() => readFileWith(FILE_IMPORTERS, { fileName, bytes })),
        ),
        fuzzParameters(),
      );
    },
  );
});
