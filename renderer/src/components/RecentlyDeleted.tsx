import { useEffect, useState } from 'react';
import type { DeletedAccount } from '../../../electron/api';
import { call, messageOf, remote } from '../api';
import { titleOf } from '../lib/visible-accounts';
import { useStore } from '../store/store';

const day = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const WHY = { removed: 'deleted', sync: 'removed on another device', overwritten: 'older version, replaced' } as const;

/** Accounts deleted in the last 30 days, each with Restore: a delete is never final, even after a restart. */
export function RecentlyDeleted() {
  const [deleted, setDeleted] = useState<readonly DeletedAccount[] | null>(null);
  const accounts = useStore((s) => s.accounts);
  useEffect(() => {
    // Reloads when the accounts change (a restore here, or an undo elsewhere).
    call(remote.trash.list()).then(setDeleted, () => setDeleted([]));
  }, [accounts]);
  const restore = ({ account, entryId, reason }: DeletedAccount) => {
    const s = useStore.getState();
    // A merge's removal or replaced version goes back through the Trash entry (a new change, so it syncs).
    const work =
      reason === 'sync' || reason === 'overwritten'
        ? call(remote.trash.restore(entryId ?? account.id)).then((r) => {
            s.showToast(`Restored ${titleOf(r)}`);
            return s.loadAccounts();
          })
        : s.restoreAccount(account.id);
    work.catch((e: unknown) => s.showToast(messageOf(e), 'error'));
  };
  return (
    <fieldset>
      <legend>Recently deleted</legend>
      {deleted && deleted.length > 0 ? (
        <ul className="deleted-list" aria-label="Recently deleted accounts">
          {deleted.map((entry) => (
            <li key={entry.entryId ?? entry.account.id}>
              <span className="names">
                <span className="issuer">{titleOf(entry.account)}</span>
                <span className="account">
                  {entry.account.issuer ? `${entry.account.account} · ` : ''}
                  {WHY[entry.reason ?? 'removed']} {day.format(entry.deletedAt)}
                </span>
              </span>
              <button
                type="button"
                onClick={() => restore(entry)}
                aria-label={`Restore ${titleOf(entry.account)}`}
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
