import { saveSettingsOrToast } from '../../lib/save-settings';
import { useStore } from '../../store/store';

/** First run (no accounts yet): offers a vault password, skipped for good with "Skip". */
export function PasswordOffer() {
  const show = useStore(
    (s) => s.status?.hasPassword === false && !s.settings.passwordOfferDismissed,
  );
  const setView = useStore((s) => s.setView);
  if (!show) return null;
  return (
    <aside className="password-offer banner" aria-label="Protect OTP Desk with a password">
      <p>
        Protect OTP Desk with a password? You can then lock it, and the password opens your accounts
        even if the keychain is lost.
      </p>
      <div className="form-actions">
        <button type="button" className="primary" onClick={() => setView('settings')}>
          Set a password
        </button>
        <button type="button" onClick={() => saveSettingsOrToast({ passwordOfferDismissed: true })}>
          Skip
        </button>
      </div>
    </aside>
  );
}
