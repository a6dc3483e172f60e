import { messageOf } from '../api';
import type { AccountSummary } from '../../../electron/core/otp/account';
import { fullNameOf, titleOf } from '../lib/visible-accounts';
import { useStore } from '../store/store';
import { Modal } from './Modal';

/** Asks before deleting; the account goes to the vault's trash, so Undo (or a restart) never loses it. */
export function ConfirmDelete({ account }: { account: AccountSummary }) {
  const close = () => useStore.getState().setDeleteId(null);
  const confirm = () => {
    const s = useStore.getState();
    close();
    s.removeAccount(account.id).catch((e: unknown) => s.showToast(messageOf(e), 'error'));
  };
  const label = fullNameOf(account);
  return (
    <Modal title={`Delete ${label}?`} onClose={close}>
      <p>
        Make sure you can still sign in to {titleOf(account)} another way, or have turned off
        two-factor sign-in there. You can undo for a few seconds after deleting.
      </p>
      <div className="dialog-buttons">
        <span className="spacer" />
        <button type="button" onClick={close} autoFocus>
          Cancel
        </button>
        <button type="button" className="danger" onClick={confirm}>
          Delete
        </button>
      </div>
    </Modal>
  );
}
