import { useEffect } from 'react';
import { messageOf, remote } from '../../api';
import { useStore } from '../../store/store';
import './backup.css';

/**
 * Above every view: a failed backup as a persistent alert until one succeeds, or (first run)
 * a dismissible nudge to set a backup folder and password once there is something to lose.
 */
export function BackupBanner() {
  const status = useStore((s) => s.backupStatus);
  const hasAccounts = useStore((s) => s.accounts.length > 0);
  const view = useStore((s) => s.view);
  useEffect(() => {
    const load = () => void useStore.getState().loadBackupStatus().catch(() => undefined);
    load();
    // No polling: main pushes "changed" when a backup attempt ends (BackupService notify), so a
    // failure shows up without a click; a 4 s poll woke the renderer and the service for nothing.
    return remote.onChanged(load);
  }, []);
  // Only where backups are the subject or the user is at rest (the codes list), never over a
  // task in progress (adding an account, two codes, settings, an import).
  if (!status || (view !== 'list' && view !== 'backups')) return null;
  const { setView, runBackupNow, configureBackups, showToast } = useStore.getState();
  const act = (work: () => Promise<void>) => () => void work().catch((e: unknown) => showToast(messageOf(e), 'error'));
  if (status.lastError) {
    return (
      <div className="banner warn backup-banner" role="alert" data-testid="backup-failure">
        <span>
          <strong>Backup failed</strong> ({status.lastError.attempts}×). {status.lastError.message}
        </span>
        <span className="banner-buttons">
          <button type="button" onClick={act(runBackupNow)}>Retry now</button>
          {view !== 'backups' ? <button type="button" onClick={() => setView('backups')}>Open Backups</button> : null}
        </span>
      </div>
    );
  }
  const configured = status.folder !== '' && status.passwordSet;
  if (configured || status.promptDismissed || !hasAccounts || view === 'backups') return null;
  return (
    <div className="banner info backup-banner" role="status">
      <span>Protect your accounts: set a backup folder and password, and OTP Desk keeps an encrypted copy after every change.</span>
      <span className="banner-buttons">
        <button type="button" className="primary" onClick={() => setView('backups')}>Set up backups</button>
        <button type="button" onClick={act(() => configureBackups({ backupPromptDismissed: true }))}>Not now</button>
      </span>
    </div>
  );
}
