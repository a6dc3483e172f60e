import { useEffect, useState } from 'react';
import type { PairingCode, SyncDevice } from '../../../../electron/api';
import { call, messageOf, remote } from '../../api';
import { useStore } from '../../store/store';
import { ErrorMessage } from '../ErrorMessage';
import { formatTime } from './use-sync-status';
import { useAction } from '../../hooks/use-action';

/** The folder's devices (name, last seen, remove) and a pairing code to add another. */
export function SyncDevices({ lastSync }: { lastSync: number | null }) {
  const [devices, setDevices] = useState<readonly SyncDevice[]>([]);
  const [pairing, setPairing] = useState<PairingCode | null>(null);
  const { busy, error, setError, run } = useAction();
  useEffect(() => {
    // Read again after every sync: a device that joined shows up, a removed one goes. A read in the
    // background neither disables the buttons nor clears what the last action said (a sync landing
    // right after "Add a device…" wiped its error).
    call(remote.sync.devices()).then(setDevices, (e: unknown) => setError(messageOf(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [lastSync]);
  const remove = (device: SyncDevice) =>
    void run(async () => {
      const name = await call(remote.sync.removeDevice(device.id));
      setDevices(await call(remote.sync.devices()));
      useStore.getState().showToast(`Removed ${name}; the folder has a new key`);
    });
  const showCode = () => void run(async () => setPairing(await call(remote.sync.pairingCode())));
  return (
    <>
      <ul className="device-list" aria-label="Sync devices">
        {devices.map((d) => (
          <li key={d.id}>
            <span className="names">
              <span className="issuer">
                {d.name}
                {d.you ? ' (this device)' : ''}
              </span>
              <span className="account">{d.lastSeen ? `last seen ${formatTime(d.lastSeen * 1000)}` : 'not seen yet'}</span>
            </span>
            {d.you ? null : (
              <button type="button" disabled={busy} onClick={() => remove(d)} aria-label={`Remove ${d.name}`}>
                Remove
              </button>
            )}
          </li>
        ))}
      </ul>
      {pairing ? (
        <div className="pairing" aria-label="Pairing code">
          <code data-testid="pairing-code">{pairing.code}</code>
          <img className="pairing-qr" alt="" src={`data:image/svg+xml;utf8,${encodeURIComponent(pairing.qrSvg)}`} />
          <p className="hint">Type this code in Settings › Sync on the new device (or otp-desk sync join). It works once.</p>
        </div>
      ) : null}
      <ErrorMessage message={error} />
      <div className="dialog-buttons">
        <button type="button" disabled={busy} onClick={showCode}>
          {pairing ? 'New pairing code' : 'Add a device…'}
        </button>
      </div>
    </>
  );
}
