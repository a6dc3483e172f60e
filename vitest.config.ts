import { defineConfig } from 'vitest/config';

// Unit tests run anywhere; integration tests need the Secret Service that scripts/test.mjs starts.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
  },
});
