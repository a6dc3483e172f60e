import { memo, type DragEvent } from 'react';
import type { AccountSummary } from '../../../electron/core/otp/account';
import { copyCode } from '../lib/copy-code';
import { fullNameOf, titleOf } from '../lib/visible-accounts';
import { useStore } from '../store/store';
import { BrandTile } from './BrandTile';
import { CodeText } from './CodeText';
import { EditIcon, PairIcon } from './Icons';
import { RowTimer } from './RowTimer';

export interface RowProps {
  readonly account: AccountSummary;
  readonly index: number;
  readonly total: number;
  readonly top: number;
  readonly focused: boolean;
  /** Set when the row counts down its own period (periods differ); otherwise the list's countdown serves it. */
  readonly ownTimer: boolean;
  /** Set when drag and drop reordering is possible (manual order, nothing filtered). */
  readonly onDrop?: (draggedId: string, targetId: string) => void;
  /** Opens the row's context menu at a point in the window. */
  readonly onMenu?: (id: string, x: number, y: number) => void;
}

const DRAG_TYPE = 'application/x-otp-desk-account';

/** One account: its mark, names, the code (click or Enter copies), its countdown if it has its own, and its actions. */
export const AccountRow = memo(function AccountRow({
  account,
  index,
  total,
  top,
  focused,
  ownTimer,
  onDrop,
  onMenu,
}: RowProps) {
  const title = titleOf(account);
  const subtitle = account.issuer ? account.account : '';
  const drag = onDrop
    ? {
        draggable: true,
        onDragStart: (e: DragEvent) => e.dataTransfer.setData(DRAG_TYPE, account.id),
        onDragOver: (e: DragEvent) =>
          e.dataTransfer.types.includes(DRAG_TYPE) && e.preventDefault(),
        onDrop: (e: DragEvent) => onDrop(e.dataTransfer.getData(DRAG_TYPE), account.id),
      }
    : {};
  return (
    <li
      className="account-row"
      style={{ transform: `translateY(${top}px)` }}
      aria-posinset={index + 1}
      aria-setsize={total}
      data-index={index}
      onContextMenu={(e) => {
        if (!onMenu) return;
        e.preventDefault();
        onMenu(account.id, e.clientX, e.clientY);
      }}
      {...drag}
    >
      <button
        type="button"
        className="copy"
        data-account-id={account.id}
        tabIndex={focused ? 0 : -1}
        onClick={(e) => void copyCode(account, e.shiftKey ? 'next' : 'current')}
        onFocus={() => useStore.getState().setFocusedId(account.id)}
        aria-label={`Copy code for ${title}${subtitle ? ` ${subtitle}` : ''}`}
        title={fullNameOf(account)}
        aria-describedby={`codes-${account.id}`}
      >
        <BrandTile issuer={account.issuer} icon={account.icon} fallback={title} />
        {/* The longer of the two names may take a second line before it is cut short. */}
        <span className="names" data-wrap={subtitle.length > title.length ? 'account' : 'issuer'}>
          <span className="issuer">
            {account.favorite ? (
              <span className="star" aria-label="favourite">
                ★{' '}
              </span>
            ) : null}
            {title}
          </span>
          {subtitle || account.group ? (
            <span className="account">
              {subtitle}
              {account.group ? <span className="group-tag">{account.group}</span> : null}
            </span>
          ) : null}
        </span>
        <CodeText id={account.id} />
      </button>
      <RowTimer account={account} own={ownTimer} />
      <span className="row-actions">
        <button
          type="button"
          tabIndex={-1}
          className="icon-button"
          onClick={() => useStore.getState().openPair(account.id)}
          aria-label={`Two codes (AWS) for ${fullNameOf(account)}`}
          title="Two codes (AWS): two consecutive codes, as AWS asks for (T)"
        >
          <PairIcon />
        </button>
        <button
          type="button"
          tabIndex={-1}
          className="icon-button"
          onClick={() => useStore.getState().setEditId(account.id)}
          aria-label={`Edit ${fullNameOf(account)}`}
          title="Edit (E)"
        >
          <EditIcon />
        </button>
      </span>
    </li>
  );
});
