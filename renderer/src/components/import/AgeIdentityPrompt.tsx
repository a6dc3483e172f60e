import { useRef, useState, type FormEvent } from 'react';
import type { ImportPreview } from '../../../../electron/api';
import { useStore } from '../../store/store';
import { PasswordField } from '../PasswordField';
import '../export/age.css';

/**
 * Opens age files in the import with an identity: an age key file or an SSH private key, chosen
 * as a file or pasted. The text goes to main once and is dropped here right after; main never
 * sends it back. A passphrase-protected SSH key shows a passphrase field when main asks for one.
 */
export function AgeIdentityPrompt({ locked }: { locked: ImportPreview['locked'] }) {
  const unlock = useStore((s) => s.unlockImportWithIdentity);
  const error = useStore((s) => s.importPasswordError);
  const [pasted, setPasted] = useState('');
  const [picked, setPicked] = useState<{ name: string; text: string } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [needsPassphrase, setNeedsPassphrase] = useState(false);
  const [trying, setTrying] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const names = locked.map((f) => f.fileName).join(', ');
  const identity = picked?.text ?? pasted;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTrying(true);
    const outcome = await unlock(identity, picked?.name ?? 'the pasted key', needsPassphrase ? passphrase : undefined);
    setTrying(false);
    setPassphrase('');
    setNeedsPassphrase(outcome === 'passphrase');
    if (outcome === 'opened') {
      setPasted('');
      setPicked(null);
    }
  };

  const pick = async (files: FileList | null) => {
    const file = files?.[0];
    if (fileInput.current) fileInput.current.value = '';
    if (!file) return;
    setPicked({ name: file.name, text: await file.text() });
    setPasted('');
    setNeedsPassphrase(false);
  };

  return (
    <form className="password-prompt age-identity" onSubmit={(e) => void submit(e)} aria-label="Age file">
      <p>
        {locked.length === 1 ? 'This file is encrypted with age: ' : 'These files are encrypted with age: '}
        <strong>{names}</strong>. Open it with your identity: your age key file or SSH private key (such as ~/.ssh/id_ed25519). It stays on this computer.
      </p>
      <div className="age-actions">
        <button type="button" onClick={() => fileInput.current?.click()}>
          Choose identity file…
        </button>
        <span className="hint">{picked ? `Chosen: ${picked.name}` : 'or paste it below'}</span>
      </div>
      <input ref={fileInput} type="file" hidden onChange={(e) => void pick(e.target.files)} aria-label="Identity file" />
      {picked ? null : (
        <label>
          Identity (pasted)
          <textarea value={pasted} onChange={(e) => setPasted(e.target.value)} rows={3} spellCheck={false} autoComplete="off" placeholder="AGE-SECRET-KEY-1…  or  -----BEGIN OPENSSH PRIVATE KEY-----" />
        </label>
      )}
      {needsPassphrase ? (
        <>
          <p className="hint">{picked?.name ?? 'This SSH key'} is protected by a passphrase.</p>
          <PasswordField label="SSH key passphrase" value={passphrase} onChange={setPassphrase} autoComplete="off" autoFocus />
        </>
      ) : null}
      <div className="dialog-buttons">
        <button type="submit" className="primary" disabled={!identity.trim() || trying || (needsPassphrase && !passphrase)}>
          {trying ? 'Opening…' : 'Open'}
        </button>
      </div>
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
