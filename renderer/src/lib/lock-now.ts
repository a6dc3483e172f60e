import { messageOf } from '../api';
import { useStore } from '../store/store';

/** "Lock now" (toolbar, Ctrl/Cmd+L): locks, or explains that a password is needed and offers to set one. */
export function lockNow(): void {
  const s = useStore.getState();
  if (!s.status?.hasPassword) {
    s.showToast(
      'Locking needs a vault password: without one, the keychain alone opens OTP Desk.',
      'info',
      {
        label: 'Set a password',
        run: () => useStore.getState().openSecuritySettings(),
      },
    );
    return;
  }
  s.lock().catch((e: unknown) => useStore.getState().showToast(messageOf(e), 'error'));
}
