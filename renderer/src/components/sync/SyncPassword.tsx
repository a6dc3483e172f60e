import { useState } from 'react';
import { call, remote } from '../../api';
import { useStore } from '../../store/store';
import { NewPasswordForm } from '../security/NewPasswordForm';

/**
 * The sync password: another device can join with it instead of a pairing code. Checked for
 * strength like the vault password, since anyone with a copy of the folder can try guesses at it.
 */
export function SyncPassword() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <h3>Sync password</h3>
      <p className="hint">
        Another device can join with a sync password instead of a pairing code. A new one replaces the
        old; removing a device retires it.
      </p>
      {open ? (
        <NewPasswordForm
          withCurrent={false}
          submitLabel="Set sync password"
          weakRisk="Anyone who gets a copy of your sync folder could guess it."
          onCancel={() => setOpen(false)}
          onSubmit={async (password) => {
            await call(remote.sync.setPassword(password));
            setOpen(false);
            useStore.getState().showToast('Sync password set. Join other devices with it in Settings › Sync.');
          }}
        />
      ) : (
        <div className="dialog-buttons">
          <button type="button" onClick={() => setOpen(true)}>Set a sync password…</button>
        </div>
      )}
    </>
  );
}
