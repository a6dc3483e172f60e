import { useState } from 'react';
import { call, remote } from '../../api';
import { useStore } from '../../store/store';
import { ErrorMessage } from '../ErrorMessage';
import { SyncDevices } from './SyncDevices';
import { SyncFollow } from './SyncFollow';
import { SyncJoinForms } from './SyncJoinForms';
import { SyncPassword } from './SyncPassword';
import { useAction } from '../../hooks/use-action';
import { formatTime, useSyncStatus } from './use-sync-status';
import './sync.css';

/** Settings › Sync: set up or join a sync folder, its devices and status, and followed phone backups. */
export function SyncSettings() {
  const { status, reload } = useSyncStatus();
  const { busy, error, run } = useAction();
  const [confirmLeave, setConfirmLeave] = useState(false);
  if (!status) return null;
  const syncNow = () =>
    void run(async () => {
      const s = await call(remote.sync.now());
      const counts = `${s.added} added, ${s.changed} changed, ${s.removed} moved to Recently deleted`;
      if (s.problems.length > 0) useStore.getState().showToast(`Synced with ${s.problems.length === 1 ? 'a problem' : `${s.problems.length} problems`} (see Settings › Sync): ${counts}`, 'error');
      else useStore.getState().showToast(`Synced: ${counts}`);
      reload();
    });
  const leave = () =>
    void run(async () => {
      await call(remote.sync.leave());
      setConfirmLeave(false);
      reload();
    });
  return (
    <fieldset className="sync-settings">
      <legend>Sync</legend>
      {status.folder ? (
        <>
          <dl className="sync-facts" data-testid="sync-facts">
            <dt>Folder</dt>
            <dd className="folder-path">{status.folder}</dd>
            <dt>This device</dt>
            <dd>{status.device?.name ?? '-'}</dd>
            <dt>Last sync</dt>
            <dd>{status.lastSync ? formatTime(status.lastSync * 1000) : 'never'}</dd>
          </dl>
          {status.problems.map((p) => (
            <p key={p} className="error">{p}</p>
          ))}
          <ErrorMessage message={error} />
          {confirmLeave ? (
            <div className="sync-confirm" role="group" aria-label="Stop syncing here?">
              <p>Stop syncing here? The accounts stay on this device; the other devices keep syncing with a new key.</p>
              <div className="dialog-buttons">
                <button type="button" className="danger" disabled={busy} onClick={leave}>Stop syncing</button>
                <button type="button" onClick={() => setConfirmLeave(false)}>Cancel</button>
              </div>
            </div>
          ) : (
            <div className="dialog-buttons">
              <button type="button" disabled={busy} onClick={syncNow}>Sync now</button>
              <button type="button" disabled={busy} onClick={() => setConfirmLeave(true)}>Stop syncing here…</button>
            </div>
          )}
          <h3>Devices</h3>
          <SyncDevices lastSync={status.lastSync} />
          <SyncPassword />
        </>
      ) : (
        <SyncJoinForms onDone={reload} />
      )}
      <SyncFollow follows={status.follows} onDone={reload} />
    </fieldset>
  );
}
