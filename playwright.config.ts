import { defineConfig } from '@playwright/test';

// Chromium reads only the last --disable-features, so this list repeats the one Playwright passes
// (playwright-core's chromiumSwitches) and adds to it. New headless is the full browser: each new
// context opens a window whose omnibox popup (a WebUI page) loads in a renderer of its own, which
// was half of the renderer CPU of a test (measured: 10 contexts with a data: page, 9.0 -> 5.4
// renderer CPU-seconds). The tests never use the address bar.
const playwrightDisabledFeatures = ['AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch'];
const disabledFeatures = [...playwrightDisabledFeatures, 'WebUIOmniboxPopup', 'PreloadTopChromeWebUI'];

// e2e runs the real renderer build in Debian's Chromium through the loopback bridge;
// tests/electron drives the packaged app where an Electron binary exists.
export default defineConfig({
  testDir: 'tests',
  testMatch: ['e2e/**/*.spec.ts', 'electron/**/*.spec.ts'],
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: process.env['PLAYWRIGHT_JSON_OUTPUT_NAME'] ? [['list'], ['json']] : [['list']],
  outputDir: 'test-results',
  use: {
    launchOptions: {
      executablePath: process.env['CHROME_PATH'] ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--disable-features=${disabledFeatures.join(',')}`],
    },
    viewport: { width: 480, height: 720 },
    // Recording a trace for every test cost a quarter of the e2e CPU (measured: 29 s vs 22 s for
    // 22 tests); a failure still leaves its error context. `--trace retain-on-failure` when debugging.
    trace: 'off',
  },
});
