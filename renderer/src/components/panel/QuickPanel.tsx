import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { groupCode } from '../../../../electron/core/otp/otp';
import { call, messageOf, remote } from '../../api';
import { useSharedClock } from '../../hooks/use-shared-clock';
import { useThemeAttributes } from '../../hooks/use-theme-attributes';
import { copyCode } from '../../lib/copy-code';
import { titleOf, visibleAccounts } from '../../lib/visible-accounts';
import { useStore } from '../../store/store';
import { LockScreen } from '../LockScreen';
import { ToastView } from '../ToastView';
import './quick-panel.css';

/** Rows the panel lists at most; the search narrows the rest. */
const MAX_ROWS = 50;

/**
 * The quick-copy panel the tray icon and the global shortcut open: the search is focused, ↑↓
 * choose, Enter copies the code and hides the panel, Shift+Enter copies the next code, Esc hides.
 */
export function QuickPanel() {
  const status = useStore((s) => s.status);
  const accounts = useStore((s) => s.accounts);
  const sort = useStore((s) => s.settings.sort);
  const codes = useStore((s) => s.codes);
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState(0);
  const [error, setError] = useState('');
  const search = useRef<HTMLInputElement>(null);
  useSharedClock();
  useThemeAttributes();

  useEffect(() => {
    const { loadStatus, loadAccounts } = useStore.getState();
    void loadStatus();
    const offChanged = remote.onChanged(() => {
      // The vault may have been locked from the tray, or changed by the main window or the CLI.
      void call(remote.vault.status()).then((next) => {
        if (next.state !== useStore.getState().status?.state) void loadStatus();
        else if (next.state === 'unlocked') void loadAccounts();
      });
    });
    // Each time the panel is shown it starts fresh: empty search, first row, codes up to date.
    const onFocus = () => {
      setQuery('');
      setSelected(0);
      search.current?.focus();
      if (useStore.getState().status?.state === 'unlocked') void useStore.getState().refreshCodes();
    };
    window.addEventListener('focus', onFocus);
    return () => {
      offChanged();
      window.removeEventListener('focus', onFocus);
    };
  }, []);

  const shown = useMemo(
    () => visibleAccounts(accounts, query, '', sort).slice(0, MAX_ROWS),
    [accounts, query, sort],
  );
  const current = shown[Math.min(selected, shown.length - 1)];

  const hide = () => void remote.desktop.hidePanel();
  const copy = async (which: 'current' | 'next') => {
    if (!current || !(await copyCode(current, which))) return; // The toast says why.
    setQuery('');
    setSelected(0);
    hide();
  };
  const lock = async () => {
    setError('');
    try {
      await call(remote.vault.lock());
      await useStore.getState().loadStatus();
    } catch (e) {
      setError(messageOf(e));
    }
  };

  if (!status) return <main className="quick-panel" aria-busy="true" />;
  if (status.state !== 'unlocked')
    return (
      <div className="quick-panel locked">
        <LockScreen status={status} />
      </div>
    );

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setSelected((i) =>
        Math.max(0, Math.min(shown.length - 1, Math.min(i, shown.length - 1) + step)),
      );
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void copy(event.shiftKey ? 'next' : 'current');
    } else if (event.key === 'Escape') {
      event.preventDefault();
      setQuery('');
      setSelected(0);
      hide();
    }
  };

  return (
    <main className="quick-panel" onKeyDown={onKeyDown}>
      <div className="quick-search">
        <input
          ref={search}
          type="search"
          autoFocus
          placeholder="Search accounts"
          aria-label="Search accounts"
          aria-controls="quick-list"
          aria-activedescendant={current ? `quick-${current.id}` : undefined}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setSelected(0);
          }}
        />
        <button
          type="button"
          className="quick-lock"
          onClick={() => void lock()}
          disabled={!status.hasPassword}
          title={status.hasPassword ? 'Lock OTP Desk now' : 'Set a vault password to lock OTP Desk'}
        >
          Lock now
        </button>
      </div>
      {error ? (
        <p className="quick-error" role="alert">
          {error}
        </p>
      ) : null}
      <ul id="quick-list" className="quick-list" role="listbox" aria-label="Accounts">
        {shown.map((account, index) => {
          const entry = codes[account.id];
          const active = account === current;
          return (
            <li
              key={account.id}
              id={`quick-${account.id}`}
              role="option"
              aria-selected={active}
              className={active ? 'quick-row active' : 'quick-row'}
              onMouseEnter={() => setSelected(index)}
              onClick={(e) => {
                setSelected(index);
                void copyCode(account, e.shiftKey ? 'next' : 'current').then(
                  (copied) => copied && hide(),
                );
              }}
            >
              <span className="quick-names">
                <span className="quick-issuer">{titleOf(account)}</span>
                {account.issuer && account.account ? (
                  <span className="quick-account">{account.account}</span>
                ) : null}
              </span>
              <span className="quick-code" data-testid="quick-code">
                {entry ? groupCode(entry.code) : '··· ···'}
              </span>
            </li>
          );
        })}
      </ul>
      {shown.length === 0 ? (
        <p className="quick-empty">
          {accounts.length === 0
            ? 'No accounts yet. Add one in the OTP Desk window.'
            : `Nothing matches “${query}”.`}
        </p>
      ) : (
        <p className="quick-hint">Enter copies · Shift+Enter the next code · Esc hides</p>
      )}
      <ToastView />
    </main>
  );
}
