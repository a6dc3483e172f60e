import { ErrorMessage } from '../ErrorMessage';
import { PasswordField } from '../PasswordField';

/** The vault password in use now, asked before changing or removing it. */
export function CurrentPasswordField({
  value,
  onChange,
}: {
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <PasswordField
      label="Current password"
      value={value}
      onChange={onChange}
      autoComplete="current-password"
      required
    />
  );
}

/** A password form's error, its submit button and, when there is one, Cancel. */
export function PasswordFormActions({
  error,
  submitLabel,
  submitClass,
  busy,
  onCancel,
}: {
  error: string;
  submitLabel: string;
  submitClass: 'primary' | 'danger';
  /** Disables submit while main works; leave out for a form with no wait. */
  busy?: boolean;
  onCancel?: (() => void) | undefined;
}) {
  return (
    <>
      <ErrorMessage message={error} />
      <div className="form-actions">
        <button type="submit" className={submitClass} disabled={busy} aria-busy={busy}>
          {submitLabel}
        </button>
        {onCancel ? (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </>
  );
}
