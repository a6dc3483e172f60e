import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, hasKeychain, KEYCHAIN_SKIP_REASON, tempVault } from '../support/cli';

// `otp-desk import` parses in its sandbox's child process; its own process, which holds the vault
// key, must not even load a parser's library. The importers once came in through a static import
// (ImportService -> import-reader -> every importer): protobuf, fflate and the post-quantum age
// code ran in the CLI's process on every import.
const PARSER_LIBRARIES =
  /node_modules[\\/](@bufbuild[\\/]protobuf|fflate|sql\.js|kdbxweb|jsqr|age-encryption|@noble[\\/]post-quantum)[\\/]/;

describe.skipIf(!hasKeychain)(
  `the CLI's own process during an import${hasKeychain ? '' : ` (${KEYCHAIN_SKIP_REASON})`}`,
  () => {
    it('loads no parser library while a Google Authenticator transfer file is read in the sandbox and imported', () => {
      const scratch = mkdtempSync(join(tmpdir(), 'otp-desk-parsers-'));
      const hook = join(scratch, 'loaded.cjs');
      const log = join(scratch, 'loaded.json');
      writeFileSync(
        hook,
        `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(log)}, JSON.stringify(Object.keys(require.cache))));\n`,
      );
      const file = join(scratch, 'transfer.txt');
      writeFileSync(
        file,
        readFileSync(
          join(__dirname, '../fixtures/corpus/google-migration/example_export_only_totp.txt'),
        ),
      );
      const vault = tempVault();
      // The sandbox's child starts with an empty environment, so the hook sees the CLI's process only.
      const result = spawnSync(process.execPath, [CLI, '--vault', vault, 'import', file], {
        encoding: 'utf8',
        env: { ...process.env, NODE_OPTIONS: `--require ${hook}` },
      });
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/imported \d+/i);
      const loaded = JSON.parse(readFileSync(log, 'utf8')) as string[];
      // The hook saw the CLI's own loads (the keychain module it opened the vault with).
      expect(loaded.some((path) => /node_modules[\\/]keytar[\\/]/.test(path))).toBe(true);
      expect(loaded.filter((path) => PARSER_LIBRARIES.test(path))).toEqual([]);
    });
  },
);
