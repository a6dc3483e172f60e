import { defineConfig } from 'vitest/config';

// Unit tests run anywhere; integration tests need the Secret Service that scripts/test.mjs starts.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // Password keys at a test cost in this process (the CLI's processes keep the real one): see the file.
    setupFiles: ['tests/support/fast-scrypt.ts'],
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine. Much of a
    // file's time is spent waiting (on the CLI, the keychain, Syncthing, child processes), so a third
    // worker fills the idle core time: measured in one tree, 245 s with 2 workers, 210 s with 3.
    maxWorkers: 3,
  },
});
