import { useState, type FormEvent } from 'react';
import { call, remote } from '../../api';
import { useStore } from '../../store/store';
import { ErrorMessage } from '../ErrorMessage';
import { PasswordField } from '../PasswordField';
import { FolderField } from './FolderField';
import { useAction } from '../../hooks/use-action';

/** Not syncing yet: start a sync folder here, or join one with a code shown on another device or the sync password. */
export function SyncJoinForms({ onDone }: { onDone: () => void }) {
  const [mode, setMode] = useState<'setup' | 'join' | 'password'>('setup');
  const [folder, setFolder] = useState('');
  const [name, setName] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useAction();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      if (mode === 'setup') await call(remote.sync.setup(folder, name));
      else await call(remote.sync.join(folder, mode === 'join' ? { code } : { password }, name));
      setCode('');
      setPassword('');
      useStore.getState().showToast(mode === 'setup' ? 'Sync is set up' : 'Joined the sync folder');
      onDone();
    });
  };
  return (
    <form className="sync-form" onSubmit={submit} aria-label={mode === 'setup' ? 'Set up sync' : 'Join sync'}>
      <div className="radio-row" role="radiogroup" aria-label="How to start">
        <label className="radio">
          <input type="radio" name="sync-mode" checked={mode === 'setup'} onChange={() => setMode('setup')} />
          Start syncing through a folder
        </label>
        <label className="radio">
          <input type="radio" name="sync-mode" checked={mode === 'join'} onChange={() => setMode('join')} />
          Join with a pairing code from another device
        </label>
        <label className="radio">
          <input type="radio" name="sync-mode" checked={mode === 'password'} onChange={() => setMode('password')} />
          Join with the sync password
        </label>
      </div>
      <FolderField label="Sync folder" value={folder} onChange={setFolder} onError={setError} />
      {mode === 'join' ? (
        <label>
          Pairing code
          <input value={code} onChange={(e) => setCode(e.target.value)} autoComplete="off" spellCheck={false} required />
        </label>
      ) : null}
      {mode === 'password' ? <PasswordField label="Sync password" value={password} onChange={setPassword} autoComplete="off" required /> : null}
      <label>
        Name of this device
        <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Work laptop" maxLength={200} />
      </label>
      <p className="hint">
        Use a folder a sync app (Syncthing, Dropbox, OneDrive, iCloud Drive) or a network share keeps
        in step. Only encrypted files are written there.
      </p>
      <ErrorMessage message={error} />
      <div className="dialog-buttons">
        <button type="submit" disabled={busy}>
          {mode === 'setup' ? 'Set up sync' : 'Join'}
        </button>
      </div>
    </form>
  );
}
