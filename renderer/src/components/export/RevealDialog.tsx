import { useEffect, useState, type FormEvent } from 'react';
import type { RevealedAccount } from '../../../../electron/api';
import type { AccountSummary } from '../../../../electron/core/otp/account';
import { groupBase32 } from '../../../../electron/core/otp/base32';
import { call, messageOf, remote } from '../../api';
import { copyToClipboard } from '../../lib/clipboard';
import { useStore } from '../../store/store';
import { fullNameOf } from '../../lib/visible-accounts';
import { Modal } from '../Modal';
import { ErrorMessage } from '../ErrorMessage';
import { PasswordField } from '../PasswordField';

/** Closes by itself so a revealed key does not stay on screen. */
const AUTO_HIDE_MS = 120_000;

/** "Show QR / reveal key": asks for the vault password when one is set, then shows the QR code and the key. */
export function RevealDialog({ account }: { account: AccountSummary }) {
  const needsPassword = useStore((s) => s.status?.hasPassword ?? false);
  const close = () => useStore.getState().setRevealId(null);
  const [revealed, setRevealed] = useState<RevealedAccount | null>(null);
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const reveal = async (event?: FormEvent) => {
    event?.preventDefault();
    setError('');
    try {
      setRevealed(
        await call(remote.exports.reveal(account.id, needsPassword ? password : undefined)),
      );
      setPassword('');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  useEffect(() => {
    let open = true;
    if (!needsPassword) {
      call(remote.exports.reveal(account.id)).then(
        (value) => open && setRevealed(value),
        (e: unknown) => open && setError(messageOf(e)),
      );
    }
    const timer = setTimeout(() => useStore.getState().setRevealId(null), AUTO_HIDE_MS);
    return () => {
      open = false;
      clearTimeout(timer);
    };
  }, [account.id, needsPassword]);
  // Like codes: main copies the key and clears it after the set delay (and on quit) if it is still there.
  const copyKey = () =>
    void copyToClipboard(revealed!.secret, useStore.getState().settings.clipboardClearSeconds).then(
      () => useStore.getState().showToast('Copied the key'),
      () => useStore.getState().showToast('The clipboard is not available.', 'error'),
    );
  const title = fullNameOf(account);
  return (
    <Modal title={`Key and QR code for ${title}`} onClose={close} className="reveal-dialog">
      {revealed ? (
        <div className="reveal">
          <img
            className="reveal-qr"
            src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(revealed.qrSvg)}`}
            alt={`QR code for ${title}`}
          />
          <p className="hint">
            Scan with another authenticator, or type the key. Anyone who sees it can generate your
            codes.
          </p>
          <code className="reveal-key" data-testid="revealed-key">
            {groupBase32(revealed.secret)}
          </code>
        </div>
      ) : needsPassword ? (
        <form onSubmit={(e) => void reveal(e)}>
          <PasswordField
            label="Your vault password (to show the key)"
            value={password}
            onChange={setPassword}
            autoFocus
            required
          />
          <ErrorMessage message={error} />
          <div className="dialog-buttons">
            <button type="submit" className="primary">
              Show key
            </button>
          </div>
        </form>
      ) : error ? (
        <ErrorMessage message={error} />
      ) : (
        <p aria-busy="true">Loading…</p>
      )}
      <div className="dialog-buttons">
        {revealed ? (
          <button type="button" onClick={copyKey}>
            Copy key
          </button>
        ) : null}
        <button type="button" onClick={close}>
          Close
        </button>
      </div>
    </Modal>
  );
}
