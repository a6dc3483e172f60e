import type { KeyboardEvent } from 'react';
import type { AccountSummary } from '../../../electron/core/otp/account';
import { messageOf } from '../api';
import { copyCode } from '../lib/copy-code';
import { movedOrder } from '../lib/visible-accounts';
import { useStore } from '../store/store';

/** Whether the manual order can be changed from this view (nothing filtered, manual sort). */
export function canReorder(): boolean {
  const s = useStore.getState();
  return s.settings.sort === 'manual' && !s.query && !s.group;
}

const report = (p: Promise<unknown>) =>
  p.catch((e: unknown) => useStore.getState().showToast(messageOf(e), 'error'));

/**
 * The list's keyboard: arrows or j/k move, Home/End/PageUp/PageDown jump, Enter copies
 * (Shift+Enter the next code), T two codes, E edit, F favourite, R next HOTP code, Delete
 * deletes (asks first), Alt+arrows move the account in the manual order.
 */
export function useListKeys(
  shown: readonly AccountSummary[],
  pageRows: number,
  moveFocus: (index: number) => void,
  keepFocus: () => void,
) {
  return (event: KeyboardEvent) => {
    const s = useStore.getState();
    const index = Math.max(
      0,
      shown.findIndex((a) => a.id === s.focusedId),
    );
    const account = shown[index];
    if (!account || event.ctrlKey || event.metaKey) return;
    const key = event.key;
    let handled = true;
    if (event.altKey && (key === 'ArrowUp' || key === 'ArrowDown')) {
      const ids = canReorder()
        ? movedOrder(s.accounts, shown, account.id, key === 'ArrowUp' ? -1 : 1)
        : null;
      if (ids) {
        keepFocus(); // the row moves in the DOM; put focus back on it after the re-render
        void report(s.reorder(ids));
      } else if (!canReorder())
        s.showToast('Choose the manual order and clear the search to move accounts.');
    } else if (event.altKey) handled = false;
    else if (key === 'ArrowDown' || key === 'j') moveFocus(index + 1);
    else if (key === 'ArrowUp' || key === 'k') moveFocus(index - 1);
    else if (key === 'Home') moveFocus(0);
    else if (key === 'End') moveFocus(shown.length - 1);
    else if (key === 'PageDown') moveFocus(index + pageRows);
    else if (key === 'PageUp') moveFocus(index - pageRows);
    else if (key === 'Enter') void copyCode(account, event.shiftKey ? 'next' : 'current');
    else if (key === 't' || key === 'T') s.openPair(account.id);
    else if (key === 'e' || key === 'E') s.setEditId(account.id);
    else if (key === 'f' || key === 'F')
      void report(s.updateAccount(account.id, { favorite: !account.favorite }));
    else if ((key === 'r' || key === 'R') && account.type === 'hotp')
      void report(s.advanceCounter(account.id));
    else if (key === 'Delete' || key === 'Backspace') s.setDeleteId(account.id);
    else handled = false;
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  };
}
