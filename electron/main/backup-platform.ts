import { app, BrowserWindow, dialog } from 'electron';
import { join } from 'node:path';
import type { BackupPlatform } from '../adapters/backup-handlers';

/** The folder dialog for the backup folder. */
async function chooseFolder(): Promise<string> {
  const parent = BrowserWindow.getFocusedWindow();
  const options = { title: 'Folder for automatic backups', properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
  const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
  return result.canceled ? '' : (result.filePaths[0] ?? '');
}

/** The save dialog for an export, starting in Downloads with the export's own name. */
async function chooseSavePath(fileName: string): Promise<string> {
  const parent = BrowserWindow.getFocusedWindow();
  const options = { title: 'Save the export', defaultPath: join(app.getPath('downloads'), fileName) };
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled ? '' : (result.filePath ?? '');
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
export const backupPlatform: BackupPlatform = { chooseFolder, chooseSavePath, printToPdf };
