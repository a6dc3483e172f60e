import { useEffect } from 'react';
import { useStore } from '../store/store';

/** The transient confirmation, announced to screen readers. */
export function ToastView() {
  const toast = useStore((s) => s.toast);
  const dismiss = useStore((s) => s.dismissToast);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(dismiss, toast.tone === 'error' ? 6000 : 2500);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {toast ? <div className={`toast ${toast.tone}`}>{toast.message}</div> : null}
    </div>
  );
}
