import { BrowserWindow, dialog } from 'electron';
import type { BackupPlatform } from '../adapters/backup-handlers';

/** The folder dialog (the backup folder, the sync folder). */
async function chooseFolder(title = 'Folder for automatic backups'): Promise<string> {
  const parent = BrowserWindow.getFocusedWindow();
  const options = { title, properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? '' : (result.filePaths[0] ?? '');
}

/** Prints the paper-backup sheet to PDF in a hidden, script-less window that never touches the disk. */
async function printToPdf(html: string): Promise<Uint8Array> {
  const window = new BrowserWindow({ show: false, webPreferences: { javascript: false, sandbox: true, contextIsolation: true, disableBlinkFeatures: 'Auxclick' } });
  try {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(html)}`);
    return new Uint8Array(await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' }));
  } finally {
    window.destroy();
  }
}

/** What main gives the backup and export handlers. */
export const backupPlatform: BackupPlatform = { chooseFolder, printToPdf };
