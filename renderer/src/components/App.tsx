import { useEffect, useRef } from 'react';
import { remote } from '../api';
import { useGlobalKeys } from '../hooks/use-global-keys';
import { useSharedClock } from '../hooks/use-shared-clock';
import { useThemeAttributes } from '../hooks/use-theme-attributes';
import { useWindowFocus } from '../hooks/use-window-focus';
import { useStore } from '../store/store';
import { AddAccountForm } from './AddAccountForm';
import { CodesView } from './CodesView';
import { Dialogs } from './Dialogs';
import { BackupLayer } from './backup/BackupLayer';
import { BackupsView } from './backup/BackupsView';
import { ImportView } from './import/ImportView';
import { WindowImports } from './import/WindowImports';
import { LockScreen } from './LockScreen';
import { OpenedLinks } from './OpenedLinks';
import { RestoreScreen } from './RestoreScreen';
import { PairView } from './PairView';
import { SettingsView } from './SettingsView';
import { Toolbar } from './Toolbar';
import { ToastView } from './ToastView';

async function refreshAfterChange(): Promise<void> {
  const { loadStatus, loadAccounts } = useStore.getState();
  const wasUnlocked = useStore.getState().status?.state === 'unlocked';
  await loadStatus().catch(() => undefined);
  if (wasUnlocked && useStore.getState().status?.state === 'unlocked') await loadAccounts().catch(() => undefined);
}

/** Top level: lock screen until the vault is open, then the toolbar and one view (see ui-slice's View). */
export function App() {
  const status = useStore((s) => s.status);
  const view = useStore((s) => s.view);
  // A class, not `.view-list:has(.empty-state)`: that :has() restyled the whole view on every row
  // the virtualized list inserted while scrolling (bench uiScrollFrameP95Ms, invalidation trace).
  const welcome = useStore((s) => s.view === 'list' && s.accountsLoaded && s.accounts.length === 0);
  const search = useRef<HTMLInputElement>(null);
  const focused = useWindowFocus();
  const blurCodes = useStore((s) => s.settings.blurWhenInactive) && !focused;
  useSharedClock();
  useThemeAttributes();
  useGlobalKeys(search);

  useEffect(() => {
    const { loadStatus } = useStore.getState();
    void loadStatus();
    // A change may be a lock (auto-lock, screen lock, another window): the status comes first.
    return remote.onChanged(() => void refreshAfterChange());
  }, []);

  if (!status) return <main className="app loading" aria-busy="true" />;
  if (status.state !== 'unlocked' && status.recovery) return <RestoreScreen status={status} recovery={status.recovery} />;
  if (status.state !== 'unlocked')
    return (
      <>
        <OpenedLinks />
        <LockScreen status={status} />
      </>
    );

  return (
    <div className={blurCodes ? 'app blur-codes' : 'app'}>
      <Toolbar />
      <BackupLayer />
      {/* Keyed by view: each screen opens at its top, not where the last one was scrolled to. */}
      <main key={view} className={`view view-${view}${welcome ? ' view-welcome' : ''}`}>
        {view === 'add' ? <AddAccountForm /> : null}
        {view === 'settings' ? <SettingsView /> : null}
        {view === 'pair' ? <PairView /> : null}
        {view === 'import' ? <ImportView /> : null}
        {view === 'backups' ? <BackupsView /> : null}
        {view === 'list' ? <CodesView ref={search} /> : null}
      </main>
      <Dialogs />
      <WindowImports />
      <OpenedLinks />
      <ToastView />
    </div>
  );
}
