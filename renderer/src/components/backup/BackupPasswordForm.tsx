import { useState, type FormEvent } from 'react';
import { messageOf } from '../../api';
import { useStore } from '../../store/store';
import { ErrorMessage } from '../ErrorMessage';
import { PasswordField } from '../PasswordField';

/**
 * Sets the backup password. Main derives the key once and keeps only the key (never the
 * password); every automatic backup reuses it, and restoring needs the password.
 */
export function BackupPasswordForm({ passwordSet }: { passwordSet: boolean }) {
  const vaultHasPassword = useStore((s) => s.status?.hasPassword ?? false);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [vaultPassword, setVaultPassword] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeat)
      return setError('The two passwords differ. Type the same password twice.');
    setBusy(true);
    setError('');
    try {
      await useStore
        .getState()
        .setBackupPassword(password, vaultHasPassword ? vaultPassword : undefined);
      setPassword('');
      setRepeat('');
      setVaultPassword('');
      useStore
        .getState()
        .showToast(
          passwordSet ? 'Backup password changed; new backups use it' : 'Backup password set',
        );
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="backup-password" onSubmit={(e) => void submit(e)}>
      <p className="hint">
        {passwordSet ? 'A backup password is set. ' : ''}Backups open in OTP Desk or Aegis with this
        password. It is not stored: if you forget it, your backups can't be opened.
      </p>
      <PasswordField
        label={passwordSet ? 'New backup password' : 'Backup password'}
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        minLength={8}
        required
      />
      <PasswordField
        label="Repeat the backup password"
        value={repeat}
        onChange={setRepeat}
        autoComplete="new-password"
        required
      />
      {vaultHasPassword ? (
        <PasswordField
          label="Your vault password (to confirm it is you)"
          value={vaultPassword}
          onChange={setVaultPassword}
          autoComplete="current-password"
          required
        />
      ) : null}
      <ErrorMessage message={error} />
      <div className="dialog-buttons">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Setting…' : passwordSet ? 'Change backup password' : 'Set backup password'}
        </button>
      </div>
    </form>
  );
}
