import { BrowserWindow, desktopCapturer, screen, systemPreferences } from 'electron';
import { setTimeout as delay } from 'node:timers/promises';
import type { ScreenCapture } from '../api';
import { UserError } from '../core/errors';
import { captureThumbnailSize, physicalSize } from './capture-size';
import { displayLabel, withOwnWindowsHidden } from './capture-windows';
import { SCREEN_ACCESS_MESSAGES, screenAccessPlan } from './screen-access';

/**
 * Pictures of every display for "Scan screen", at physical resolution so QR codes on HiDPI and
 * secondary monitors stay sharp. The renderer's QR worker searches them; nothing is stored.
 */
export async function captureScreens(): Promise<ScreenCapture[]> {
  const access = screenAccessPlan(
    process.platform,
    process.platform === 'darwin' ? systemPreferences.getMediaAccessStatus('screen') : 'granted',
  );
  if (access !== 'capture') {
    // The first request is what makes macOS show its prompt (and list OTP Desk in Settings).
    if (access === 'ask')
      await desktopCapturer.getSources({
        types: ['screen'],
        thumbnailSize: { width: 1, height: 1 },
      });
    throw new UserError('io', SCREEN_ACCESS_MESSAGES[access]);
  }
  const displays = screen.getAllDisplays();
  // OTP Desk's own windows step aside so they neither cover a code nor get scanned themselves.
  const sources = await withOwnWindowsHidden(
    BrowserWindow.getAllWindows(),
    BrowserWindow.getFocusedWindow(),
    () =>
      desktopCapturer.getSources({
        types: ['screen'],
        thumbnailSize: captureThumbnailSize(displays),
        fetchWindowIcons: false,
      }),
    () => delay(250),
  );
  const captures = sources
    .filter((source) => !source.thumbnail.isEmpty())
    .map((source, index, all) => {
      const display = displays.find((d) => String(d.id) === source.display_id);
      const image = display ? sizedFor(source.thumbnail, physicalSize(display)) : source.thumbnail;
      const { width, height } = image.getSize();
      return {
        label: displayLabel(display, index, all.length, source.name),
        width,
        height,
        pngBase64: image.toPNG().toString('base64'),
      };
    });
  if (captures.length === 0) {
    throw new UserError(
      'io',
      'No screen could be captured. Take a screenshot and drop it on the window instead.',
    );
  }
  return captures;
}

/** The thumbnail box is the largest display's; a smaller display's picture is brought back to its own size. */
function sizedFor(
  image: Electron.NativeImage,
  size: { width: number; height: number },
): Electron.NativeImage {
  const current = image.getSize();
  return current.width > size.width
    ? image.resize({ width: size.width, height: size.height, quality: 'best' })
    : image;
}
