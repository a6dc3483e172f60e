import { useCallback, useEffect, useRef, useState } from 'react';
import type { AccountCodes } from '../../../electron/api';
import { groupCode } from '../../../electron/core/otp/otp';
import { call, remote } from '../api';
import { copyToClipboard } from '../lib/clipboard';
import { bothCodes, endsTooSoon, isCurrent, isUrgent, pairAge, pairPhase, type PairPhase } from '../lib/pinned-pair';
import { fullNameOf } from '../lib/visible-accounts';
import { useStore } from '../store/store';
import { BrandTile } from './BrandTile';

interface Pinned {
  readonly codes: AccountCodes;
  /** Corrected unix seconds when the pair was taken. */
  readonly at: number;
}

const nowSec = () => useStore.getState().now / 1000;

/**
 * The codes of steps T and T+1 now: the store's when they are current, else asked of main. With
 * only a few seconds left on step T, the pair that starts next (T+1, T+2), so nobody races a clock.
 */
async function takePair(id: string): Promise<Pinned | null> {
  const at = nowSec();
  const known = useStore.getState().codes[id];
  if (isCurrent(known, at) && !endsTooSoon(known, at)) return { codes: known, at };
  const ahead = isCurrent(known, at) && known.validUntil ? (known.validUntil - at) * 1000 + 50 : 0;
  const fresh = (await call(remote.codes.at(Date.now() + ahead))).find((c) => c.id === id);
  return fresh ? { codes: fresh, at: nowSec() } : null;
}

function statusText(phase: PairPhase, age: number): string {
  const taken = `Pair taken ${age} s ago.`;
  switch (phase.kind) {
    case 'counter':
      return 'Counter codes: both stay valid until used.';
    case 'fresh':
      return `${taken} Both codes are good for ${phase.firstLeft} s more.`;
    case 'upcoming':
      return `This pair starts in ${phase.startsIn} s, as the current code ends; both codes are then good for ${phase.period} s.`;
    case 'late':
      return `${taken} Most services accept this pair for ${phase.secondLeft} s more. Enter both codes, or press N for a newer pair.`;
    case 'expired':
      return `${taken} This pair has expired. Press N for a new pair.`;
  }
}

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * Two consecutive codes, for enrolling a virtual MFA device (AWS asks for two in a row). The
 * pair is pinned when the view opens: both codes stay those of steps T and T+1 until the user
 * asks for a new pair, so a period rolling over between the two copies can't mix them up.
 */
