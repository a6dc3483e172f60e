import { useEffect, useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../electron/api';
import { ApiFailure, call, messageOf, remote } from '../api';
import { useStore } from '../store/store';
import { ErrorMessage } from './ErrorMessage';
import { PasswordField } from './PasswordField';

/** Seconds left until `until` (epoch ms), ticking once a second while there are any. */
function useSecondsUntil(until: number): number {
  const [now, setNow] = useState(Date.now);
  useEffect(() => {
    if (until <= Date.now()) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [until]);
  return Math.max(0, Math.ceil((until - now) / 1000));
}

/** Shown while the vault is locked (by the user, a timer, or a keychain that can't open it): why, and how to unlock. */
export function LockScreen({ status }: { status: VaultStatus }) {
  const { unlock, unlockWithSystemAuth } = useStore.getState();
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // Main counts wrong tries (reloading the page doesn't reset it); the wait it reports drives the countdown.
  const [retryAt, setRetryAt] = useState(() => Date.now() + (status.retryInMs ?? 0));
  const waitSeconds = useSecondsUntil(retryAt);
  const attempt = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } catch (e) {
      setError(messageOf(e));
      // A try refused only because of the wait never checked the password: keep what was typed.
      if (!(e instanceof ApiFailure && e.error.kind === 'rate-limited')) setPassword('');
      const after = await call(remote.vault.status()).catch(() => undefined);
      setRetryAt(Date.now() + (after?.retryInMs ?? 0));
    } finally {
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (waitSeconds === 0) void attempt(() => unlock(password));
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
          {waitSeconds > 0 ? (
            <p className="error" role="alert" aria-live="polite" data-testid="unlock-wait">
              Too many wrong passwords. You can try again in {waitSeconds} s.
            </p>
          ) : (
            <ErrorMessage message={error} />
          )}
          <button type="submit" className="primary" disabled={busy || waitSeconds > 0} aria-busy={busy}>
            {waitSeconds > 0 ? `Unlock (${waitSeconds} s)` : 'Unlock'}
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
      <p className="hint">Your accounts stay encrypted on this computer until you unlock.</p>
    </main>
  );
}
