import { useEffect, useState, type KeyboardEvent } from 'react';
import type { ShortcutStatus } from '../../../electron/api';
import { acceleratorLabel } from '../../../electron/core/accelerator';
import type { Settings } from '../../../electron/core/settings';
import { call, messageOf, remote } from '../api';
import { acceleratorFromKey } from '../lib/accelerator-from-key';
import { useStore } from '../store/store';
import { ErrorMessage } from './ErrorMessage';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** One line each for what closing the window does; "auto" and "on" differ only on macOS, so elsewhere one of them is offered. */
const CLOSE_CHOICES: readonly (readonly [Settings['closeToTray'], string])[] = isMac
  ? [
      ['auto', 'Keep running in the Dock (the macOS way)'],
      ['on', 'Keep running in the menu bar'],
      ['off', 'Quit'],
    ]
  : [
      ['auto', 'Keep running in the tray'],
      ['off', 'Quit'],
    ];

/** The tray, the global shortcut and launching at login: how OTP Desk lives on the desktop. */
export function DesktopSettings() {
  const settings = useStore((s) => s.settings);
  const saveSettings = useStore((s) => s.saveSettings);
  const [shortcut, setShortcut] = useState<ShortcutStatus | null>(null);
  const [recording, setRecording] = useState(false);
  const [error, setError] = useState('');

  const refresh = () =>
    void call(remote.desktop.shortcut()).then(setShortcut, () => setShortcut(null));
  useEffect(refresh, [settings.globalShortcut]);

  const save = async (patch: Partial<Settings>) => {
    setError('');
    try {
      await saveSettings(patch);
    } catch (e) {
      setError(messageOf(e));
    }
    refresh();
  };

  const record = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Tab') return;
    event.preventDefault();
    if (event.key === 'Escape') return setRecording(false);
    if (event.key === 'Backspace' && !event.ctrlKey && !event.metaKey && !event.altKey) {
      setRecording(false);
      return void save({ globalShortcut: '' });
    }
    const accelerator = acceleratorFromKey(event);
    if (!accelerator) return;
    setRecording(false);
    void save({ globalShortcut: accelerator });
  };

  return (
    <fieldset className="desktop-settings">
      <legend>Desktop</legend>
      <label>
        Shortcut that opens Quick Copy from anywhere
        <input
          readOnly
          value={
            recording
              ? 'Press the keys…'
              : shortcut?.label ||
                (settings.globalShortcut ? acceleratorLabel(settings.globalShortcut, isMac ? 'darwin' : 'other') : 'Off')
          }
          onFocus={() => setRecording(true)}
          onBlur={() => setRecording(false)}
          onKeyDown={record}
          aria-describedby="shortcut-status"
        />
      </label>
      <p
        id="shortcut-status"
        className="hint"
        role={shortcut?.message && shortcut.accelerator ? 'alert' : undefined}
      >
        {shortcut?.message ?? 'Click the field and press the keys; Backspace turns it off.'}
      </p>
      <div role="radiogroup" aria-labelledby="close-choice-title">
        <span id="close-choice-title">When the window is closed</span>
        {CLOSE_CHOICES.map(([value, label]) => (
          <label key={value} className="radio">
            <input
              type="radio"
              name="closeToTray"
              checked={settings.closeToTray === value || (!isMac && value === 'auto' && settings.closeToTray === 'on')}
              onChange={() => void save({ closeToTray: value })}
            />
            {label}
          </label>
        ))}
      </div>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.launchAtLogin}
          onChange={(e) => void save({ launchAtLogin: e.target.checked })}
        />
        Start OTP Desk, hidden in the tray, when I log in
      </label>
      <ErrorMessage message={error} />
    </fieldset>
  );
}
