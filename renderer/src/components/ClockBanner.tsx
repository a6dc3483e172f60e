import { MAX_CLOCK_OFFSET_MS } from '../../../electron/core/settings';
import { messageOf } from '../api';
import { useStore } from '../store/store';

/** Warns when the clock check found the system clock off, and offers to correct codes by the difference. */
export function ClockBanner() {
  const check = useStore((s) => s.clockCheck);
  const enabled = useStore((s) => s.settings.timeCheckEnabled);
  const offset = useStore((s) => s.settings.clockOffsetMs);
  if (!enabled || !check || ('ok' in check && check.ok)) return null;
  if ('error' in check)
    return (
      <p className="banner warn" role="alert">
        Clock check: {check.error}
      </p>
    );
  const correct = () => {
    const s = useStore.getState();
    s.saveSettings({ clockOffsetMs: Math.round(check.offsetMs / 1000) * 1000 })
      .then(() => s.runClockCheck())
      .catch((e: unknown) => s.showToast(messageOf(e), 'error'));
  };
  // Codes already follow the server's time once the offset matches the difference.
  if (Math.abs(offset - check.offsetMs) < 2_000) return null;
  return (
    <div className="banner warn" role="alert">
      <span>{check.message}</span>
      {/* Beyond the offset's bound only fixing the system time helps (the message says so). */}
      {Math.abs(check.offsetMs) <= MAX_CLOCK_OFFSET_MS && (
        <button type="button" onClick={correct}>
          Use this offset
        </button>
      )}
    </div>
  );
}
