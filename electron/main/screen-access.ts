/** Electron's systemPreferences.getMediaAccessStatus('screen') values. */
export type ScreenAccessStatus = 'not-determined' | 'granted' | 'denied' | 'restricted' | 'unknown';

/**
 * Whether "Scan screen" may capture. On macOS only `granted` gives real pictures: before the user
 * has answered (`not-determined`) a capture shows the prompt and returns the wallpaper without
 * any window, so the scan would say "no QR code found" about a screen full of them.
 */
export function screenAccessPlan(
  platform: NodeJS.Platform,
  status: ScreenAccessStatus,
): 'capture' | 'ask' | 'denied' {
  if (platform !== 'darwin' || status === 'granted') return 'capture';
  return status === 'not-determined' ? 'ask' : 'denied';
}

/** What the user reads for a plan other than 'capture'. */
export const SCREEN_ACCESS_MESSAGES = {
  ask: 'macOS asks whether OTP Desk may record the screen. Allow it in System Settings → Privacy & Security → Screen Recording, reopen OTP Desk, then choose Scan screen again.',
  denied:
    'OTP Desk may not record the screen. Allow it in System Settings → Privacy & Security → Screen Recording, then try again.',
} as const;
