import { useEffect, useRef } from 'react';
import { remote } from '../api';
import { useGlobalKeys } from '../hooks/use-global-keys';
import { useSharedClock } from '../hooks/use-shared-clock';
import { useThemeAttributes } from '../hooks/use-theme-attributes';
import { useStore } from '../store/store';
import { AddAccountForm } from './AddAccountForm';
import { CodesView } from './CodesView';
import { Dialogs } from './Dialogs';
import { BackupLayer } from './backup/BackupLayer';
import { BackupsView } from './backup/BackupsView';
import { ImportView } from './import/ImportView';
import { WindowImports } from './import/WindowImports';
import { LockScreen } from './LockScreen';
import { RestoreScreen } from './RestoreScreen';
import { PairView } from './PairView';
import { SettingsView } from './SettingsView';
import { Toolbar } from './Toolbar';
import { ToastView } from './ToastView';

/** Top level: lock screen until the vault is open, then the toolbar and one view (see ui-slice's View). */
export function App() {
  const status = useStore((s) => s.status);
  const view = useStore((s) => s.view);
  const search = useRef<HTMLInputElement>(null);
  useSharedClock();
  useThemeAttributes();
  useGlobalKeys(search);

  useEffect(() => {
    const { loadStatus, loadAccounts } = useStore.getState();
    void loadStatus();
    return remote.onChanged(() => void loadAccounts());
  }, []);

  if (!status) return <main className="app loading" aria-busy="true" />;
  if (status.state !== 'unlocked' && status.recovery) return <RestoreScreen status={status} recovery={status.recovery} />;
  if (status.state !== 'unlocked') return <LockScreen status={status} />;

  return (
    <div className="app">
      <Toolbar />
      <BackupLayer />
      {/* Keyed by view: each screen opens at its top, not where the last one was scrolled to. */}
      <main key={view} className={`view view-${view}`}>
        {view === 'add' ? <AddAccountForm /> : null}
        {view === 'settings' ? <SettingsView /> : null}
        {view === 'pair' ? <PairView /> : null}
        {view === 'import' ? <ImportView /> : null}
        {view === 'backups' ? <BackupsView /> : null}
        {view === 'list' ? <CodesView ref={search} /> : null}
      </main>
      <Dialogs />
      <WindowImports />
      <ToastView />
    </div>
  );
}
