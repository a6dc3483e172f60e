import { lockNow } from '../lib/lock-now';
import { LockIcon } from './Icons';
import type { View } from '../store/ui-slice';
import { useStore } from '../store/store';

const TITLES: Partial<Record<View, string>> = { add: 'Add account', settings: 'Settings', pair: 'Two codes', import: 'Import', backups: 'Backups' };

/** The app bar: on the codes list, Add, Settings and Help; elsewhere, the way back. */
export function Toolbar() {
  const view = useStore((s) => s.view);
  const { setView, setHelpOpen } = useStore.getState();
  return (
    <header className="toolbar">
      <h1>
        <span className="logo" aria-hidden="true" />
        <span className="app-name">OTP Desk</span>
      </h1>
      <nav aria-label="Main">
        {view === 'list' ? (
          <>
            <button type="button" className="icon-button" onClick={lockNow} aria-label="Lock now" title="Lock now (Ctrl+L)">
              <LockIcon />
            </button>
            <button type="button" className="icon-button" onClick={() => setHelpOpen(true)} aria-label="Keyboard shortcuts" title="Keyboard shortcuts (?)">
              <span aria-hidden="true">?</span>
            </button>
            <button type="button" className="icon-button" onClick={() => setView('settings')} aria-label="Settings" title="Settings (Ctrl+,)">
              <span aria-hidden="true">⚙</span>
            </button>
            <button type="button" onClick={() => setView('backups')} title="Automatic backups, exports and restore">
              Backups
            </button>
            <button type="button" onClick={() => setView('import')} title="Import QR images, screenshots or backups (or drop them on the window)">
              Import
            </button>
            <button type="button" className="primary" onClick={() => setView('add')} title="Add account (Ctrl+N)">
              Add account
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setView('list')} aria-label={`Back to codes from ${TITLES[view] ?? 'this view'}`}>
            ← Back to codes
          </button>
        )}
      </nav>
    </header>
  );
}
