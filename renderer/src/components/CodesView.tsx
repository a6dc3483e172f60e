import { forwardRef } from 'react';
import { useStore } from '../store/store';
import { AccountList } from './AccountList';
import { ClockBanner } from './ClockBanner';
import { EmptyState } from './EmptyState';
import { ListCountdown } from './ListCountdown';
import { ListControls } from './ListControls';
import { SearchBar } from './SearchBar';
import { SyncStatusLine } from './sync/SyncStatusLine';

/** The codes: search (with the list's countdown), group and sort above the virtualized list, or the first-run explanation. */
export const CodesView = forwardRef<HTMLInputElement>(function CodesView(_props, searchRef) {
  const loaded = useStore((s) => s.accountsLoaded);
  const empty = useStore((s) => s.accounts.length === 0);
  if (!loaded) return null;
  if (empty) return <EmptyState />;
  return (
    <>
      <div className="list-head">
        <div className="search-row">
          <SearchBar ref={searchRef} />
          <ListCountdown />
        </div>
        <ListControls />
      </div>
      <ClockBanner />
      <SyncStatusLine />
      <AccountList />
    </>
  );
});
