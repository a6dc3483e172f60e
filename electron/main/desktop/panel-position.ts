import type { Bounds } from '../window-bounds';

/** The quick-copy panel's size: a search field and about eight rows. */
export const PANEL_SIZE = { width: 340, height: 420 } as const;
const GAP = 6;

/**
 * Where the quick-copy panel opens: next to the tray icon (below a top menu bar, above a bottom
 * taskbar, beside a side one), or, when the OS gives no icon position (most Linux trays, and the
 * global shortcut), centred near the top of the display under the cursor. Always inside the work area.
 */
export function panelPosition(
  tray: Bounds | null,
  workArea: Bounds,
  size: { readonly width: number; readonly height: number } = PANEL_SIZE,
): { x: number; y: number } {
  const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));
  const maxX = workArea.x + workArea.width - size.width;
  const maxY = workArea.y + workArea.height - size.height;
  if (!tray || tray.width <= 0 || tray.height <= 0) {
    return {
      x: Math.round(workArea.x + (workArea.width - size.width) / 2),
      y: Math.round(workArea.y + Math.min(workArea.height * 0.2, Math.max(0, maxY - workArea.y))),
    };
  }
  const centreX = tray.x + tray.width / 2 - size.width / 2;
  const centreY = tray.y + tray.height / 2 - size.height / 2;
  const trayBelowArea = tray.y >= workArea.y + workArea.height - GAP;
  const trayAboveArea = tray.y + tray.height <= workArea.y + GAP;
  const trayLeft = tray.x + tray.width <= workArea.x + GAP;
  let x: number;
  let y: number;
  if (trayAboveArea) [x, y] = [centreX, tray.y + tray.height + GAP];
  else if (trayBelowArea) [x, y] = [centreX, tray.y - size.height - GAP];
  else if (trayLeft) [x, y] = [tray.x + tray.width + GAP, centreY];
  else [x, y] = [tray.x - size.width - GAP, centreY];
  return { x: Math.round(clamp(x, workArea.x, maxX)), y: Math.round(clamp(y, workArea.y, maxY)) };
}
