/**
 * Playwright's own --disable-features list (playwright-core's chromiumSwitches): Chromium reads only
 * the last --disable-features on its command line, so adding to it means repeating this.
 */
const PLAYWRIGHT_DISABLED_FEATURES = ['AvoidUnnecessaryBeforeUnloadCheckSync', 'DestroyProfileOnBrowserClose', 'HttpsUpgrades', 'HttpsFirstBalancedModeAutoEnable', 'LensOverlay', 'MediaRouter', 'PaintHolding', 'ThirdPartyStoragePartitioning', 'AvoidCorsURLLoaderRestartOnRedirect', 'TcpPortRandomizationWin', 'OptimizationHints', 'NetworkTimeServiceQuerying', 'AimEnabled', 'PreconnectToSearch'];

/**
 * How the e2e tests and the UI bench start Debian's Chromium (new headless, no GPU here). New
 * headless is the full browser: every new context opens a window whose omnibox popup, a WebUI page,
 * loads in a renderer of its own; that was half the renderer CPU of opening a page (10 contexts with
 * a data: page: 9.0 -> 5.4 CPU-seconds) and ran beside the app in the bench's idle figure. Neither
 * the tests nor the app (an Electron window has no address bar) use it. --process-per-site lets a
 * test's page join the renderer of its worker's shared context (tests/e2e/fixtures.ts).
 * SpareRendererForSitePerProcess: Chromium starts a spare renderer after each navigation for the
 * next one, which a test whose page joins the shared renderer never uses: 43 renderer processes
 * for the 22 tests of manage, codes and screens, 31 without it (75.9 -> 72.3 CPU-seconds).
 */
export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--process-per-site', `--disable-features=${[...PLAYWRIGHT_DISABLED_FEATURES, 'WebUIOmniboxPopup', 'PreloadTopChromeWebUI', 'SpareRendererForSitePerProcess'].join(',')}`];
