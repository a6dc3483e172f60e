import { app, BrowserWindow, nativeTheme } from 'electron';
import { join } from 'node:path';
import { RENDERER_URL } from './app-protocol';
import { windowBackground } from './desktop/window-behaviour';
import { webPreferencesFor } from './security-policy';
import { loadWindowBounds, rememberWindowBounds } from './window-state';

/** Creates the main window with the locked-down preferences and loads the renderer from app://. */
export function createMainWindow(distDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 460,
    height: 720,
    ...loadWindowBounds(),
    minWidth: 360,
    minHeight: 420,
    show: false,
    title: 'OTP Desk',
    backgroundColor: windowBackground(nativeTheme.shouldUseDarkColors),
    icon: join(distDir, 'main', 'icon.png'),
    webPreferences: {
      ...webPreferencesFor(app.isPackaged, join(distDir, 'preload', 'preload.cjs')),
      // Repeated as literals so static checkers (electronegativity) see them where the window is made.
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.once('ready-to-show', () => window.show());
  if (app.isPackaged)
    window.webContents.on('devtools-opened', () => window.webContents.closeDevTools());
  rememberWindowBounds(window);
  void window.loadURL(RENDERER_URL);
  return window;
}
