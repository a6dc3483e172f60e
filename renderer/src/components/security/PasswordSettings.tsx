import { useState, type FormEvent } from 'react';
import { messageOf } from '../../api';
import { useStore } from '../../store/store';
import { NewPasswordForm } from './NewPasswordForm';
import { CurrentPasswordField, PasswordFormActions } from './PasswordFormParts';

/** Set, change or remove the vault password. */
export function PasswordSettings() {
  const hasPassword = useStore((s) => s.status?.hasPassword ?? false);
  const { setPassword, removePassword, showToast } = useStore.getState();
  const [mode, setMode] = useState<'idle' | 'change' | 'remove'>('idle');
  const [current, setCurrent] = useState('');
  const [error, setError] = useState('');

  if (!hasPassword) {
    return (
      <>
        <p className="hint">
          Without a password, anyone who can use your computer account can open OTP Desk. With one,
          you can lock it, and the password opens your accounts even if the OS keychain is lost.
        </p>
        <NewPasswordForm
          withCurrent={false}
          submitLabel="Set password"
          onSubmit={async (password) => {
            await setPassword(password);
            showToast('Vault password set. Lock OTP Desk with Ctrl+L or the lock button.');
          }}
        />
      </>
    );
  }
  const remove = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await removePassword(current);
      setCurrent('');
      setError('');
      setMode('idle');
      showToast('Vault password removed; the OS keychain alone opens OTP Desk now.');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <>
      <p className="hint">A vault password is set. Reveal, export and unlocking ask for it.</p>
      {mode === 'idle' ? (
        <div className="form-actions">
          <button type="button" onClick={() => setMode('change')}>
            Change password…
          </button>
          <button type="button" onClick={() => setMode('remove')}>
            Remove password…
          </button>
        </div>
      ) : null}
      {mode === 'change' ? (
        <NewPasswordForm
          withCurrent
          submitLabel="Change password"
          onCancel={() => setMode('idle')}
          onSubmit={async (password, currentPassword) => {
            await setPassword(password, currentPassword);
            setMode('idle');
            showToast('Vault password changed.');
          }}
        />
      ) : null}
      {mode === 'remove' ? (
        <form className="password-form" onSubmit={(e) => void remove(e)}>
          <p className="hint">
            Without a password OTP Desk can't be locked, and a lost keychain would leave only your
            backups.
          </p>
          <CurrentPasswordField value={current} onChange={setCurrent} />
          <PasswordFormActions
            error={error}
            submitLabel="Remove password"
            submitClass="danger"
            onCancel={() => setMode('idle')}
          />
        </form>
      ) : null}
    </>
  );
}
