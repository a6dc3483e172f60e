import { useState, type FormEvent } from 'react';
import { messageOf } from '../../api';
import { PasswordField } from '../PasswordField';
import { CurrentPasswordField, PasswordFormActions } from './PasswordFormParts';
import { assessNow, PasswordStrength, usePasswordAssessment } from './PasswordStrength';

/**
 * New password twice, with strength feedback; the current one too when changing it. Refuses
 * short or mismatched passwords before asking main, which checks them again.
 */
export function NewPasswordForm({
  withCurrent,
  submitLabel,
  onSubmit,
  onCancel,
  weakRisk = 'Anyone who gets a copy of your vault file could guess it.',
}: {
  withCurrent: boolean;
  submitLabel: string;
  onSubmit: (newPassword: string, currentPassword?: string) => Promise<void>;
  onCancel?: () => void;
  /** Who could guess a weak password, said in the "use anyway?" question. */
  weakRisk?: string;
}) {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  // The weak password the user said "use anyway" to; any edit asks again.
  const [weakAccepted, setWeakAccepted] = useState<string | null>(null);
  const [weakWarning, setWeakWarning] = useState<string | null>(null);
  const assessment = usePasswordAssessment(password, repeat);
  const submit = async (event?: FormEvent, acceptWeak = false) => {
    event?.preventDefault();
    // Judged now, not by the meter: a fast click must not slip past a checker still loading.
    const judged = await assessNow(password, repeat);
    if (!judged.ok) return setError(judged.problem ?? '');
    if (judged.warning && !acceptWeak && weakAccepted !== password) {
      setError('');
      return setWeakWarning(judged.warning);
    }
    setWeakWarning(null);
    if (acceptWeak) setWeakAccepted(password);
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
        onChange={(value) => {
          setPassword(value);
          setWeakWarning(null);
        }}
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
      {weakWarning ? (
        <div className="weak-password" role="alert">
          <p>
            This password is weak: {weakWarning} {weakRisk} Choose a longer one, or use it anyway.
          </p>
          <button type="button" onClick={() => void submit(undefined, true)} disabled={busy}>
            Use this weak password
          </button>
        </div>
      ) : null}
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
