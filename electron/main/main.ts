import { app, BrowserWindow, clipboard, Menu } from 'electron';
import { join } from 'node:path';
import { ServiceHost } from '../adapters/service-host';
import { ImportSandbox } from '../sandbox/import-sandbox.node';
import { ClipboardGuard } from '../clipboard-access';
import { KeytarKeyStore } from '../vault/keychain-keytar.node';
import { RENDERER_URL } from './app-protocol';
import { registerAppScheme, serveRenderer } from './app-protocol-setup';
import { DesktopShell } from './desktop/desktop-shell';
import { wasOpenedAtLogin } from './desktop/launch-at-login';
import { startsHidden } from './desktop/login-item';
import { linksFromArgv } from './desktop/otp-links';
import { listenForMacLinks, registerLinkSchemes } from './desktop/protocol-links';
import { parseSmokeArgs } from './desktop/smoke-args';
import { runSmokeTest } from './desktop/smoke-test';
import { exposeTestHooks } from './desktop/test-hooks';
import { forbiddenDebugSwitch, minimalMenu } from './hardening';
import { setupBrowserFill } from './browser-fill';
import { setupIpc } from './ipc';
import { setupLockTriggers } from './lock-triggers';
import { setupContentProtection } from './privacy';
import { setupSecurityPolicy } from './security';
import { touchIdAuth } from './touch-id';
import { createMainWindow } from './window';

// Main is assembled from small setup steps, run in order once Electron is ready.
const distDir = join(__dirname, '..');
const rendererDir = join(distDir, 'renderer');
let shell: DesktopShell | undefined;
// Links the OS hands over before the shell exists (macOS open-url at launch, argv elsewhere).
const earlyLinks: string[] = linksFromArgv(process.argv);

/** Main's clipboard copies codes and keys and clears them after the set delay and on quit. */
function newClipboardGuard(): ClipboardGuard {
  return new ClipboardGuard({
    readText: () => clipboard.readText(),
    clear: () => clipboard.clear(),
    writeText: (text) => clipboard.writeText(text),
  });
}

async function onReady(): Promise<void> {
  setupSecurityPolicy();
  serveRenderer(rendererDir);
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(minimalMenu(process.platform) as Electron.MenuItemConstructorOptions[]),
  );
  const vaultDir = process.env['OTP_DESK_VAULT'] ?? join(app.getPath('userData'), 'vault');
  const host = new ServiceHost(vaultDir, new KeytarKeyStore(), new ImportSandbox());
  host.setSystemAuth(touchIdAuth());
  await host.start();
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
  app.on('before-quit', () => {
    void clipboardGuard.clearNow();
    host.close();
  });
}

// A separate profile (tests, a second copy of the app); the single-instance lock is per profile.
if (process.env['OTP_DESK_USER_DATA']) app.setPath('userData', process.env['OTP_DESK_USER_DATA']);

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
  void app.whenReady().then(() => {
    setupSecurityPolicy();
    serveRenderer(rendererDir);
    return runSmokeTest(smoke.vaultDir, (host) => {
      setupIpc(host, newClipboardGuard());
      return createMainWindow(distDir);
    });
  });
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
  void app.whenReady().then(onReady);
}
