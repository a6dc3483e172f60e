import { useState, type FormEvent } from 'react';
import type { ImportPreview } from '../../../../electron/api';
import { useStore } from '../../store/store';
import { PasswordField } from '../PasswordField';

/** Asks for the password of encrypted backups in the import; a wrong one is refused and may be retried. */
export function PasswordPrompt({ locked }: { locked: ImportPreview['locked'] }) {
  const unlockImport = useStore((s) => s.unlockImport);
  const error = useStore((s) => s.importPasswordError);
  const [password, setPassword] = useState('');
  const [trying, setTrying] = useState(false);
  const names = locked.map((f) => `${f.fileName} (${f.format})`).join(', ');
  const notes = locked.flatMap((f) => (f.note ? [f.note] : []));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTrying(true);
    await unlockImport(password);
    setTrying(false);
    setPassword('');
  };

  return (
    <form
      className="password-prompt"
      onSubmit={(e) => void submit(e)}
      aria-label="Encrypted backup"
    >
      {notes.length === locked.length ? (
        // Only guessed from opaque bytes: say that the file may be no backup at all.
        notes.map((note) => <p key={note}>{note}</p>)
      ) : (
        <p>
          {locked.length === 1 ? 'This backup is encrypted: ' : 'These backups are encrypted: '}
          <strong>{names}</strong>. Enter the password it was saved with.
        </p>
      )}
      <div className="password-row">
        <PasswordField
          label="Backup password"
          value={password}
          onChange={setPassword}
          autoComplete="off"
          autoFocus
          aria-invalid={error !== ''}
          aria-describedby={error ? 'import-password-error' : undefined}
        />
        <button type="submit" className="primary" disabled={!password || trying}>
          {trying ? 'Opening…' : 'Open'}
        </button>
      </div>
      {error ? (
        <p className="error" id="import-password-error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
