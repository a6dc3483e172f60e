import type { BackupStatus } from '../../../../electron/api';
import { formatBackupTime } from './format-time';

/** One line: when the last backup succeeded, or why there is none. */
export function BackupStatusLine({ status }: { status: BackupStatus }) {
  const configured = status.folder !== '' && status.passwordSet;
  let text: string;
  const last = status.lastSuccessAt ? `The last good backup is from ${formatBackupTime(status.lastSuccessAt)}.` : 'No backup has been written yet.';
  if (status.lastError) text = `Backups are failing since ${formatBackupTime(status.lastError.at)} (see the message above). ${last}`;
  else if (!configured) text = 'Automatic backups are off: set a folder and a backup password below.';
  else if (status.lastSuccessAt) text = `Last backup ${formatBackupTime(status.lastSuccessAt)}${status.lastFile ? ` (${status.lastFile})` : ''}.`;
  else text = status.note ?? 'No backup written yet; one is made after the next change.';
  return (
    <p className={`backup-status ${status.lastError ? 'failing' : configured && status.lastSuccessAt ? 'ok' : ''}`} data-testid="backup-status" aria-live="polite">
      <span className="dot" aria-hidden="true" />
      {text}
      {status.pending ? ' A change is waiting to be backed up…' : ''}
    </p>
  );
}
