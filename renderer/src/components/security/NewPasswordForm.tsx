import { useState, type FormEvent } from 'react';
import { messageOf } from '../../api';
import { PasswordField } from '../PasswordField';
import { CurrentPasswordField, PasswordFormActions } from './PasswordFormParts';
import { PasswordStrength, usePasswordAssessment } from './PasswordStrength';

/**
 * New password twice, with strength feedback; the current one too when changing it. Refuses
 * short or mismatched passwords before asking main, which checks them again.
 */
export function NewPasswordForm({
  withCurrent,
  submitLabel,
  onSubmit,
  onCancel,
}: {
  withCurrent: boolean;
  submitLabel: string;
  onSubmit: (newPassword: string, currentPassword?: string) => Promise<void>;
  onCancel?: () => void;
}) {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const assessment = usePasswordAssessment(password, repeat);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (assessment && !assessment.ok) return setError(assessment.problem ?? '');
    if (password !== repeat)
      return setError('The two passwords differ. Type the same password twice.');
    setBusy(true);
    try {
      await onSubmit(password, withCurrent ? current : undefined);
      setError('');
    } catch (e) {
      setError(messageOf(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="password-form" onSubmit={(e) => void submit(e)}>
      {withCurrent ? <CurrentPasswordField value={current} onChange={setCurrent} /> : null}
      <PasswordField
        label="New password"
        value={password}
        onChange={setPassword}
        autoComplete="new-password"
        required
      />
      <PasswordStrength password={password} assessment={assessment} />
      <PasswordField
        label="Repeat the new password"
        value={repeat}
        onChange={setRepeat}
        autoComplete="new-password"
        required
      />
      <PasswordFormActions
        error={error}
        submitLabel={submitLabel}
        submitClass="primary"
        busy={busy}
        onCancel={onCancel}
      />
    </form>
  );
}
