import { defineConfig } from 'vitest/config';

// Unit tests run anywhere; integration tests need the Secret Service that scripts/test.mjs starts.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one worker on a 2-core machine, where
    // most of the time goes to waiting on the CLI, scrypt and child processes. Measured: 405 s of
    // files run one after another in a fresh clone's npm test.
    maxWorkers: 2,
  },
});
