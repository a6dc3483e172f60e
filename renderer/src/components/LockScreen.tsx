import { useState, type FormEvent } from 'react';
import type { VaultStatus } from '../../../electron/api';
import { messageOf } from '../api';
import { useStore } from '../store/store';
import { ErrorMessage } from './ErrorMessage';
import { PasswordField } from './PasswordField';

/** Shown when the keychain can't open the vault: says why, and offers the vault password. */
export function LockScreen({ status }: { status: VaultStatus }) {
  const unlock = useStore((s) => s.unlock);
  const [password, setPassword] = useState('');
  const [error, setError] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await unlock(password);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <main className="app lock-screen">
      <h1>OTP Desk is locked</h1>
      <p role="alert">{status.message}</p>
      {status.hasPassword ? (
        <form onSubmit={(e) => void submit(e)}>
          <PasswordField label="Vault password" value={password} onChange={setPassword} autoFocus />
          <ErrorMessage message={error} />
          <button type="submit" className="primary">
            Unlock
          </button>
        </form>
      ) : null}
      <p className="hint">Your accounts are safe in {status.vaultDir}; nothing has been changed.</p>
    </main>
  );
}
