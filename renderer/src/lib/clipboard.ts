import { remote } from '../api';

let pending: ReturnType<typeof setTimeout> | undefined;

/** Clears the clipboard if it still holds `text`: through main where it can (works in the background), else the page's API. */
async function clearIfStillHolds(text: string): Promise<void> {
  const viaMain = await remote.clipboard.clearIf(text).catch(() => null);
  if (viaMain?.ok) return;
  try {
    if ((await navigator.clipboard.readText()) === text) await navigator.clipboard.writeText('');
  } catch {
    // The page may not read the clipboard while unfocused; main's path covers the app.
  }
}

/**
 * Puts `text` on the clipboard and schedules its removal after `clearAfterSeconds` (0 keeps it).
 * In the app main copies it and clears it after the delay, on lock and on
 * quit; where main has no clipboard (the browser test harness) the page does both.
 */
export async function copyToClipboard(text: string, clearAfterSeconds: number): Promise<void> {
  const viaMain = await remote.clipboard.copy(text).catch(() => null);
  if (viaMain?.ok) return;
  await navigator.clipboard.writeText(text);
  clearTimeout(pending);
  if (clearAfterSeconds > 0)
    pending = setTimeout(() => void clearIfStillHolds(text), clearAfterSeconds * 1000);
}