export function PairView() {
  const account = useStore((s) => s.accounts.find((a) => a.id === s.pairId));
  const id = account?.id;
  const [pinned, setPinned] = useState<Pinned | null>(() => {
    const s = useStore.getState();
    const known = s.pairId ? s.codes[s.pairId] : undefined;
    return isCurrent(known, s.now / 1000) && !endsTooSoon(known, s.now / 1000) ? { codes: known, at: s.now / 1000 } : null;
  });
  const now = useStore((s) => s.now) / 1000;
  const first = useRef<HTMLButtonElement>(null);
  const fresh = useRef<HTMLButtonElement>(null);
  const focusFirst = useRef(false);
  // A new pair puts focus back on "Copy first code", ready for Enter.
  useEffect(() => {
    if (!focusFirst.current) return;
    focusFirst.current = false;
    first.current?.focus();
  }, [pinned]);

  const renew = useCallback(async () => {
    if (!id) return;
    try {
      const pair = await takePair(id);
      focusFirst.current = true;
      setPinned(pair);
    } catch {
      useStore.getState().showToast('The codes could not be read. Try again.', 'error');
    }
  }, [id]);

  // Opened right after a period boundary, before the list's codes caught up: ask main once.
  // Only on opening: afterwards the pair changes when the user asks.
  useEffect(() => {
    if (pinned || !id) return;
    let live = true;
    takePair(id)
      .then((pair) => {
        if (!live) return;
        // "Copy first code" was disabled (no code yet) when the view opened, so autofocus missed it.
        focusFirst.current = !document.activeElement || document.activeElement === document.body;
        setPinned(pair);
      })
      .catch(() =>
        useStore.getState().showToast('The codes could not be read. Try again.', 'error'),
      );
    return () => void (live = false);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const phase = pinned ? pairPhase(pinned.codes, now) : null;
  const expired = phase?.kind === 'expired';
  // Once the pair has expired its copy buttons are disabled: keep focus on the way forward.
  useEffect(() => {
    if (expired && (!document.activeElement || document.activeElement === document.body))
      fresh.current?.focus();
  }, [expired]);

  const copy = useCallback(
    async (text: string, what: string) => {
      if (!account) return;
      const { settings, showToast } = useStore.getState();
      try {
        await copyToClipboard(text, settings.clipboardClearSeconds);
        showToast(`Copied ${what} for ${fullNameOf(account)}`);
      } catch {
        showToast('The clipboard is not available. Click the window and try again.', 'error');
      }
    },
    [account],
  );

  // 1, 2 and B copy, N takes a new pair (Esc, handled window-wide, goes back to the list).
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const s = useStore.getState();
      if (s.helpOpen || s.editId || s.deleteId || event.defaultPrevented) return;
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      const key = event.key.toLowerCase();
      const usable = pinned && !expired;
      if (key === 'n') void renew();
      else if (key === '1' && usable) void copy(pinned.codes.code, 'the first code');
      else if (key === '2' && usable) void copy(pinned.codes.next, 'the second code');
      else if (key === 'b' && usable) void copy(bothCodes(pinned.codes), 'both codes');
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [pinned, expired, renew, copy]);

  if (!account) return <p className="hint">That account is gone. Press Esc to go back.</p>;
  const name = fullNameOf(account);
  return (
    <section className="pair-view" aria-labelledby="pair-title">
      <h2 id="pair-title">
        <BrandTile issuer={account.issuer} icon={account.icon} fallback={name} />
        <span className="pair-names">
          <span>Two consecutive codes for {account.issuer || account.account}</span>
          {account.issuer && account.account ? (
            <span className="account">{account.account}</span>
          ) : null}
        </span>
      </h2>
      <p className="hint">
        Enter both, in this order, where a service asks for two consecutive codes: for an AWS
        virtual MFA device, the first is “MFA code 1” and the second “MFA code 2”.
      </p>
      <div className={`pair${expired ? ' expired' : ''}`}>
        {(
          [
            ['first', 'First code', pinned?.codes.code, '1', first],
            ['second', 'Second code', pinned?.codes.next, '2', null],
          ] as const
        ).map(([which, label, code, key, ref]) => (
          <div className="pair-code" key={which}>
            <span className="pair-label">{label}</span>
            <span className="code" data-testid={`pair-${which}`}>
              {code ? groupCode(code) : '…'}
            </span>
            <button
              type="button"
              ref={ref}
              autoFocus={which === 'first'}
              disabled={!code || expired}
              onClick={() => code && void copy(code, `the ${which} code`)}
              aria-keyshortcuts={key}
              title={`Copy the ${which} code (${key})`}
            >
              Copy {which} code
            </button>
          </div>
        ))}
      </div>
      <div className="pair-actions">
        <button
          type="button"
          disabled={!pinned || expired}
          onClick={() => pinned && void copy(bothCodes(pinned.codes), 'both codes')}
          aria-keyshortcuts="B"
          title="Both codes on two lines, for forms that take them together (B)"
        >
          Copy both
        </button>
        <button
          type="button"
          ref={fresh}
          className={expired ? 'primary' : undefined}
          onClick={() => void renew()}
          aria-keyshortcuts="N"
          title="Take the two codes of now (N)"
        >
          New pair
        </button>
      </div>
      <p
        className={`pair-timer${phase && isUrgent(phase) ? ' urgent' : ''}`}
        role="timer"
        aria-live="off"
        data-testid="pair-status"
      >
        {phase && pinned ? statusText(phase, pairAge(pinned.at, now)) : 'Reading the codes…'}
      </p>
      {expired ? (
        <p className="visually-hidden" role="alert">
          This pair has expired. Press N for a new pair.
        </p>
      ) : null}
    </section>
  );
}
