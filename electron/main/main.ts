import { app, BrowserWindow } from 'electron';
import { join } from 'node:path';
import { ServiceHost } from '../adapters/service-host';
import { ImportSandbox } from '../sandbox/import-sandbox.node';
import { KeytarKeyStore } from '../vault/keychain-keytar.node';
import { setupIpc } from './ipc';
import { setupSecurityPolicy } from './security';
import { createMainWindow } from './window';

// Main is assembled from small setup steps, run in order once Electron is ready.
const distDir = join(__dirname, '..');
const rendererIndex = join(distDir, 'renderer', 'index.html');

async function onReady(): Promise<void> {
  setupSecurityPolicy();
  const vaultDir = process.env['OTP_DESK_VAULT'] ?? join(app.getPath('userData'), 'vault');
  const host = new ServiceHost(vaultDir, new KeytarKeyStore(), new ImportSandbox());
  await host.start();
  setupIpc(host, rendererIndex);
  createMainWindow(distDir, rendererIndex);
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createMainWindow(distDir, rendererIndex);
  });
  app.on('before-quit', () => host.close());
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
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
