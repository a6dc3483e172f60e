import { app, BrowserWindow, clipboard, Menu } from 'electron';
import { join } from 'node:path';
import { ServiceHost } from '../adapters/service-host';
import { ImportSandbox } from '../sandbox/import-sandbox.node';
import { ClipboardGuard } from '../clipboard-access';
import { KeytarKeyStore } from '../vault/keychain-keytar.node';
import { registerAppScheme, serveRenderer } from './app-protocol-setup';
import { forbiddenDebugSwitch, minimalMenu } from './hardening';
import { setupIpc } from './ipc';
import { setupLockTriggers } from './lock-triggers';
import { setupContentProtection } from './privacy';
import { setupSecurityPolicy } from './security';
import { touchIdAuth } from './touch-id';
import { createMainWindow } from './window';

// Main is assembled from small setup steps, run in order once Electron is ready.
const distDir = join(__dirname, '..');
const rendererDir = join(distDir, 'renderer');

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
  // Main's clipboard copies codes and keys and clears them after the set delay and on quit.
  const clipboardGuard = new ClipboardGuard({
    readText: () => clipboard.readText(),
    clear: () => clipboard.clear(),
    writeText: (text) => clipboard.writeText(text),
  });
  setupIpc(host, clipboardGuard);
  setupLockTriggers(host);
  setupContentProtection(host);
  createMainWindow(distDir);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(distDir);
  });
  app.on('before-quit', () => {
    void clipboardGuard.clearNow();
    host.close();
  });
}

const debugSwitch = forbiddenDebugSwitch(process.argv);
if (app.isPackaged && debugSwitch) {
  // A packaged OTP Desk never runs under a debugger: it would expose every secret in main.
  console.error(`OTP Desk does not run with ${debugSwitch}.`);
  app.exit(1);
} else if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.on('second-instance', () => {
    const [window] = BrowserWindow.getAllWindows();
    if (window) {
      if (window.isMinimized()) window.restore();
      window.focus();
    }
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  void app.whenReady().then(onReady);
}
