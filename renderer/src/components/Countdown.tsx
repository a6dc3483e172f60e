import { memo } from 'react';
import { secondsLeft } from '../lib/code-clock';
import { useStore } from '../store/store';

const URGENT_SECONDS = 5;

/**
 * Seconds left in a code's period, as a ring and a number. The only part of a row that
 * re-renders every second: it subscribes to the shared tick through one number.
 */
export const Countdown = memo(function Countdown({
  validUntil,
  period,
}: {
  validUntil: number;
  period: number;
}) {
  const left = useStore((s) => secondsLeft(validUntil, period, s.now));
  const urgent = left <= URGENT_SECONDS;
  const fraction = period > 0 ? left / period : 0;
  return (
    <span
      className={`countdown${urgent ? ' urgent' : ''}`}
      role="timer"
      aria-label={`${left} ${left === 1 ? 'second' : 'seconds'} left`}
    >
      <svg viewBox="0 0 36 36" width="28" height="28" aria-hidden="true" focusable="false">
        <circle className="track" cx="18" cy="18" r="15.5" />
        <circle
          className="arc"
          cx="18"
          cy="18"
          r="15.5"
          pathLength="100"
          strokeDasharray={`${fraction * 100} 100`}
        />
      </svg>
      <span className="seconds" aria-hidden="true">
        {left}
      </span>
    </span>
  );
});
