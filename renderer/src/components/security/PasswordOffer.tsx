import { saveSettingsOrToast } from '../../lib/save-settings';
import { useStore } from '../../store/store';

/**
 * The welcome screen's offer of a vault password (first run, no password yet); "Skip" hides it
 * for good. "Set a vault password…" opens Settings at its Security section.
 */
export function PasswordOffer() {
  const show = useStore(
    (s) => s.status?.hasPassword === false && !s.settings.passwordOfferDismissed,
  );
  const openSecuritySettings = useStore((s) => s.openSecuritySettings);
  if (!show) return null;
  return (
    <aside className="welcome-password" aria-label="Protect OTP Desk with a password">
      <h3>Keep them safe</h3>
      <p>
        Set a vault password to lock OTP Desk when you step away, and to open your accounts even if
        this computer’s keychain is lost.
      </p>
      <div className="offer-actions">
        <button type="button" onClick={openSecuritySettings}>
          Set a vault password…
        </button>
        <button type="button" onClick={() => saveSettingsOrToast({ passwordOfferDismissed: true })}>
          Skip
        </button>
      </div>
    </aside>
  );
}
