import { describe, expect, it } from 'vitest';
import { isGlobalAccelerator } from '../../electron/core/accelerator';
import { acceleratorFromKey } from '../../renderer/src/lib/accelerator-from-key';

const press = (
  key: string,
  code: string,
  mods: Partial<Record<'ctrlKey' | 'metaKey' | 'altKey' | 'shiftKey', boolean>> = {},
) =>
  acceleratorFromKey({
    key,
    code,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...mods,
  });

describe('recording a shortcut in Settings', () => {
  it('writes Ctrl or Cmd as CommandOrControl, so one setting works on every OS', () => {
    expect(press('o', 'KeyO', { ctrlKey: true, altKey: true })).toBe('CommandOrControl+Alt+O');
    expect(press('ø', 'KeyO', { metaKey: true, altKey: true })).toBe('CommandOrControl+Alt+O');
  });

  it('reads the physical key, so Shift and Alt layouts still give the letter or digit', () => {
    expect(press('K', 'KeyK', { ctrlKey: true, shiftKey: true })).toBe('CommandOrControl+Shift+K');
    expect(press('!', 'Digit1', { ctrlKey: true, shiftKey: true })).toBe(
      'CommandOrControl+Shift+1',
    );
    expect(press('F5', 'F5', { altKey: true })).toBe('Alt+F5');
    expect(press(' ', 'Space', { altKey: true })).toBe('Alt+Space');
  });

  it('waits while only modifiers are held', () => {
    expect(press('Control', 'ControlLeft', { ctrlKey: true })).toBeNull();
    expect(press('Alt', 'AltLeft', { altKey: true })).toBeNull();
  });

  it('produces shortcuts main accepts, and a bare key that main refuses', () => {
    expect(isGlobalAccelerator(press('o', 'KeyO', { ctrlKey: true, altKey: true })!)).toBe(true);
    expect(isGlobalAccelerator(press('o', 'KeyO')!)).toBe(false);
  });
});
