import { useEffect, useState } from 'react';
import type { BrowserPairingSummary, BrowserPendingPairing } from '../../../electron/api';
import type { Settings } from '../../../electron/core/settings';
import { call, messageOf, remote } from '../api';
import { useStore } from '../store/store';
import { ErrorMessage } from './ErrorMessage';

const BROWSERS = ['chrome', 'chromium', 'edge', 'brave', 'firefox'] as const;
const BROWSER_NAMES: Record<(typeof BROWSERS)[number], string> = {
  chrome: 'Google Chrome',
  chromium: 'Chromium',
  edge: 'Microsoft Edge',
  brave: 'Brave',
  firefox: 'Firefox',
};

/** Settings › Browser: paired browsers (unpair), pairing requests, the native host, and how fills behave. */
export function BrowserSettings() {
  const settings = useStore((s) => s.settings);
  const saveSettings = useStore((s) => s.saveSettings);
  const [pairings, setPairings] = useState<BrowserPairingSummary[]>([]);
  const [pending, setPending] = useState<BrowserPendingPairing[]>([]);
  const [browser, setBrowser] = useState<(typeof BROWSERS)[number]>('chrome');
  const [note, setNote] = useState('');
  const [error, setError] = useState('');

  const refresh = () => {
    void call(remote.browser.pairings()).then(setPairings, () => setPairings([]));
    void call(remote.browser.pendingPairings()).then(setPending, () => setPending([]));
  };
  useEffect(() => {
    refresh();
    // Pairing requests arrive from the browser at any time while this page is open.
    const timer = setInterval(refresh, 2000);
    return () => clearInterval(timer);
  }, []);

  const act = async (work: () => Promise<unknown>, done = '') => {
    setError('');
    setNote('');
    try {
      await work();
      setNote(done);
    } catch (e) {
      setError(messageOf(e));
    }
    refresh();
  };
  const save = (patch: Partial<Settings>) => act(() => saveSettings(patch));

  return (
    <fieldset className="browser-settings">
      <legend>Browser</legend>
      {pending.map((p) => (
        <div key={p.id} role="alert" className="pairing-request">
          <p>
            {p.name} asks to pair. Pair only if its OTP Desk button shows{' '}
            <strong>{`${p.code.slice(0, 3)} ${p.code.slice(3)}`}</strong>.
          </p>
          <button
            type="button"
            className="primary"
            onClick={() =>
              void act(() => call(remote.browser.confirmPairing(p.id, true)), 'Paired.')
            }
          >
            Pair
          </button>
          <button
            type="button"
            onClick={() => void act(() => call(remote.browser.confirmPairing(p.id, false)))}
          >
            Decline
          </button>
        </div>
      ))}
      <p>
        {pairings.length === 0
          ? 'No browser is paired. Pair from the OTP Desk button in the browser’s toolbar.'
          : 'Paired browsers:'}
      </p>
      {pairings.length > 0 && (
        <ul className="pairings">
          {pairings.map((p) => (
            <li key={p.id}>
              {p.name}{' '}
              <span className="hint">since {new Date(p.createdAt).toLocaleDateString()}</span>{' '}
              <button
                type="button"
                onClick={() =>
                  void act(() => call(remote.browser.unpair(p.id)), `Unpaired ${p.name}.`)
                }
              >
                Unpair
              </button>
            </li>
          ))}
        </ul>
      )}
      <label>
        Install the browser helper for
        <select
          value={browser}
          onChange={(e) => setBrowser(e.target.value as (typeof BROWSERS)[number])}
        >
          {BROWSERS.map((b) => (
            <option key={b} value={b}>
              {BROWSER_NAMES[b]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={() =>
          void act(
            () => call(remote.browser.installHost(browser)),
            `Installed for ${BROWSER_NAMES[browser]}.`,
          )
        }
      >
        Install
      </button>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.browserConfirmFill}
          onChange={(e) => void save({ browserConfirmFill: e.target.checked })}
        />
        Ask in OTP Desk before each browser fill
      </label>
      <label>
        Wait for the next code when fewer seconds than this are left (0 = never)
        <input
          type="number"
          min={0}
          max={10}
          value={settings.browserNextCodeSeconds}
          onChange={(e) => {
            const n = Number(e.target.value);
            if (Number.isInteger(n) && n >= 0 && n <= 10) void save({ browserNextCodeSeconds: n });
          }}
        />
      </label>
      {note && <p role="status">{note}</p>}
      <ErrorMessage message={error} />
    </fieldset>
  );
}
