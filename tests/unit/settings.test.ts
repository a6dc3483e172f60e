import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  readSettings,
  validateSettingsPatch,
} from '../../electron/core/settings';
import { clearClipboardIfHolds } from '../../electron/clipboard-access';
import { fitBounds, parseBounds } from '../../electron/main/window-bounds';

describe('settings', () => {
  it('fall back to defaults for missing or damaged stored values and keep valid ones', () => {
    const settings = readSettings({
      theme: 'dark',
      density: 'huge',
      clockOffsetMs: 1.5,
      clipboardClearSeconds: 45,
    });
    expect(settings.theme).toBe('dark');
    expect(settings.density).toBe(DEFAULT_SETTINGS.density);
    expect(settings.clockOffsetMs).toBe(0);
    expect(settings.clipboardClearSeconds).toBe(45);
    expect(settings.timeCheckEnabled).toBe(false);
  });

  it('reject a bad value with a message naming the field and what it takes', () => {
    expect(() => validateSettingsPatch({ nextCode: 'sometimes' })).toThrow(
      /nextCode.*always, hover or never/,
    );
    expect(() => validateSettingsPatch({ timeCheckUrl: 'file:///etc/passwd' })).toThrow(/http/);
    expect(() => validateSettingsPatch({ colour: 'red' })).toThrow(/no setting called "colour"/);
    expect(validateSettingsPatch({ clipboardClearSeconds: 0, sort: 'used' })).toEqual({
      clipboardClearSeconds: 0,
      sort: 'used',
    });
  });
});

describe('clipboard clearing from main', () => {
  it('clears only while the clipboard still holds the copied code', async () => {
    let content = '123456';
    const clipboard = { readText: () => content, clear: () => void (content = '') };
    expect(await clearClipboardIfHolds(clipboard, '654321')).toBe(false);
    expect(content).toBe('123456');
    expect(await clearClipboardIfHolds(clipboard, '123456')).toBe(true);
    expect(content).toBe('');
  });
});

describe('remembered window bounds', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1080 };
  it('are reused when the window is still on a display', () => {
    const saved = parseBounds({ x: 100, y: 50, width: 460, height: 720 });
    expect(fitBounds(saved, [screen])).toEqual(saved);
  });
  it('are dropped when the display they were on is gone, or the file is damaged', () => {
    expect(
      fitBounds(parseBounds({ x: 2500, y: 50, width: 460, height: 720 }), [screen]),
    ).toBeNull();
    expect(parseBounds({ x: 'a', y: 0, width: 460, height: 720 })).toBeNull();
    expect(parseBounds({ x: 0, y: 0, width: 5, height: 720 })).toBeNull();
  });
});

describe('lock and privacy settings', () => {
  it('take only the offered values and default to no auto-lock, lock on screen lock, keychain kept', () => {
    expect(readSettings({})).toMatchObject({
      autoLockMinutes: 0,
      lockOnScreenLock: true,
      requirePasswordAtStart: false,
      hideCodesUntilClicked: false,
      contentProtection: false,
      blurWhenInactive: false,
    });
    expect(validateSettingsPatch({ autoLockMinutes: 15 })).toEqual({ autoLockMinutes: 15 });
    expect(() => validateSettingsPatch({ autoLockMinutes: 7 })).toThrow(
      /0 \(never\), 1, 5, 15 or 60/,
    );
    expect(() => validateSettingsPatch({ lockOnScreenLock: 'yes' })).toThrow(/true or false/);
    // The clock check server: https, or http only to this machine.
    expect(() => validateSettingsPatch({ timeCheckUrl: 'http://time.example.com/' })).toThrow(
      /https/,
    );
    expect(validateSettingsPatch({ timeCheckUrl: 'http://127.0.0.1:8080/' })).toEqual({
      timeCheckUrl: 'http://127.0.0.1:8080/',
    });
    expect(readSettings({ timeCheckUrl: 'http://time.example.com/' }).timeCheckUrl).toBe(
      'https://www.google.com/',
    );
  });
});
