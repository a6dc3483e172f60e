import { useCallback, useEffect, useState } from 'react';
import type { SyncStatusView } from '../../../../electron/api';
import { call, remote } from '../../api';

/** Sync status, read again whenever the vault changes (a sync, a local change, another process). */
export function useSyncStatus(): { status: SyncStatusView | null; reload: () => void } {
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const reload = useCallback(() => {
    call(remote.sync.status()).then(setStatus, () => setStatus(null));
  }, []);
  useEffect(() => {
    reload();
    return remote.onChanged(reload);
  }, [reload]);
  return { status, reload };
}

/** "today 14:05" style time of a unix-seconds stamp. */
export { formatBackupTime as formatTime } from '../backup/format-time';
