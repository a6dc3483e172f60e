import { useState, type FormEvent } from 'react';
import type { BackupStatus } from '../../../../electron/api';
import { call, messageOf, remote } from '../../api';
import { useStore } from '../../store/store';
import { ErrorMessage } from '../ErrorMessage';

/** The backup folder (typed, or picked with the system dialog in the app) and how many backups to keep. */
export function BackupFolderForm({ status }: { status: BackupStatus }) {
  const [folder, setFolder] = useState(status.folder);
  const [keep, setKeep] = useState(String(status.keep));
  const [error, setError] = useState('');
  const save = async (event?: FormEvent, chosen?: string) => {
    event?.preventDefault();
    setError('');
    try {
      await useStore
        .getState()
        .configureBackups({ backupFolder: chosen ?? folder, backupKeep: Number(keep) });
      useStore
        .getState()
        .showToast((chosen ?? folder) ? 'Backup folder saved' : 'Automatic backups turned off');
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const choose = async () => {
    setError('');
    try {
      const picked = await call(remote.backups.chooseFolder());
      if (picked) {
        setFolder(picked);
        await save(undefined, picked);
      }
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <form className="backup-folder" onSubmit={(e) => void save(e)}>
      <label>
        Backup folder
        <span className="folder-row">
          <input
            value={folder}
            onChange={(e) => setFolder(e.target.value)}
            placeholder="/home/you/Backups/OTP Desk"
            spellCheck={false}
          />
          <button type="button" onClick={() => void choose()}>
            Choose…
          </button>
        </span>
      </label>
      <label className="keep">
        Keep the newest
        <input
          type="number"
          min={1}
          max={1000}
          value={keep}
          onChange={(e) => setKeep(e.target.value)}
          aria-label="Number of backups to keep"
        />
        backups
      </label>
      <ErrorMessage message={error} />
      <div className="dialog-buttons">
        <button type="submit">Save folder</button>
      </div>
    </form>
  );
}
