import { groupCode } from '../../../electron/core/otp/otp';
import { copyToClipboard } from '../lib/clipboard';
import { secondsLeft } from '../lib/code-clock';
import { titleOf } from '../lib/visible-accounts';
import { useStore } from '../store/store';
import { BrandTile } from './BrandTile';

/**
 * Two consecutive codes side by side, for enrolling a virtual MFA device (AWS asks for two in
 * a row), with the time until the pair rolls over.
 */
export function PairView() {
  const account = useStore((s) => s.accounts.find((a) => a.id === s.pairId));
  const entry = useStore((s) => (s.pairId ? s.codes[s.pairId] : undefined));
  const left = useStore((s) =>
    entry ? secondsLeft(entry.validUntil, entry.validUntil - entry.validFrom, s.now) : 0,
  );
  if (!account || !entry)
    return <p className="hint">That account is gone. Press Esc to go back.</p>;
  const title = titleOf(account);
  const copy = async (code: string, which: string) => {
    const { settings, showToast } = useStore.getState();
    try {
      await copyToClipboard(code, settings.clipboardClearSeconds);
      showToast(`Copied the ${which} code for ${title}`);
    } catch {
      showToast('The clipboard is not available. Click the window and try again.', 'error');
    }
  };
  const hotp = account.type === 'hotp';
  return (
    <section className="pair-view" aria-labelledby="pair-title">
      <h2 id="pair-title">
        <BrandTile issuer={account.issuer} icon={account.icon} fallback={title} />
        <span>
          Two consecutive codes for {title}
          {account.issuer && account.account ? (
            <span className="account"> {account.account}</span>
          ) : null}
        </span>
      </h2>
      <p className="hint">
        Enter them in this order where a service asks for two consecutive codes (for example an AWS
        virtual MFA device).
      </p>
      <div className="pair">
        {[
          ['first', entry.code],
          ['second', entry.next],
        ].map(([which, code]) => (
          <div className="pair-code" key={which}>
            <span className="pair-label">{which === 'first' ? 'First code' : 'Second code'}</span>
            <span className="code" data-testid={`pair-${which}`}>
              {groupCode(code!)}
            </span>
            <button type="button" onClick={() => void copy(code!, which!)}>
              Copy {which} code
            </button>
          </div>
        ))}
      </div>
      <p
        className={`pair-timer${left <= 5 && !hotp ? ' urgent' : ''}`}
        role="timer"
        aria-live="off"
      >
        {hotp ? 'Counter codes: both stay valid until used.' : `The pair changes in ${left} s.`}
      </p>
    </section>
  );
}
