import { useStore } from '../../store/store';
import { ExportPanel } from '../export/ExportPanel';
import { BackupFolderForm } from './BackupFolderForm';
import { BackupPasswordForm } from './BackupPasswordForm';
import { BackupStatusLine } from './BackupStatusLine';
import { RestorePanel } from './RestorePanel';
import './backup.css';

/** Backups & export: automatic backup status and settings, exports, and restore. */
export function BackupsView() {
  const status = useStore((s) => s.backupStatus);
  if (!status) return <p aria-busy="true">Loading…</p>;
  return (
    <section className="settings backups-view" aria-labelledby="backups-title">
      <h2 id="backups-title">Backups &amp; export</h2>
      <fieldset>
        <legend>Automatic backups</legend>
        <BackupStatusLine status={status} />
        {/* Keyed by the saved folder, so a folder picked or saved elsewhere refills the field. */}
        <BackupFolderForm key={status.folder} status={status} />
        <BackupPasswordForm passwordSet={status.passwordSet} />
      </fieldset>
      <fieldset>
        <legend>Restore</legend>
        <RestorePanel folder={status.folder} />
      </fieldset>
      <fieldset>
        <legend>Export</legend>
        <ExportPanel />
      </fieldset>
    </section>
  );
}
