import type { ShortcutStatus } from '../../api';
import { acceleratorLabel, isGlobalAccelerator } from '../../core/accelerator';

export { acceleratorLabel };

/** The outcome of asking the OS for the shortcut. */
export type ShortcutOutcome = 'registered' | 'taken' | 'invalid' | 'off';

/** Whether to ask the OS at all: '' turns the shortcut off, a malformed one is refused here. */
export function shortcutPlan(accelerator: string): 'register' | 'invalid' | 'off' {
  if (accelerator === '') return 'off';
  return isGlobalAccelerator(accelerator) ? 'register' : 'invalid';
}

/**
 * What Settings shows after registering. A shortcut another app holds is reported with what to
 * do, never silently ignored (Electron's register() returns false when the OS refuses it).
 */
export function shortcutStatus(
  accelerator: string,
  outcome: ShortcutOutcome,
  platform: NodeJS.Platform,
  /** A Wayland session: shortcuts come only from the desktop's portal, so "taken" means "not granted". */
  wayland = false,
): ShortcutStatus {
  const label = acceleratorLabel(accelerator, platform);
  const base = { accelerator, label, registered: outcome === 'registered' };
  switch (outcome) {
    case 'registered':
      return { ...base, message: null };
    case 'off':
      return { ...base, message: 'No global shortcut is set; open the panel from the tray icon.' };
    case 'invalid':
      return {
        ...base,
        message: `${label.slice(0, 60)} is not a shortcut OTP Desk can use. Choose a key with Ctrl, Alt or Cmd, e.g. ${acceleratorLabel('CommandOrControl+Alt+O', platform)}.`,
      };
    case 'taken':
      if (wayland)
        return {
          ...base,
          message: `This Wayland desktop did not grant ${label} to OTP Desk (global shortcuts there go through the desktop's shortcut portal, which may ask you or may not exist). Allow it in your desktop's keyboard settings, or open the panel from the tray icon.`,
        };
      return {
        ...base,
        message: `${label} is already used by another app or by the system. Choose another shortcut in Settings.`,
      };
  }
}
