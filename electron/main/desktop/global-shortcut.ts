import { globalShortcut } from 'electron';
import type { ShortcutStatus } from '../../api';
import { isWaylandSession } from './linux-desktop';
import { shortcutPlan, shortcutStatus, type ShortcutOutcome } from './shortcut';

/**
 * Registers the shortcut that opens the quick-copy panel, replacing the previous one. When the
 * OS refuses it (another app holds it) the status says so for Settings; nothing is ignored.
 */
export function applyGlobalShortcut(
  accelerator: string,
  onPress: () => void,
  previous: string,
): ShortcutStatus {
  if (previous) globalShortcut.unregister(previous);
  const plan = shortcutPlan(accelerator);
  let outcome: ShortcutOutcome = plan === 'register' ? 'taken' : plan;
  if (plan === 'register') {
    try {
      outcome = globalShortcut.register(accelerator, onPress) ? 'registered' : 'taken';
    } catch {
      outcome = 'invalid';
    }
  }
  const wayland = process.platform === 'linux' && isWaylandSession(process.env);
  const status = shortcutStatus(accelerator, outcome, process.platform, wayland);
  if (status.message && outcome !== 'off') console.warn(`[shortcut] ${status.message}`);
  return status;
}
