import type { InputHTMLAttributes, ReactNode } from 'react';

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'onChange'>;

/** A labelled password input; the label wraps it, so it is announced with the field. */
export function PasswordField({
  label,
  value,
  onChange,
  ...input
}: { label: ReactNode; value: string; onChange: (value: string) => void } & InputProps) {
  return (
    <label>
      {label}
      <input type="password" value={value} onChange={(e) => onChange(e.target.value)} {...input} />
    </label>
  );
}
