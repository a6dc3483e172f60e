import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS } from './tests/e2e/chromium-args';

// e2e runs the real renderer build in Debian's Chromium through the loopback bridge;
// tests/electron drives the packaged app where an Electron binary exists.
export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  fullyParallel: true,
  workers: 2,
  retries: 0,
  // npm test runs vitest beside these on the same cores, where a step takes 2-3 times as long as
  // alone (the app's password change derives two scrypt keys): the limits are for hangs.
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ? [['list'], ['json']] : [['list']],
  outputDir: 'test-results',
  use: {
    launchOptions: {
      executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    },
    viewport: { width: 480, height: 720 },
    // Recording a trace for every test cost a quarter of the e2e CPU (measured: 29 s vs 22 s for
    // 22 tests); a failure still leaves its error context. `--trace retain-on-failure` when debugging.
    trace: 'off',
  },
});
