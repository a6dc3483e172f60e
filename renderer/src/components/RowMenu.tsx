import { useEffect, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { AccountSummary } from '../../../electron/core/otp/account';
import { messageOf } from '../api';
import { copyCode } from '../lib/copy-code';
import { fullNameOf } from '../lib/visible-accounts';
import { useStore } from '../store/store';

export interface RowMenuAt {
  readonly id: string;
  readonly x: number;
  readonly y: number;
}

interface Item {
  readonly label: string;
  readonly keys: string;
  readonly run: () => void;
}

function itemsFor(account: AccountSummary): Item[] {
  const s = useStore.getState();
  const report = (p: Promise<unknown>) =>
    p.catch((e: unknown) => s.showToast(messageOf(e), 'error'));
  return [
    { label: 'Copy code', keys: 'Enter', run: () => void copyCode(account, 'current') },
    { label: 'Copy the next code', keys: 'Shift+Enter', run: () => void copyCode(account, 'next') },
    { label: 'Two codes (AWS)', keys: 'T', run: () => s.openPair(account.id) },
    { label: 'Edit…', keys: 'E', run: () => s.setEditId(account.id) },
    {
      label: account.favorite ? 'Remove from favourites' : 'Favourite',
      keys: 'F',
      run: () => void report(s.updateAccount(account.id, { favorite: !account.favorite })),
    },
    { label: 'Delete…', keys: 'Del', run: () => s.setDeleteId(account.id) },
  ];
}

/**
 * The row's context menu (right click, the Menu key or Shift+F10): every row action with its
 * shortcut. Arrows move, Enter chooses, Esc or a click elsewhere closes it and focus returns to
 * the row.
 */
export function RowMenu({ at, onClose }: { at: RowMenuAt; onClose: () => void }) {
  const account = useStore((s) => s.accounts.find((a) => a.id === at.id));
  const menu = useRef<HTMLUListElement>(null);
  const [pos, setPos] = useState({ left: at.x, top: at.y });

  // Kept inside the window, and focused on its first item.
  useLayoutEffect(() => {
    const el = menu.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    setPos({
      left: Math.max(4, Math.min(at.x, window.innerWidth - width - 4)),
      top: Math.max(4, Math.min(at.y, window.innerHeight - height - 4)),
    });
    el.querySelector<HTMLElement>('[role="menuitem"]')?.focus();
  }, [at]);

  const close = () => {
    onClose();
    document.querySelector<HTMLElement>(`[data-account-id="${at.id}"]`)?.focus();
  };

  useEffect(() => {
    const away = (e: MouseEvent) => {
      if (!menu.current?.contains(e.target as Node)) onClose();
    };
    window.addEventListener('mousedown', away, true);
    return () => window.removeEventListener('mousedown', away, true);
  }, [onClose]);

  if (!account) return null;
  const items = itemsFor(account);
  const choose = (item: Item) => {
    close();
    item.run();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const all = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="menuitem"]')];
    const at = all.indexOf(document.activeElement as HTMLElement);
    const go = (i: number) => all[(i + all.length) % all.length]?.focus();
    if (event.key === 'ArrowDown') go(at + 1);
    else if (event.key === 'ArrowUp') go(at - 1);
    else if (event.key === 'Home') go(0);
    else if (event.key === 'End') go(all.length - 1);
    else if (event.key === 'Escape' || event.key === 'Tab') close();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };

  return (
    <ul
      ref={menu}
      className="row-menu"
      role="menu"
      aria-label={`Actions for ${fullNameOf(account)}`}
      style={{ left: pos.left, top: pos.top }}
      onKeyDown={onKeyDown}
    >
      {items.map((item) => (
        <li key={item.label} role="none">
          <button
            type="button"
            role="menuitem"
            tabIndex={-1}
            onClick={() => choose(item)}
            aria-keyshortcuts={item.keys === 'Del' ? 'Delete' : item.keys}
          >
            <span>{item.label}</span>
            <kbd>{item.keys}</kbd>
          </button>
        </li>
      ))}
    </ul>
  );
}
