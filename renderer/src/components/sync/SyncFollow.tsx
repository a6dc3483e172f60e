import { useState, type FormEvent } from 'react';
import type { SyncStatusView } from '../../../../electron/api';
import { call, remote } from '../../api';
import { useStore } from '../../store/store';
import { ErrorMessage } from '../ErrorMessage';
import { FolderField } from './FolderField';
import { FOLLOWED_APP_INFO, FOLLOWED_APP_NAMES } from '../../../../electron/sync/followed-app-info';
import { useAction } from '../../hooks/use-action';

/** Followed phone backup folders (Aegis, 2FAS, Ente Auth): the newest backup is read one way into this vault. */
export function SyncFollow({ follows, onDone }: { follows: SyncStatusView['follows']; onDone: () => void }) {
  const [folder, setFolder] = useState('');
  const [password, setPassword] = useState('');
  const { busy, error, setError, run } = useAction();
  const follow = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      const summary = await call(remote.sync.follow(folder, password));
      setPassword('');
      setFolder('');
      useStore.getState().showToast(`Following the folder: ${summary.added} added`);
      onDone();
    });
  };
  const unfollow = (f: string) =>
    void run(async () => {
      await call(remote.sync.unfollow(f));
      onDone();
    });
  return (
    <form className="sync-form" onSubmit={follow} aria-label="Follow a phone's backups">
      <h3>Follow a phone's backups</h3>
      {follows.length > 0 ? (
        <ul className="device-list" aria-label="Followed folders">
          {follows.map((f) => (
            <li key={f.folder}>
              <span className="names">
                <span className="issuer folder-path">{f.folder}</span>
                <span className="account">{f.app}: {f.lastFile ? `last read ${f.lastFile}` : 'no backup read yet'}</span>
              </span>
              <button type="button" disabled={busy} onClick={() => unfollow(f.folder)} aria-label={`Stop following ${f.folder}`}>
                Stop following
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <FolderField label={`Backup folder (${FOLLOWED_APP_NAMES})`} value={folder} onChange={setFolder} onError={setError} />
      <label>
        Backup password
        <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" required />
      </label>
      <p className="hint">The phone's newest backup is read at every sync, one way; deletes on the phone go to Recently deleted. Have the phone's backups reach this folder (Syncthing, a cloud drive):</p>
      <ul className="hint" aria-label="Where each app writes its backups">
        {FOLLOWED_APP_INFO.map((app) => (
          <li key={app.id}>
            <strong>{app.name}</strong>: {app.howTo} ({app.backupNames})
          </li>
        ))}
      </ul>
      <ErrorMessage message={error} />
      <div className="dialog-buttons">
        <button type="submit" disabled={busy}>Follow</button>
      </div>
    </form>
  );
}
