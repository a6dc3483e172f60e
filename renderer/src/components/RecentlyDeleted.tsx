import { useEffect, useState } from 'react';
import type { DeletedAccount } from '../../../electron/api';
import { call, messageOf, remote } from '../api';
import { titleOf } from '../lib/visible-accounts';
import { useStore } from '../store/store';

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Accounts deleted in the last 30 days, each with Restore: a delete is never final, even after a restart. */
export function RecentlyDeleted() {
  const [deleted, setDeleted] = useState<readonly DeletedAccount[] | null>(null);
  const accounts = useStore((s) => s.accounts);
  useEffect(() => {
    // Reloads when the accounts change (a restore here, or an undo elsewhere).
    call(remote.trash.list()).then(setDeleted, () => setDeleted([]));
  }, [accounts]);
  const restore = (id: string) => {
    const s = useStore.getState();
    s.restoreAccount(id).catch((e: unknown) => s.showToast(messageOf(e), 'error'));
  };
  return (
    <fieldset>
      <legend>Recently deleted</legend>
      {deleted && deleted.length > 0 ? (
        <ul className="deleted-list" aria-label="Recently deleted accounts">
          {deleted.map(({ account, deletedAt }) => (
            <li key={account.id}>
              <span className="names">
                <span className="issuer">{titleOf(account)}</span>
                <span className="account">
                  {account.issuer ? `${account.account} · ` : ''}deleted {day.format(deletedAt)}
                </span>
              </span>
              <button
                type="button"
                onClick={() => restore(account.id)}
                aria-label={`Restore ${titleOf(account)}`}
              >
                Restore
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="hint">Nothing deleted in the last 30 days.</p>
      )}
      <p className="hint">
        Deleted accounts stay in the encrypted vault for 30 days, so a delete can be undone even
        after closing the app.
      </p>
    </fieldset>
  );
}
