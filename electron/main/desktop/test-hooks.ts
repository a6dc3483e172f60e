import type { DesktopShell } from './desktop-shell';

/** What tests/electron/app.spec.ts may ask main (nothing secret): the tray, the panel, the shortcut. */
export interface DesktopTestHooks {
  hasTray(): boolean;
  pressShortcut(): void;
  panelVisible(): boolean;
}

/**
 * Only with OTP_DESK_TEST_HOOKS=1 (the _electron spec sets it): a global OS shortcut can't be
 * pressed from Playwright, and a Tray can't be enumerated, so the spec asks through these.
 */
export function exposeTestHooks(shell: DesktopShell): void {
  if (process.env['OTP_DESK_TEST_HOOKS'] !== '1') return;
  const hooks: DesktopTestHooks = {
    hasTray: () => shell.hasTray,
    pressShortcut: () => shell.pressShortcut(),
    panelVisible: () => shell.panelVisible,
  };
  (globalThis as { otpDeskTestHooks?: DesktopTestHooks }).otpDeskTestHooks = hooks;
}
