import { useMemo } from 'react';
import type { AccountSummary } from '../../../electron/core/otp/account';
import { visibleAccounts } from '../lib/visible-accounts';
import { useStore, type Store } from '../store/store';

/** The accounts the list shows now (search, group, sort), recomputed only when one of those changes. */
export function useShownAccounts(): readonly AccountSummary[] {
  const accounts = useStore((s) => s.accounts);
  const query = useStore((s) => s.query);
  const group = useStore((s) => s.group);
  const sort = useStore((s) => s.settings.sort);
  return useMemo(
    () => visibleAccounts(accounts, query, group, sort),
    [accounts, query, group, sort],
  );
}

/** The same list outside React (keyboard handlers). */
export function shownAccountsNow(s: Store = useStore.getState()): readonly AccountSummary[] {
  return visibleAccounts(s.accounts, s.query, s.group, s.settings.sort);
}
