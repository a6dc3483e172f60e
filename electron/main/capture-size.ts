/** A display as Electron's `screen` module describes it: size in device-independent pixels. */
export interface DisplayGeometry {
  readonly size: { readonly width: number; readonly height: number };
  readonly scaleFactor: number;
}

/** Chromium cannot hand back a bitmap wider or taller than this. */
const MAX_SIDE = 16_384;

/** A display's size in physical pixels (what a screenshot of it holds). */
export function physicalSize(display: DisplayGeometry): { width: number; height: number } {
  const scale =
    Number.isFinite(display.scaleFactor) && display.scaleFactor > 0 ? display.scaleFactor : 1;
  return {
    width: Math.min(MAX_SIDE, Math.round(display.size.width * scale)),
    height: Math.min(MAX_SIDE, Math.round(display.size.height * scale)),
  };
}

/**
 * The `thumbnailSize` for desktopCapturer.getSources. It applies one box to every screen and
 * fits each picture inside it keeping its shape, so the box takes the largest physical width and
 * the largest physical height over all displays: then no display (HiDPI, portrait, or the biggest
 * of several) is shrunk, and small QR codes keep every pixel. Electron's default (150×150) would
 * make every code unreadable.
 */
export function captureThumbnailSize(displays: readonly DisplayGeometry[]): {
  width: number;
  height: number;
} {
  let width = 0;
  let height = 0;
  for (const display of displays) {
    const size = physicalSize(display);
    width = Math.max(width, size.width);
    height = Math.max(height, size.height);
  }
  return width > 0 && height > 0 ? { width, height } : { width: 1920, height: 1080 };
}
