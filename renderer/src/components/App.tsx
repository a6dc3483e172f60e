import { useEffect } from 'react';
import { remote } from '../api';
import { useStore } from '../store/store';
import { AccountList } from './AccountList';
import { AddAccountForm } from './AddAccountForm';
import { ImportView } from './import/ImportView';
import { WindowImports } from './import/WindowImports';
import { LockScreen } from './LockScreen';
import { ToastView } from './ToastView';

/** Top level: lock screen until the vault is open, then the list or the add form. */
export function App() {
  const status = useStore((s) => s.status);
  const view = useStore((s) => s.view);
  const setView = useStore((s) => s.setView);

  useEffect(() => {
    const { loadStatus, loadAccounts, tick } = useStore.getState();
    void loadStatus();
    const unsubscribe = remote.onChanged(() => void loadAccounts());
    // One shared clock for every row's countdown.
    const timer = setInterval(() => tick(Date.now()), 1000);
    return () => {
      unsubscribe();
      clearInterval(timer);
    };
  }, []);

  if (!status) return <main className="app loading" aria-busy="true" />;
  if (status.state !== 'unlocked') return <LockScreen status={status} />;

  return (
    <main className="app">
      <header className="toolbar">
        <h1>OTP Desk</h1>
        {view === 'list' ? (
          <button type="button" className="primary" onClick={() => setView('add')}>
            Add account
          </button>
        ) : (
          <button type="button" onClick={() => setView('list')}>
            Back to codes
          </button>
        )}
      </header>
      {view === 'add' ? <AddAccountForm /> : view === 'import' ? <ImportView /> : <AccountList />}
      <WindowImports />
      <ToastView />
    </main>
  );
}
