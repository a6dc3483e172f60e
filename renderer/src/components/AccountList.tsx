import { useStore } from '../store/store';
import { AccountRow } from './AccountRow';
import { EmptyState } from './EmptyState';

/** Every account with its rolling code. */
export function AccountList() {
  const accounts = useStore((s) => s.accounts);
  const loaded = useStore((s) => s.accountsLoaded);
  if (!loaded) return null;
  if (accounts.length === 0) return <EmptyState />;
  return (
    <ul className="account-list" aria-label="Accounts">
      {accounts.map((account) => (
        <AccountRow key={account.id} account={account} />
      ))}
    </ul>
  );
}
