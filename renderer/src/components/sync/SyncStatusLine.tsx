import { formatTime, useSyncStatus } from './use-sync-status';
import './sync.css';

/** The codes window's one line: when this vault last synced, or what stops it (a missing folder). */
export function SyncStatusLine() {
  const { status } = useSyncStatus();
  if (!status || (!status.folder && status.follows.length === 0)) return null;
  const problem = status.problems[0];
  return (
    <p className={`sync-status ${problem ? 'failing' : ''}`} data-testid="sync-status" aria-live="polite">
      {problem ? `Sync: ${problem}` : status.lastSync ? `Synced ${formatTime(status.lastSync * 1000)}` : 'Not synced yet'}
    </p>
  );
}
