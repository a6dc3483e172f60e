import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../electron/api';
import { messageOf } from '../api';
import { useStore } from '../store/store';
import { ErrorMessage } from './ErrorMessage';
import { PasswordField } from './PasswordField';

/** Shown while the vault is locked (by the user, a timer, or a keychain that can't open it): why, and how to unlock. */
export function LockScreen({ status }: { status: VaultStatus }) {
  const { unlock, unlockWithSystemAuth } = useStore.getState();
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const attempt = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setError(messageOf(e));
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void attempt(() => unlock(password));
  };
  return (
    <main className="app lock-screen">
      <h1>OTP Desk is locked</h1>
      <p role="status">{status.message}</p>
      {status.hasPassword ? (
        <form onSubmit={submit}>
          <PasswordField
            label="Vault password"
            value={password}
            onChange={setPassword}
            autoFocus
            autoComplete="current-password"
          />
          <ErrorMessage message={error} />
          <button type="submit" className="primary" disabled={busy} aria-busy={busy}>
            Unlock
          </button>
          {status.systemAuth ? (
            <button
              type="button"
              disabled={busy}
              onClick={() => void attempt(unlockWithSystemAuth)}
            >
              Unlock with {status.systemAuth}
            </button>
          ) : null}
        </form>
      ) : null}
      <p className="hint">Your accounts are safe in {status.vaultDir}; nothing has been changed.</p>
    </main>
  );
}
