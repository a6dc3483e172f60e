import { BrowserWindow, nativeTheme } from 'electron';
import { join } from 'node:path';
import { SECURE_WEB_PREFERENCES } from './security-policy';
import { loadWindowBounds, rememberWindowBounds } from './window-state';

/** Creates the main window with the locked-down preferences and loads the renderer from disk. */
export function createMainWindow(distDir: string, rendererIndex: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 460,
    height: 720,
    ...loadWindowBounds(),
    minWidth: 360,
    minHeight: 420,
    show: false,
    title: 'OTP Desk',
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15171c' : '#f6f7f9',
    icon: join(distDir, 'main', 'icon.png'),
    webPreferences: { ...SECURE_WEB_PREFERENCES, preload: join(distDir, 'preload', 'preload.cjs') },
  });
  window.once('ready-to-show', () => window.show());
  rememberWindowBounds(window);
  void window.loadFile(rendererIndex);
  return window;
}
