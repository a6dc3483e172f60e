import type { AccountSummary } from '../../../electron/core/otp/account';
import { messageOf } from '../api';
import { fullNameOf } from '../lib/visible-accounts';
import { useStore } from '../store/store';
import { Countdown } from './Countdown';
import { RefreshIcon } from './Icons';

/**
 * The countdown of a time-based code (unless the list's one countdown serves every row), or for
 * HOTP the button that moves to the next counter value.
 */
export function RowTimer({ account, own }: { account: AccountSummary; own: boolean }) {
  if (account.type === 'hotp') {
    const advance = () =>
      useStore
        .getState()
        .advanceCounter(account.id)
        .catch((e: unknown) => useStore.getState().showToast(messageOf(e), 'error'));
    return (
      <button
        type="button"
        tabIndex={-1}
        className="icon-button refresh"
        onClick={() => void advance()}
        aria-label={`Next counter code for ${fullNameOf(account)}`}
        title="Next counter code (R)"
      >
        <RefreshIcon />
      </button>
    );
  }
  return own ? <RowCountdown account={account} /> : null;
}

/** A row's own countdown; only rows that show one follow their code's window in the store. */
function RowCountdown({ account }: { account: AccountSummary }) {
  const validUntil = useStore((s) => s.codes[account.id]?.validUntil ?? 0);
  return <Countdown validUntil={validUntil} period={account.period} />;
}
