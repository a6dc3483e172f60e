import { memo, useLayoutEffect, useRef } from 'react';
import { secondsLeft } from '../lib/code-clock';
import { useStore } from '../store/store';

const URGENT_SECONDS = 5;

/**
 * Seconds left in a code's period, as a ring and a number. React renders it once per code
 * window; the shared tick (one timer for the window) writes the few attributes that change
 * straight into its own elements, and only when the whole second shown changed. Re-rendering
 * ~18 visible countdowns through React every second (store update, render, commit, garbage) was
 * most of the window's idle CPU with 1000 accounts (bench `idleCpuPercent`).
 */
export const Countdown = memo(function Countdown({
  validUntil,
  period,
}: {
  validUntil: number;
  period: number;
}) {
  const box = useRef<HTMLSpanElement>(null);
  const arc = useRef<SVGCircleElement>(null);
  const number = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    let shown = -1;
    const paint = (nowMs: number) => {
      const left = secondsLeft(validUntil, period, nowMs);
      if (left === shown || !box.current || !arc.current || !number.current) return;
      // The class only when urgency flips: writing it every second restyled every countdown.
      if (shown < 0 || left <= URGENT_SECONDS !== shown <= URGENT_SECONDS)
        box.current.classList.toggle('urgent', left <= URGENT_SECONDS);
      shown = left;
      box.current.setAttribute('aria-label', `${left} ${left === 1 ? 'second' : 'seconds'} left`);
      arc.current.setAttribute('stroke-dasharray', `${period > 0 ? (left / period) * 100 : 0} 100`);
      // The text node's data, not textContent: replacing the node rebuilt its layout object each second.
      const text = number.current.firstChild;
      if (text) text.nodeValue = String(left);
      else number.current.textContent = String(left);
    };
    paint(useStore.getState().now);
    return useStore.subscribe((state, previous) => {
      if (state.now !== previous.now) paint(state.now);
    });
  }, [validUntil, period]);
  return (
    <span ref={box} className="countdown" role="timer">
      <svg viewBox="0 0 36 36" width="28" height="28" aria-hidden="true" focusable="false">
        <circle className="track" cx="18" cy="18" r="15.5" />
        <circle ref={arc} className="arc" cx="18" cy="18" r="15.5" pathLength="100" />
      </svg>
      <span ref={number} className="seconds" aria-hidden="true" />
    </span>
  );
});
