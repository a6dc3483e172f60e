import { useEffect } from 'react';
import { useStore } from '../store/store';

/** How long a toast stays: long enough to reach Undo, short enough to stay calm. */
const DURATION_MS = { info: 2500, action: 8000, error: 6000 } as const;

/** The transient confirmation, announced to screen readers, with an optional action (Undo). */
export function ToastView() {
  const toast = useStore((s) => s.toast);
  const dismiss = useStore((s) => s.dismissToast);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(dismiss, DURATION_MS[toast.action ? 'action' : toast.tone]);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  const act = () => {
    dismiss();
    void toast?.action?.run();
  };
  return (
    <div className="toast-region" role="status" aria-live="polite" aria-label="Notifications">
      {toast ? (
        <div className={`toast ${toast.tone}`} key={toast.id}>
          <span>{toast.message}</span>
          {toast.action ? (
            <button type="button" onClick={act}>
              {toast.action.label}
            </button>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
