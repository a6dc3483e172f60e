import { useUniformPeriod } from '../hooks/use-uniform-period';
import { useStore } from '../store/store';
import { Countdown } from './Countdown';

/** The one countdown for the whole list when every time-based account shares a period. */
export function ListCountdown() {
  const period = useUniformPeriod();
  // With one period every time-based code shares its window, so the shown window's end is theirs.
  const until = useStore((s) => s.shownWindow.until);
  if (period === null) return null;
  return (
    <span className="list-countdown" title="Seconds until every code changes">
      <Countdown validUntil={Number.isFinite(until) ? until : 0} period={period} />
    </span>
  );
}
