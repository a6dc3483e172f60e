import { useStore } from '../store/store';

/** What a new user sees: how to get the first account in, in three steps. */
export function EmptyState() {
  const setView = useStore((s) => s.setView);
  return (
    <section className="empty-state" aria-labelledby="empty-title">
      <span className="empty-mark" aria-hidden="true">
        123 456
      </span>
      <h2 id="empty-title">No accounts yet</h2>
      <ol>
        <li>On the website, open the security settings and turn on two-factor sign-in with an authenticator app.</li>
        <li>
          Below the QR code, choose <strong>Can’t scan?</strong> or <strong>Show secret key</strong>, and copy the key.
        </li>
        <li>Paste it here. OTP Desk shows a fresh code every 30 seconds; type it back on the website to finish.</li>
      </ol>
      <button type="button" className="primary" onClick={() => setView('add')}>
        Add your first account
      </button>
      <button type="button" onClick={() => setView('import')}>
        Import QR images or a backup
      </button>
      <p className="hint">
        Press <kbd>?</kbd> for keyboard shortcuts.
      </p>
    </section>
  );
}
