import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * Unit test files that change what other files would see: they mock modules, set or stub globals,
 * change the environment, fake timers or spy on shared objects. These keep a fresh module graph each; the rest
 * share their worker's modules (isolate: false), which cut tests/unit from 167 to 113 CPU-s and
 * 89 s to 61 s alone (the files' imports: 45.8 s to 15.7 s). Found by reading the files, so a new
 * test that mocks is isolated without anyone having to list it.
 */
const STATEFUL = new RegExp(
  [
    /\bvi\.(mock|doMock|unmock|stubGlobal|stubEnv|useFakeTimers|spyOn|resetModules)\(/.source,
    // A global assigned by hand (OpenCV's loader took a leftover `window` for a browser).
    /\(globalThis as [^;]*?\)\.\w+ = /.source,
    /@vitest-environment/.source,
  ].join('|'),
);
// Read from the project root whatever the working directory; named relative to it, as `include` is.
const root = fileURLToPath(new URL('.', import.meta.url));
const unitFiles = readdirSync(join(root, 'tests/unit'), { recursive: true, encoding: 'utf8' })
  .filter((f) => f.endsWith('.test.ts'))
  .map((f) => join('tests/unit', f).replaceAll('\\', '/'));
const isolatedUnitFiles = unitFiles.filter((f) => STATEFUL.test(readFileSync(join(root, f), 'utf8')));

// Unit tests run anywhere; integration tests need the Secret Service that scripts/test.mjs starts.
export default defineConfig({
  test: {
    environment: 'node',
    // npm test runs Playwright beside vitest on the same cores, where a test takes 2-3 times as
    // long as alone: the limit is for a hang, not a measure of speed.
    testTimeout: 60_000,
    // Password keys at a test cost in this process (the CLI's processes keep the real one): see the file.
    setupFiles: ['tests/support/fast-scrypt.ts'],
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine. Much of a
    // file's time is spent waiting (on the CLI, the keychain, Syncthing, child processes), so a third
    // worker fills the idle core time: measured in one tree, 245 s with 2 workers, 210 s with 3.
    maxWorkers: 3,
    projects: [
      {
        extends: true,
        // Worker threads start without a Node process of their own each: tests/unit took 60 s and
        // 114 CPU-s in threads against 69 s and 128 CPU-s in forks (measured back to back).
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], exclude: isolatedUnitFiles, pool: 'threads', isolate: false },
      },
      {
        extends: true,
        test: { name: 'unit-isolated', include: isolatedUnitFiles, pool: 'threads' },
      },
      {
        extends: true,
        // Forks: keytar's libsecret (GLib) registers its types once per process, and a second
        // worker thread loading it crashed the run with a segmentation fault.
        test: { name: 'integration', include: ['tests/integration/**/*.test.ts'], pool: 'forks' },
      },
    ],
  },
});
