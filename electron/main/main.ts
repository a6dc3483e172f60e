import { app, BrowserWindow, clipboard, dialog, Menu } from 'electron';
import { join } from 'node:path';
import { ServiceHost } from '../adapters/service-host';
import { ClipboardGuard } from '../clipboard-access';
import { KeytarKeyStore } from '../vault/keychain-keytar.node';
import { RENDERER_URL } from './app-protocol';
import { setupClipboardClearing } from './clipboard-clearing';
import { registerAppScheme, serveRenderer } from './app-protocol-setup';
import { DesktopShell } from './desktop/desktop-shell';
import { wasOpenedAtLogin } from './desktop/launch-at-login';
import { startsHidden } from './desktop/login-item';
import { isWaylandSession, WAYLAND_SHORTCUT_FEATURE } from './desktop/linux-desktop';
import { linksFromArgv } from './desktop/otp-links';
import { listenForMacLinks, registerLinkSchemes } from './desktop/protocol-links';
import { parseSmokeArgs } from './desktop/smoke-args';
import { collectConsoleErrors, desktopSmokeChecks } from './desktop/smoke-checks';
import { runSmokeTest } from './desktop/smoke-test';
import { exposeTestHooks } from './desktop/test-hooks';
import { forbiddenDebugSwitch, minimalMenu } from './hardening';
import { setupBrowserFill } from './browser-fill';
import { setupIpc } from './ipc';
import { setupLockTriggers } from './lock-triggers';
import { setupContentProtection } from './privacy';
import { setupSecurityPolicy } from './security';
import { APP_USER_MODEL_ID, developmentProfile, failStartup } from './startup';
import { touchIdAuth } from './touch-id';
import { createMainWindow } from './window';
import { electronImportSandbox } from './import-utility-process';

// Main is assembled from small setup steps, run in order once Electron is ready.
const distDir = join(__dirname, '..');
const rendererDir = join(distDir, 'renderer');
let shell: DesktopShell | undefined;
// Links the OS hands over before the shell exists (macOS open-url at launch, argv elsewhere).
const earlyLinks: string[] = linksFromArgv(process.argv);

/** Main's clipboard copies codes and keys and clears them after the set delay, on lock and on quit. */
function newClipboardGuard(): ClipboardGuard {
  return new ClipboardGuard({
    readText: () => clipboard.readText(),
    clear: () => clipboard.clear(),
    writeText: (text) => clipboard.writeText(text),
  });
}

/** What onReady started, for the smoke test. */
interface ReadyApp {
  readonly window: BrowserWindow;
  readonly shell: DesktopShell;
  readonly clipboardGuard: ClipboardGuard;
}

/** `smokeHost`: the smoke test's throwaway vault, already open, instead of the user's. */
async function onReady(smokeHost?: ServiceHost): Promise<ReadyApp> {
  setupSecurityPolicy();
  serveRenderer(rendererDir);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(minimalMenu(process.platform) as Electron.MenuItemConstructorOptions[]),
  );
  const vaultDir = process.env['OTP_DESK_VAULT'] ?? join(app.getPath('userData'), 'vault');
  const host = smokeHost ?? new ServiceHost(vaultDir, new KeytarKeyStore(), electronImportSandbox());
  if (!smokeHost) {
    host.setSystemAuth(touchIdAuth());
    await host.start();
  }
  const clipboardGuard = newClipboardGuard();
  // The tray, its quick-copy panel (the same page with ?panel=quick), the shortcut, links, menus.
  shell = new DesktopShell(
    host,
    distDir,
    () => createMainWindow(distDir),
    (window, query) => window.loadURL(`${RENDERER_URL}?${new URLSearchParams(query).toString()}`),
  );
  const browserFill = await setupBrowserFill(host, distDir, () => shell!.showMainWindow());
  setupIpc(host, clipboardGuard, shell.platform(), browserFill);
  setupLockTriggers(host);
  setupContentProtection(host);
  if (app.isPackaged) registerLinkSchemes();
  for (const link of earlyLinks.splice(0)) shell.openLink(link);
  shell.start(startsHidden(process.argv, wasOpenedAtLogin()) && shell.inbox.size === 0);
  exposeTestHooks(shell);
  app.on('activate', () => shell?.showMainWindow());
  setupClipboardClearing(app, host, clipboardGuard);
  return { window: shell.showMainWindow(), shell, clipboardGuard };
}

// A separate profile (tests, a second copy of the app); the single-instance lock is per profile.
if (process.env['OTP_DESK_USER_DATA']) app.setPath('userData', process.env['OTP_DESK_USER_DATA']);
const devProfile = developmentProfile(app.isPackaged, process.env, app.getPath('appData'));
if (devProfile) app.setPath('userData', devProfile);
if (process.platform === 'win32') app.setAppUserModelId(APP_USER_MODEL_ID);
// Wayland has no global key grabs; Chromium asks the desktop's portal instead when this is on.
if (process.platform === 'linux' && isWaylandSession(process.env))
  app.commandLine.appendSwitch('enable-features', WAYLAND_SHORTCUT_FEATURE);

const smoke = parseSmokeArgs(process.argv);
const debugSwitch = forbiddenDebugSwitch(process.argv);
if (app.isPackaged && debugSwitch) {
  // A packaged OTP Desk never runs under a debugger: it would expose every secret in main.
  console.error(`OTP Desk does not run with ${debugSwitch}.`);
  app.exit(1);
} else if (smoke.kind === 'usage') {
  console.error(smoke.message);
  app.exit(2);
} else if (smoke.kind === 'run') {
  // A throwaway profile beside the vault: no single-instance clash with a running OTP Desk, no window state touched.
  app.setPath('userData', join(smoke.vaultDir, 'profile'));
  registerAppScheme();
  // Before any page exists, so the first page's errors count too.
  const rendererErrors = collectConsoleErrors(app);
  void app.whenReady().then(() =>
    // Through onReady, as a user's start goes: tray, shortcut, menus, panel, clipboard.
    runSmokeTest(smoke.vaultDir, async (host) => {
      const ready = await onReady(host);
      const desktop = { ...ready, readClipboard: () => clipboard.readText() };
      return {
        window: ready.window,
        rendererErrors,
        checks: (link, code) => desktopSmokeChecks(desktop, link, code),
      };
    }),
  );
} else if (!app.requestSingleInstanceLock()) {
  // The running OTP Desk gets this process's argv (a link, usually) through 'second-instance'.
  app.quit();
} else {
  registerAppScheme();
  listenForMacLinks((url) => (shell ? shell.openLink(url) : earlyLinks.push(url)));
  app.on('second-instance', (_event, argv) => {
    if (shell) return shell.onSecondInstance(argv);
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (shell) shell.onAllWindowsClosed();
    else if (process.platform !== 'darwin') app.quit();
  });
  void app
    .whenReady()
    .then(() => onReady())
    .catch((error: unknown) => failStartup(error, app, dialog));
}
