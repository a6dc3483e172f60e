import { describe, expect, it } from 'vitest';
import { captureThumbnailSize, physicalSize } from '../../electron/main/capture-size';

describe('screen capture size', () => {
  it('captures a HiDPI display at its physical resolution, not its logical size', () => {
    // A 4K panel at 200 % reports 1920×1080 device-independent pixels.
    expect(captureThumbnailSize([{ size: { width: 1920, height: 1080 }, scaleFactor: 2 }])).toEqual(
      { width: 3840, height: 2160 },
    );
  });

  it('fits every monitor of a mixed setup without shrinking any of them', () => {
    const laptop = { size: { width: 1440, height: 900 }, scaleFactor: 2 }; // 2880×1800 physical
    const portrait = { size: { width: 1440, height: 2560 }, scaleFactor: 1 };
    const wide = { size: { width: 3440, height: 1440 }, scaleFactor: 1 };
    const box = captureThumbnailSize([laptop, portrait, wide]);
    for (const display of [laptop, portrait, wide]) {
      const own = physicalSize(display);
      // Electron fits each picture inside the box keeping its shape: the scale it would use.
      const scale = Math.min(box.width / own.width, box.height / own.height);
      expect(scale).toBeGreaterThanOrEqual(1);
    }
  });

  it('rounds fractional scaling (125 %) to whole pixels', () => {
    expect(physicalSize({ size: { width: 1536, height: 864 }, scaleFactor: 1.25 })).toEqual({
      width: 1920,
      height: 1080,
    });
  });

  it('falls back to a sensible size when no display or a broken scale factor is reported', () => {
    expect(captureThumbnailSize([])).toEqual({ width: 1920, height: 1080 });
    expect(physicalSize({ size: { width: 1280, height: 720 }, scaleFactor: 0 })).toEqual({
      width: 1280,
      height: 720,
    });
  });

  it('never asks Chromium for a bitmap larger than it can make', () => {
    const size = captureThumbnailSize([{ size: { width: 15360, height: 8640 }, scaleFactor: 2 }]);
    expect(Math.max(size.width, size.height)).toBeLessThanOrEqual(16_384);
  });
});

describe('screen recording permission on macOS', () => {
  it('captures only when granted; asks once when not determined; refuses when denied or restricted', async () => {
    const { screenAccessPlan, SCREEN_ACCESS_MESSAGES } =
      await import('../../electron/main/screen-access');
    expect(screenAccessPlan('darwin', 'granted')).toBe('capture');
    expect(screenAccessPlan('darwin', 'not-determined')).toBe('ask');
    expect(screenAccessPlan('darwin', 'denied')).toBe('denied');
    expect(screenAccessPlan('darwin', 'restricted')).toBe('denied');
    expect(screenAccessPlan('darwin', 'unknown')).toBe('denied');
    expect(screenAccessPlan('win32', 'unknown')).toBe('capture');
    expect(screenAccessPlan('linux', 'unknown')).toBe('capture');
    expect(SCREEN_ACCESS_MESSAGES.ask).toMatch(/Screen Recording.*Scan screen again/);
  });
});
