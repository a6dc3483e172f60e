import { useCallback, useEffect, useMemo, useState } from 'react';
import type { SyncStatusView } from '../../../../electron/api';
import { call, remote } from '../../api';
import { newestOnly } from '../../newest-only';

/**
 * Sync status, read again whenever the vault changes (a sync, a local change, another process).
 * Only the newest read's answer counts (a set-up sends several; an older "not set up" arriving last
 * swapped the devices and their pairing code for the join form), and a failed read keeps what is
 * shown rather than hiding the section.
 */
export function useSyncStatus(): { status: SyncStatusView | null; reload: () => void } {
  const [status, setStatus] = useState<SyncStatusView | null>(null);
  const start = useMemo(() => newestOnly(), []);
  const reload = useCallback(() => {
    const isNewest = start();
    call(remote.sync.status()).then(
      (answer) => isNewest() && setStatus(answer),
      () => undefined,
    );
  }, [start]);
  useEffect(() => {
    reload();
    return remote.onChanged(reload);
  }, [reload]);
  return { status, reload };
}

/** "today 14:05" style time of a unix-seconds stamp. */
export { formatBackupTime as formatTime } from '../backup/format-time';
