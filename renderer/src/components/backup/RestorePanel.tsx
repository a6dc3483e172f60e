import { useState, type ChangeEvent } from 'react';
import type { ImportPreview } from '../../../../electron/api';
import { call, messageOf, remote } from '../../api';
import { RestoreReview } from './RestoreReview';
import { ErrorMessage } from '../ErrorMessage';

/** The file's bytes as base64, for imports.previewFiles. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('read failed'));
    reader.readAsDataURL(file);
  });
}

/** Restore: the newest backup in the folder in one click, or any backup file (Aegis or another app's export). */
export function RestorePanel({ folder }: { folder: string }) {
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [error, setError] = useState('');
  const open = async (load: () => Promise<ImportPreview>) => {
    setError('');
    try {
      setPreview(await load());
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file)
      void open(async () =>
        call(
          remote.imports.previewFiles([
            { fileName: file.name, dataBase64: await readBase64(file) },
          ]),
        ),
      );
  };
  if (preview) return <RestoreReview initial={preview} onDone={() => setPreview(null)} />;
  return (
    <div className="restore-panel">
      <p className="hint">
        Restored accounts go through the import review: into an empty vault, or merged with the
        accounts here.
      </p>
      <div className="dialog-buttons start">
        {folder ? (
          <button
            type="button"
            className="primary"
            onClick={() => void open(() => call(remote.backups.previewLatest()))}
          >
            Restore from latest backup
          </button>
        ) : null}
        <label className="file-button">
          Restore from a file…
          <input type="file" accept=".json,.txt,.csv,application/json" onChange={pick} />
        </label>
      </div>
      <ErrorMessage message={error} />
    </div>
  );
}
