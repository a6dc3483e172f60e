import { useStore } from '../../store/store';
import { formatTime, useSyncStatus } from './use-sync-status';
import './sync.css';

/** The codes window's line: when this vault last synced, or what stops it (a missing folder). */
export function SyncStatusLine() {
  const { status } = useSyncStatus();
  if (!status || (!status.folder && status.follows.length === 0)) return null;
  const problem = status.problems[0];
  return (
    <div className={`sync-status ${problem ? 'failing' : ''}`} data-testid="sync-status" aria-live="polite">
      {/* A long problem (a folder path) is cut after two lines; Settings › Sync and the tooltip have it whole. */}
      <span title={problem}>{problem ? `Sync: ${problem}` : status.lastSync ? `Synced ${formatTime(status.lastSync * 1000)}` : 'Not synced yet'}</span>
      {problem ? (
        <button type="button" className="link-button" onClick={() => useStore.getState().setView('settings')}>
          Sync settings
        </button>
      ) : null}
    </div>
  );
}
