import type { AccountSummary } from '../../../electron/core/otp/account';
import { remote } from '../api';
import { useStore } from '../store/store';
import { copyToClipboard } from './clipboard';
import { fullNameOf } from './visible-accounts';

/** Copies the account's current (or next) code, confirms it in the toast (announced), and counts the use; false when nothing was copied. */
export async function copyCode(account: AccountSummary, which: 'current' | 'next'): Promise<boolean> {
  const { codes, settings, showToast, setRevealedId } = useStore.getState();
  const entry = codes[account.id];
  if (!entry) return false;
  if (settings.hideCodesUntilClicked) {
    // Shown for one period, then hidden again (unless another row was clicked meanwhile).
    setRevealedId(account.id);
    const hideAfterMs = (account.type === 'hotp' ? 30 : account.period) * 1000;
    setTimeout(() => {
      if (useStore.getState().revealedId === account.id) useStore.getState().setRevealedId(null);
    }, hideAfterMs);
  }
  const code = which === 'next' ? entry.next : entry.code;
  try {
    await copyToClipboard(code, settings.clipboardClearSeconds);
  } catch {
    showToast('The clipboard is not available. Click the window and try again.', 'error');
    return false;
  }
  const clears =
    settings.clipboardClearSeconds > 0 ? `; clears in ${settings.clipboardClearSeconds} s` : '';
  showToast(
    `Copied ${which === 'next' ? 'the next code' : 'the code'} for ${fullNameOf(account)}${clears}`,
  );
  void remote.accounts.markUsed(account.id);
  return true;
}
