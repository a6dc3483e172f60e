import { app, BrowserWindow, dialog, session } from 'electron';
import { join } from 'node:path';
import type { BackupPlatform } from '../adapters/backup-handlers';
import { PRINT_PARTITION, PRINT_SCHEME, PrintPages } from './print-page';

const printPages = new PrintPages();

/** The folder dialog (the backup folder, the sync folder). */
async function chooseFolder(title = 'Folder for automatic backups'): Promise<string> {
  const parent = BrowserWindow.getFocusedWindow();
  const options = { title, properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
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
  const printSession = session.fromPartition(PRINT_PARTITION);
  if (!printSession.protocol.isProtocolHandled(PRINT_SCHEME)) printSession.protocol.handle(PRINT_SCHEME, (request) => printPages.respond(request));
  const url = printPages.add(html);
  const window = new BrowserWindow({ show: false, webPreferences: { session: printSession, javascript: false, sandbox: true, contextIsolation: true, disableBlinkFeatures: 'Auxclick' } });
  try {
    await window.loadURL(url);
    return new Uint8Array(await window.webContents.printToPDF({ printBackground: true, pageSize: 'A4' }));
  } finally {
    printPages.remove(url);
    window.destroy();
  }
}

/** What main gives the backup and export handlers. */
export const backupPlatform: BackupPlatform = { chooseFolder, chooseSavePath, printToPdf };
