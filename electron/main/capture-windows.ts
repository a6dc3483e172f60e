import { physicalSize, type DisplayGeometry } from './capture-size';

/** The part of a BrowserWindow that hiding for a capture needs (a fake in unit tests). */
export interface HideableWindow {
  isVisible(): boolean;
  isDestroyed(): boolean;
  hide(): void;
  showInactive(): void;
  show(): void;
  focus(): void;
}

/**
 * Runs `capture` with OTP Desk's own visible windows hidden, so the app never scans itself and its
 * window can't cover a QR code; afterwards exactly those windows come back (the focused one
 * focused), also when the capture fails. `settle` waits for the compositor to repaint.
 */
export async function withOwnWindowsHidden<T>(
  windows: readonly HideableWindow[],
  focused: HideableWindow | null,
  capture: () => Promise<T>,
  settle: () => Promise<void>,
): Promise<T> {
  const hidden = windows.filter((w) => !w.isDestroyed() && w.isVisible());
  for (const window of hidden) window.hide();
  try {
    if (hidden.length > 0) await settle();
    return await capture();
  } finally {
    for (const window of hidden) {
      if (window.isDestroyed()) continue;
      if (window === focused) {
        window.show();
        window.focus();
      } else window.showInactive();
    }
  }
}

/** A display as Electron describes it, with what a person would call it. */
export interface NamedDisplay extends DisplayGeometry {
  readonly id: number;
  readonly label?: string;
  readonly internal?: boolean;
}

/**
 * What the import review calls a display's picture, so "found on" names the right screen:
 * its OS name when there is one ("DELL U2720Q"), else "Built-in display" or "Display 2", with
 * its physical resolution; "your screen" when there is only one.
 */
export function displayLabel(
  display: NamedDisplay | undefined,
  index: number,
  count: number,
  fallback: string,
): string {
  if (count <= 1) return 'your screen';
  if (!display) return fallback || `Display ${index + 1}`;
  const { width, height } = physicalSize(display);
  const name =
    display.label?.trim() || (display.internal ? 'Built-in display' : `Display ${index + 1}`);
  return `${name} (${width}×${height})`;
}
