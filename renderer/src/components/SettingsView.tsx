import type { Settings } from '../../../electron/core/settings';
import { saveSettingsOrToast } from '../lib/save-settings';
import { useStore } from '../store/store';
import { BrowserSettings } from './BrowserSettings';
import { ClockSettings } from './ClockSettings';
import { DesktopSettings } from './DesktopSettings';
import { RecentlyDeleted } from './RecentlyDeleted';
import { SettingsFinder } from './SettingsFinder';
import { SecuritySettings } from './security/SecuritySettings';
import { SyncSettings } from './sync/SyncSettings';

type Choice<K extends keyof Settings> = readonly (readonly [Settings[K], string])[];

const THEMES: Choice<'theme'> = [
  ['system', 'Follow the system'],
  ['light', 'Light'],
  ['dark', 'Dark'],
];
const DENSITIES: Choice<'density'> = [
  ['comfortable', 'Comfortable'],
  ['compact', 'Compact'],
];
const NEXT: Choice<'nextCode'> = [
  ['always', 'Always'],
  ['hover', 'On hover or focus'],
  ['never', 'Never'],
];

const save = saveSettingsOrToast;

function Radios<K extends 'theme' | 'density' | 'nextCode'>({
  field,
  legend,
  choices,
}: {
  field: K;
  legend: string;
  choices: Choice<K>;
}) {
  const value = useStore((s) => s.settings[field]);
  return (
    <fieldset>
      <legend>{legend}</legend>
      {choices.map(([v, label]) => (
        <label key={v} className="radio">
          <input
            type="radio"
            name={field}
            checked={value === v}
            onChange={() => save({ [field]: v } as Partial<Settings>)}
          />
          {label}
        </label>
      ))}
    </fieldset>
  );
}

/** Look, copying and time. Every change is saved (encrypted, in the vault) as it is made. */
export function SettingsView() {
  const clearSeconds = useStore((s) => s.settings.clipboardClearSeconds);
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h2 id="settings-title">Settings</h2>
      <SettingsFinder />
      <Radios field="theme" legend="Theme" choices={THEMES} />
      <Radios field="density" legend="Density" choices={DENSITIES} />
      <Radios field="nextCode" legend="Show the next code" choices={NEXT} />
      <fieldset>
        <legend>Clipboard</legend>
        <label>
          Clear a copied code after (seconds, 0 = never)
          <input
            type="number"
            min={0}
            max={3600}
            value={clearSeconds}
            onChange={(e) => {
              const n = Number(e.target.value);
              if (Number.isInteger(n) && n >= 0 && n <= 3600) save({ clipboardClearSeconds: n });
            }}
          />
        </label>
        <p className="hint">
          Only cleared if the clipboard still holds that code, so anything you copied since is kept.
        </p>
      </fieldset>
      <ClockSettings />
      <SecuritySettings />
      <DesktopSettings />
      <BrowserSettings />
      <SyncSettings />
      <RecentlyDeleted />
    </section>
  );
}
