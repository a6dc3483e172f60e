import { useStore } from '../store/store';
import { PasswordOffer } from './security/PasswordOffer';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const mod = isMac ? '⌘' : 'Ctrl';

/**
 * The welcome screen (one screen, not a tour): the three ways to add the first account, and the
 * offer of a vault password.
 */
export function EmptyState() {
  const { setView, scanScreen } = useStore.getState();
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <span className="empty-mark" aria-hidden="true">
        123 456
      </span>
      <h2 id="empty-title">No accounts yet</h2>
      <p className="lead">
        Turn on two-factor sign-in on a website (“authenticator app”), then bring its code here in
        one of three ways:
      </p>
      <ol className="ways">
        <li>
          <h3>Paste the key</h3>
          <p>
            Under the QR code, choose <strong>Can’t scan?</strong> or{' '}
            <strong>Show secret key</strong>, copy the key and press <kbd>{mod}</kbd>+<kbd>V</kbd>{' '}
            here.
          </p>
          <button type="button" className="primary" onClick={() => setView('add')}>
            Add your first account
          </button>
        </li>
        <li>
          <h3>Use a QR screenshot</h3>
          <p>
            Drop the screenshot or photo on this window, or copy it and press <kbd>{mod}</kbd>+
            <kbd>V</kbd>.
          </p>
          <button type="button" onClick={() => setView('import')}>
            Open an image or a backup…
          </button>
        </li>
        <li>
          <h3>Scan the screen</h3>
          <p>With the QR code open in your browser, OTP Desk finds it on your screen.</p>
          <button type="button" onClick={() => void scanScreen()}>
            Scan screen
          </button>
        </li>
      </ol>
      <PasswordOffer />
      <p className="hint">
        Moving from another app? Import its backup (Aegis, 2FAS, Google Authenticator, Bitwarden and
        others) with <strong>Import</strong>. Press <kbd>?</kbd> for keyboard shortcuts.
      </p>
    </section>
  );
}
