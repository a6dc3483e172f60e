import type { AccountSummary } from '../../../electron/core/account';
import { groupCode } from '../../../electron/core/otp';
import { call, messageOf, remote } from '../api';
import { useStore } from '../store/store';

/** One account: issuer, name, the code grouped for reading, and the seconds left. Click copies. */
export function AccountRow({ account }: { account: AccountSummary }) {
  const codes = useStore((s) => s.codes[account.id]);
  const secondsLeft = useStore((s) =>
    codes && codes.validUntil ? Math.max(0, Math.ceil(codes.validUntil - s.now / 1000)) : 0,
  );
  const showToast = useStore((s) => s.showToast);
  const title = account.issuer || account.account;

  const copy = async () => {
    if (!codes) return;
    try {
      await navigator.clipboard.writeText(codes.code);
      showToast(`Copied the code for ${title}`);
      void call(remote.accounts.markUsed(account.id));
    } catch (error) {
      showToast(error instanceof DOMException ? 'The clipboard is not available.' : messageOf(error), 'error');
    }
  };

  return (
    <li className="account-row">
      <button type="button" className="account-button" onClick={() => void copy()} aria-label={`Copy code for ${title} ${account.account}`}>
        <span className="monogram" aria-hidden="true">
          {title.slice(0, 1).toUpperCase()}
        </span>
        <span className="names">
          <span className="issuer">{title}</span>
          {account.issuer && account.account ? <span className="account">{account.account}</span> : null}
        </span>
        <span className="code" data-testid="code">
          {codes ? groupCode(codes.code) : '··· ···'}
        </span>
        {account.type !== 'hotp' ? (
          <span className={`countdown${secondsLeft <= 5 ? ' urgent' : ''}`} aria-label={`${secondsLeft} seconds left`}>
            {secondsLeft}s
          </span>
        ) : null}
      </button>
    </li>
  );
}
