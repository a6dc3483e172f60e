import './security.css';
import { useEffect, useRef } from 'react';
import { AUTO_LOCK_CHOICES, type Settings } from '../../../../electron/core/settings';
import { saveSettingsOrToast } from '../../lib/save-settings';
import { useStore } from '../../store/store';
import { PasswordSettings } from './PasswordSettings';

function Toggle({
  field,
  label,
  hint,
  disabled,
}: {
  field: keyof Settings;
  label: string;
  hint?: string;
  disabled?: boolean;
}) {
  const value = useStore((s) => s.settings[field]);
  return (
    <label className="check">
      <input
        type="checkbox"
        checked={value === true}
        disabled={disabled}
        onChange={(e) => saveSettingsOrToast({ [field]: e.target.checked } as Partial<Settings>)}
      />
      {label}
      {hint ? <span className="hint"> {hint}</span> : null}
    </label>
  );
}

/** Settings › Security: the vault password, when OTP Desk locks itself, and privacy of the codes on screen. */
export function SecuritySettings() {
  const hasPassword = useStore((s) => s.status?.hasPassword ?? false);
  const minutes = useStore((s) => s.settings.autoLockMinutes);
  const section = useRef<HTMLFieldSetElement>(null);
  // Opened from a password offer: show this section and put the cursor in its first field.
  useEffect(() => {
    const { settingsSection, clearSettingsSection } = useStore.getState();
    if (settingsSection !== 'security' || !section.current) return;
    section.current.scrollIntoView({ block: 'start' });
    section.current.querySelector<HTMLInputElement>('input:not([disabled])')?.focus();
    clearSettingsSection();
  }, []);
  return (
    <>
      <fieldset ref={section} className="security" aria-labelledby="security-title">
        <legend id="security-title">Security</legend>
        <h3>Vault password</h3>
        <PasswordSettings />
        <h3>Lock</h3>
        {hasPassword ? null : (
          <p className="hint">Locking needs a vault password: set one above first.</p>
        )}
        <label>
          Lock after being idle for
          <select
            value={minutes}
            disabled={!hasPassword}
            onChange={(e) =>
              saveSettingsOrToast({
                autoLockMinutes: Number(e.target.value) as Settings['autoLockMinutes'],
              })
            }
          >
            {AUTO_LOCK_CHOICES.map((m) => (
              <option key={m} value={m}>
                {m === 0 ? 'Never' : m === 1 ? '1 minute' : `${m} minutes`}
              </option>
            ))}
          </select>
        </label>
        <Toggle
          field="lockOnScreenLock"
          label="Lock when the screen locks or the computer sleeps"
          disabled={!hasPassword}
        />
        <Toggle
          field="requirePasswordAtStart"
          label="Ask for the password at every start"
          hint="The OS keychain alone no longer opens the vault."
          disabled={!hasPassword}
        />
      </fieldset>
      <fieldset>
        <legend>Privacy</legend>
        <Toggle field="hideCodesUntilClicked" label="Hide codes until clicked" />
        <Toggle field="blurWhenInactive" label="Blur codes when the window is in the background" />
        <Toggle
          field="contentProtection"
          label="Hide the window from screenshots and screen sharing"
          hint="(in the app, on Windows and macOS)"
        />
      </fieldset>
    </>
  );
}
