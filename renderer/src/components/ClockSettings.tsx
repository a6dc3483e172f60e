import { useState } from 'react';
import { MAX_CLOCK_OFFSET_MS } from '../../../electron/core/settings';
import { useStore } from '../store/store';
import { saveSettingsOrToast as save } from '../lib/save-settings';

/** The manual clock offset and the optional check of the system clock against a server's Date header. */
export function ClockSettings() {
  const offsetMs = useStore((s) => s.settings.clockOffsetMs);
  const enabled = useStore((s) => s.settings.timeCheckEnabled);
  const url = useStore((s) => s.settings.timeCheckUrl);
  const check = useStore((s) => s.clockCheck);
  const [draftUrl, setDraftUrl] = useState(url);
  const [checking, setChecking] = useState(false);
  const runCheck = async () => {
    setChecking(true);
    await useStore.getState().runClockCheck();
    setChecking(false);
  };
  return (
    <fieldset>
      <legend>Time</legend>
      <label>
        Clock offset (seconds, added to the system clock for every code; at most 15 minutes either way)
        <input
          type="number"
          step={1}
          value={Math.round(offsetMs / 1000)}
          onChange={(e) => {
            const seconds = Number(e.target.value);
            if (Number.isInteger(seconds) && Math.abs(seconds) * 1000 <= MAX_CLOCK_OFFSET_MS)
              save({ clockOffsetMs: seconds * 1000 });
          }}
        />
      </label>
      <label className="check">
        <input
          type="checkbox"
          checked={enabled}
          onChange={(e) => save({ timeCheckEnabled: e.target.checked })}
        />
        Check the system clock against a server (asks it for the time at start and when you press
        Check now)
      </label>
      <label>
        Time server
        <input
          type="url"
          value={draftUrl}
          onChange={(e) => setDraftUrl(e.target.value)}
          onBlur={() => draftUrl !== url && save({ timeCheckUrl: draftUrl })}
        />
      </label>
      <div className="row-buttons">
        <button type="button" onClick={() => void runCheck()} disabled={!enabled || checking}>
          {checking ? 'Checking…' : 'Check now'}
        </button>
      </div>
      {enabled && check ? (
        <p
          className={'error' in check || !check.ok ? 'error' : 'hint'}
          role="status"
          data-testid="clock-check"
        >
          {'error' in check ? check.error : check.message}
        </p>
      ) : null}
    </fieldset>
  );
}
