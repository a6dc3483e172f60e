import { useMemo } from 'react';
import { uniformPeriodOf } from '../lib/code-clock';
import { useStore } from '../store/store';

/**
 * The period all time-based accounts share, or null. When there is one, a single countdown
 * above the list serves every row (as Aegis shows one progress bar when periods are uniform),
 * so the rows stay still until their codes change; when periods differ, each row counts down
 * its own. Over all accounts, not the search result, so the list doesn't change form as you type.
 */
export function useUniformPeriod(): number | null {
  const accounts = useStore((s) => s.accounts);
  return useMemo(() => uniformPeriodOf(accounts), [accounts]);
}
