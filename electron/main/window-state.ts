import { app, screen, type BrowserWindow } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitBounds, parseBounds, type Bounds } from './window-bounds';

const stateFile = () => join(app.getPath('userData'), 'window-state.json');

/** Last session's bounds if they still fit on a connected display (not secret, so kept outside the vault). */
export function loadWindowBounds(): Bounds | null {
  try {
    const saved = parseBounds(JSON.parse(readFileSync(stateFile(), 'utf8')));
    return fitBounds(
      saved,
      screen.getAllDisplays().map((d) => d.workArea),
    );
  } catch {
    return null;
  }
}

/** Saves the window's normal (not maximised) bounds when it moves, resizes or closes. */
export function rememberWindowBounds(window: BrowserWindow): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    clearTimeout(timer);
    if (window.isDestroyed()) return;
    try {
      writeFileSync(stateFile(), JSON.stringify(window.getNormalBounds()));
    } catch {
      // Losing the window position is harmless; never fail the app over it.
    }
  };
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 500);
  };
  window.on('resize', later);
  window.on('move', later);
  window.on('close', save);
}
