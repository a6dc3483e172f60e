import { useStore } from '../store/store';

/** What a new user sees: how to get the first account in. */
export function EmptyState() {
  const setView = useStore((s) => s.setView);
  return (
    <section className="empty-state">
      <h2>No accounts yet</h2>
      <p>
        When a website asks you to set up an authenticator app, it shows a QR code and a secret key. Choose <strong>Show
        secret key</strong> (or “Can’t scan?”), copy it, and paste it here.
      </p>
      <button type="button" className="primary" onClick={() => setView('add')}>
        Add your first account
      </button>
      <button type="button" onClick={() => setView('import')}>
        Import QR images or a backup
      </button>
    </section>
  );
}
