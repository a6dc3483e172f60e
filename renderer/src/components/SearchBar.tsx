import { forwardRef, type KeyboardEvent } from 'react';
import { shownAccountsNow } from '../hooks/use-shown-accounts';
import { copyCode } from '../lib/copy-code';
import { useStore } from '../store/store';

/** Type to search issuer, account and group; Enter copies the top match, Down moves into the list, Esc clears (then returns to the list). */
export const SearchBar = forwardRef<HTMLInputElement>(function SearchBar(_props, ref) {
  const query = useStore((s) => s.query);
  const setQuery = useStore((s) => s.setQuery);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const first = shownAccountsNow()[0];
    if (event.key === 'Escape') {
      // Esc clears the search; with nothing to clear it hands the keyboard back to the list,
      // so j, k or T act on accounts instead of being typed here.
      event.stopPropagation();
      if (query) setQuery('');
      else
        document
          .querySelector<HTMLElement>('.account-list [data-account-id][tabindex="0"]')
          ?.focus();
    } else if (event.key === 'Enter' && first) {
      void copyCode(first, event.shiftKey ? 'next' : 'current');
    } else if (event.key === 'ArrowDown' && first) {
      event.preventDefault();
      useStore.getState().setFocusedId(first.id);
      document.querySelector<HTMLElement>(`[data-account-id="${first.id}"]`)?.focus();
    }
  };
  return (
    <div className="search" role="search">
      <input
        ref={ref}
        type="search"
        aria-label="Search accounts"
        placeholder="Search  ( / )"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={onKeyDown}
        spellCheck={false}
        autoComplete="off"
      />
    </div>
  );
});
