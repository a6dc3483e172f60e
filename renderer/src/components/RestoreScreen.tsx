import { useState, type FormEvent } from 'react';
import type { VaultRecovery, VaultStatus } from '../../../electron/api';
import { messageOf } from '../api';
import { useStore } from '../store/store';
import { ErrorMessage } from './ErrorMessage';
import { PasswordField } from './PasswordField';

const when = (ms: number) => new Date(ms).toLocaleString();

/** Shown when vault.json is damaged: says so, and restores only the copy the user picks. */
export function RestoreScreen({
  status,
  recovery,
}: {
  status: VaultStatus;
  recovery: VaultRecovery;
}) {
  const recover = useStore((s) => s.recover);
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const run = async (from: 'previous' | 'backup', event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    try {
      await recover(from, from === 'backup' ? password : undefined);
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <main className="app lock-screen restore-screen" aria-labelledby="restore-title">
      <h1 id="restore-title">The vault file is damaged</h1>
      <p role="alert">{status.message}</p>
      {recovery.previous ? (
        <section aria-label="Previous version">
          <h2>Previous version</h2>
          <p>
            vault.json.bak, saved {when(recovery.previous.savedAt)}, with{' '}
            {recovery.previous.accounts} account
            {recovery.previous.accounts === 1 ? '' : 's'}. Changes made after it are not in it.
          </p>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => void run('previous')}
          >
            Restore previous version
          </button>
        </section>
      ) : null}
      {recovery.backup ? (
        <section aria-label="Newest automatic backup">
          <h2>Newest automatic backup</h2>
          <p>
            {recovery.backup.file}, saved {when(recovery.backup.savedAt)}.
          </p>
          <form onSubmit={(e) => void run('backup', e)}>
            <PasswordField label="Backup password" value={password} onChange={setPassword} />
            <button type="submit" disabled={busy || !password}>
              Restore this backup
            </button>
          </form>
        </section>
      ) : null}
      <ErrorMessage message={error} />
      <p className="hint">
        Nothing is restored until you choose; the damaged file is kept in {status.vaultDir}.
      </p>
    </main>
  );
}
