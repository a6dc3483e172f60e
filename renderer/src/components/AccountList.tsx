import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { canReorder, useListKeys } from '../hooks/use-list-keys';
import { useShownAccounts } from '../hooks/use-shown-accounts';
import { useUniformPeriod } from '../hooks/use-uniform-period';
import { useVirtualWindow } from '../hooks/use-virtual-window';
import { messageOf } from '../api';
import { useStore } from '../store/store';
import { AccountRow } from './AccountRow';
import { RowMenu, type RowMenuAt } from './RowMenu';

export const ROW_HEIGHT = { compact: 52, comfortable: 68 } as const;

/**
 * The accounts, virtualized: only the rows in view (and the focused one) are in the DOM, so
 * 1000 accounts cost what 20 do. The list re-renders when the range, the focus or the
 * accounts change, never on the clock tick; with one period for all, no row changes on it either.
 */
export function AccountList() {
  const shown = useShownAccounts();
  const density = useStore((s) => s.settings.density);
  const nextCode = useStore((s) => s.settings.nextCode);
  const focusedId = useStore((s) => s.focusedId);
  const ownTimers = useUniformPeriod() === null;
  const reorderable = useStore((s) => s.settings.sort === 'manual' && !s.query && !s.group);
  const scroller = useRef<HTMLDivElement>(null);
  const wantFocus = useRef(false);
  const rowHeight = ROW_HEIGHT[density];
  const { start, end, totalHeight, pageRows } = useVirtualWindow(scroller, shown.length, rowHeight);
  const found = shown.findIndex((a) => a.id === focusedId);
  const focusedIndex = found >= 0 ? found : 0;
  const lastIndex = useRef(0);

  const moveFocus = useCallback(
    (index: number) => {
      const target = shown[Math.max(0, Math.min(shown.length - 1, index))];
      const el = scroller.current;
      if (!target || !el) return;
      const i = shown.indexOf(target);
      if (i * rowHeight < el.scrollTop) el.scrollTop = i * rowHeight;
      else if ((i + 1) * rowHeight > el.scrollTop + el.clientHeight)
        el.scrollTop = (i + 1) * rowHeight - el.clientHeight;
      wantFocus.current = true;
      useStore.getState().setFocusedId(target.id);
    },
    [shown, rowHeight],
  );
  const keepFocus = useCallback(() => void (wantFocus.current = true), []);
  const listKeys = useListKeys(shown, pageRows, moveFocus, keepFocus);
  const [menu, setMenu] = useState<RowMenuAt | null>(null);
  const openMenu = useCallback((id: string, x: number, y: number) => setMenu({ id, x, y }), []);
  const closeMenu = useCallback(() => setMenu(null), []);
  // The Menu key or Shift+F10 opens the focused row's context menu below its name.
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ContextMenu' || (event.shiftKey && event.key === 'F10')) {
      const row = (event.target as HTMLElement).closest('.account-row');
      const id = (event.target as HTMLElement).dataset['accountId'];
      if (row && id) {
        event.preventDefault();
        const box = row.getBoundingClientRect();
        setMenu({ id, x: box.left + 56, y: box.bottom - 8 });
      }
      return;
    }
    listKeys(event);
  };

  useLayoutEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    scroller.current
      ?.querySelector<HTMLElement>(`[data-account-id="${shown[focusedIndex]?.id}"]`)
      ?.focus();
  });

  // A deleted row takes keyboard focus with it: hand it to the row now in its place.
  useLayoutEffect(() => {
    if (found >= 0) lastIndex.current = found;
  });
  useLayoutEffect(() => {
    if (found >= 0 || shown.length === 0) return;
    const active = document.activeElement;
    if ((active && active !== document.body) || document.querySelector('dialog[open]')) return;
    const target = shown[Math.min(lastIndex.current, shown.length - 1)];
    if (!target) return;
    wantFocus.current = true;
    useStore.getState().setFocusedId(target.id);
  }, [shown, found]);

  // The list takes focus when it appears (a fresh window, or back from another screen) unless
  // something else has it, so arrows, j/k and Home work at once and focus returns to its row.
  useLayoutEffect(() => {
    const active = document.activeElement;
    if ((active && active !== document.body) || shown.length === 0) return;
    const el = scroller.current;
    if (el && focusedIndex * rowHeight > el.scrollTop + el.clientHeight - rowHeight)
      el.scrollTop = Math.max(0, (focusedIndex + 1) * rowHeight - el.clientHeight);
    // Quiet until a key is pressed: the focused row doesn't show its next code or open up.
    const list = el?.querySelector('.account-list');
    list?.setAttribute('data-quiet', '');
    const wake = () => list?.removeAttribute('data-quiet');
    window.addEventListener('keydown', wake, { once: true, capture: true });
    el?.querySelector<HTMLElement>(`[data-account-id="${shown[focusedIndex]?.id}"]`)?.focus();
    // Only on mounting.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onDrop = useCallback(
    (draggedId: string, targetId: string) => {
      const s = useStore.getState();
      const ids = shown.map((a) => a.id).filter((id) => id !== draggedId);
      if (!canReorder() || !draggedId || draggedId === targetId) return;
      ids.splice(
        ids.indexOf(targetId) +
          (shown.findIndex((a) => a.id === draggedId) < shown.findIndex((a) => a.id === targetId)
            ? 1
            : 0),
        0,
        draggedId,
      );
      s.reorder(ids).catch((e: unknown) => s.showToast(messageOf(e), 'error'));
    },
    [shown],
  );

  const indices: number[] = [];
  for (let i = start; i < end; i++) indices.push(i);
  if (shown.length > 0 && (focusedIndex < start || focusedIndex >= end)) indices.push(focusedIndex);

  return (
    <div className={`list-scroller next-${nextCode}`} ref={scroller}>
      {shown.length === 0 ? (
        <p className="no-match">No account matches. Press Esc to clear the search.</p>
      ) : null}
      <ul
        className="account-list"
        aria-label={`Accounts, ${shown.length}`}
        style={{ height: totalHeight, ['--row-height' as string]: `${rowHeight}px` }}
        onKeyDown={onKeyDown}
      >
        {indices.map((i) => (
          <AccountRow
            key={shown[i]!.id}
            account={shown[i]!}
            index={i}
            total={shown.length}
            top={i * rowHeight}
            focused={i === focusedIndex}
            ownTimer={ownTimers}
            onDrop={reorderable ? onDrop : undefined}
            onMenu={openMenu}
          />
        ))}
      </ul>
      {menu ? <RowMenu key={menu.id} at={menu} onClose={closeMenu} /> : null}
    </div>
  );
}
